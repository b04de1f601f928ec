// Expected outcomes are values, not exceptions (see STYLE.md "A service function").
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E extends string>(error: E): { ok: false; error: E } => ({ ok: false, error });

/**
 * The one error type that crosses layers: a stable code, an HTTP status and a message key
 * from `locales/`. Thrown for "not allowed" and "not found" so core/http maps them once.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly messageKey: string,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('not-found', 404, 'error.notFound');
export const forbidden = () => new AppError('forbidden', 403, 'error.forbidden');
