import type { Context } from 'hono';
import { renderToString } from 'preact-render-to-string';
import type { AppEnv } from '../http/context.ts';
import { Layout, type LayoutProps } from './components/layout/Layout.tsx';
import { stylesheetHref } from './styles.ts';
import { scriptHref } from './script.ts';
import type { ViewContext } from './view-context.ts';

export type PageProps = Omit<LayoutProps, 'v' | 'stylesheet' | 'script'> & { enhanced?: boolean; status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503 };

/** Renders a full HTML page with its doctype. Views are preact components rendered to a string once, on the server. */
export async function renderPage(c: Context<AppEnv>, v: ViewContext, props: PageProps): Promise<Response> {
  const { status = 200, enhanced, ...layout } = props;
  const body = renderToString(<Layout v={v} stylesheet={stylesheetHref} script={enhanced ? scriptHref : undefined} {...layout} />);
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${body}`, status);
}
