// Shared input rules for every form and API body. Text must be well-formed Unicode without
// control characters (PostgreSQL rejects NUL, and invisible controls hide abuse); messages
// are locale keys, translated where they are shown.
import { z } from '@hono/zod-openapi';

// Tab, line feed and carriage return are fine in multi-line text; every other C0/C1 control is not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;

export function text(options: { min?: number; max: number; multiline?: boolean }) {
  const control = options.multiline ? CONTROL : CONTROL_SINGLE_LINE;
  return z
    .string({ error: 'error.field.required' })
    .refine((s) => s.isWellFormed(), { message: 'error.field.encoding', abort: true })
    .refine((s) => !control.test(s), { message: 'error.field.controlCharacters', abort: true })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 1, { message: (options.min ?? 1) <= 1 ? 'error.field.required' : 'error.field.tooShort' })
        .max(options.max, { message: 'error.field.tooLong' }),
    );

}

/** An optional text field: empty means absent. */
export function optionalText(options: { max: number; multiline?: boolean }) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    text({ ...options, min: 1 }).optional(),
  );
}

export const email = () =>
  text({ max: 254 }).pipe(z.email({ message: 'error.field.email' })).transform((s) => s.toLowerCase());

/** Limits of a field, for messages like "at most {max} characters". */
export interface FieldIssue {
  field: string;
  messageKey: string;
  values: Record<string, string | number>;
}

/** Turns zod issues into locale keys with their values, first issue per field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, ...messageFor(issue) });
  }
  return out;
}

function messageFor(issue: z.core.$ZodIssue): { messageKey: string; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {};
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
    values[issue.code === 'too_big' ? 'max' : 'min'] = Number(bound);
  }
  if (issue.message.startsWith('error.')) return { messageKey: issue.message, values };
  switch (issue.code) {
    case 'too_big': return { messageKey: 'error.field.tooLong', values };
    case 'too_small': return { messageKey: 'error.field.tooShort', values };
    case 'invalid_value': return { messageKey: 'error.field.choose', values };
    case 'invalid_type': return { messageKey: 'error.field.required', values };
    case 'invalid_format': return { messageKey: 'error.field.invalid', values };
    default: return { messageKey: 'error.field.invalid', values };
  }
}
