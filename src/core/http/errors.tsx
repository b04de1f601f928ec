// Errors are mapped once, here: typed AppErrors become their status with a translated message,
// anything else is a 500 with the request id (logged with that id, never a stack trace).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../result.ts';
import type { AppEnv } from './context.ts';
import { renderPage, viewContext } from '../views/index.ts';
import { translator, DEFAULT_LOCALE } from '../i18n/index.ts';

export const isApiPath = (path: string) => path.startsWith('/api/');

export async function handleError(error: Error, c: Context<AppEnv>): Promise<Response> {
  let appError: AppError | undefined;
  if (error instanceof AppError) appError = error;
  else if (error instanceof HTTPException && error.status === 413) appError = new AppError('payload-too-large', 413, 'error.tooLarge');
  else if (error instanceof HTTPException && error.status < 500) appError = new AppError('bad-request', 400, 'error.badRequest');

  const t = c.get('t') ?? translator(DEFAULT_LOCALE);
  const requestId = c.get('requestId') ?? '-';
  if (!appError) (c.get('log') ?? console).error({ err: error, requestId }, 'unhandled error');
  const status = appError?.status ?? 500;
  const message = appError ? t(appError.messageKey) : t('error.internal', { requestId });
  if (isApiPath(c.req.path)) {
    return c.json({ error: { code: appError?.code ?? 'internal', message, requestId } }, status);
  }
  if (!c.get('services') || !c.get('t')) return c.text(message, status);
  const v = viewContext(c);
  return renderPage(c, v, {
    status,
    title: t(status === 404 ? 'error.notFoundTitle' : status === 500 ? 'error.internalTitle' : 'error.title'),
    children: (
      <>
        <h1>{t(status === 404 ? 'error.notFoundTitle' : status === 500 ? 'error.internalTitle' : 'error.title')}</h1>
        <p>{message}</p>
        <p><a href="/">{t('error.backHome')}</a></p>
      </>
    ),
  });
}
