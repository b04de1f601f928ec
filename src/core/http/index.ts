export { createApp, MAX_BODY_BYTES, type CoreRoutes } from './app.ts';
export type { AppEnv, AppServices, FormFields } from './context.ts';
export { parseForm, safeNext, baseUrl, type ParsedForm } from './parse-form.ts';
export { rateLimit, clientAddress, countHit, overLimit, RATE_WINDOW_SECONDS } from './rate-limit.ts';
export { cookieOptions } from './cookies.ts';
export { LOCALE_COOKIE } from './locale-cookie.ts';
export { isApiPath } from './errors.tsx';
export { parseUrlEncoded, uploadedText } from './form.ts';
