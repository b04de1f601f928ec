// Invalid API input answers 400 with every problem, each with its field path and a message in
// the caller's language (Accept-Language), so a client can show them to a person as they are.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context.ts';
import { fieldIssues } from '../validation.ts';

type HookResult = { success: true } | { success: false; error: z.ZodError };

export function validationHook(result: HookResult, c: Context<AppEnv>) {
  if (result.success) return undefined;
  const t = c.get('t');
  const issues = fieldIssues(result.error);
  return c.json(
    {
      error: {
        code: 'invalid-input',
        message: t('error.invalidInput'),
        fields: issues.map((i) => ({ field: i.field, code: i.messageKey, message: t(i.messageKey, i.values) })),
      },
    },
    400,
  );
}
