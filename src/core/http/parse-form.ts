import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv, FormFields } from './context.ts';
import { fieldIssues, type FieldIssue } from '../validation.ts';

export type ParsedForm<T> = { ok: true; data: T; raw: FormFields } | { ok: false; issues: FieldIssue[]; raw: FormFields };

/** Parses the posted form (already decoded and CSRF-checked) with a module's schema. */
export function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): ParsedForm<z.infer<S>> {
  const raw = c.get('form');
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, data: result.data, raw } : { ok: false, issues: fieldIssues(result.error), raw };
}

/** Only same-site paths may be redirected to after a form. */
export function safeNext(next: string | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

export function baseUrl(c: Context<AppEnv>): string {
  return c.get('services').config.publicUrl ?? new URL(c.req.url).origin;
}
