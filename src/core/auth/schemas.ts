import { z } from '@hono/zod-openapi';
import { email, text } from '../validation.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

// Passwords are not trimmed: every character the person typed counts.
const password = () =>
  z
    .string({ error: 'error.field.required' })
    .min(1, { message: 'error.field.required' })
    .refine((s) => s.isWellFormed() && !s.includes('\u0000'), { message: 'error.field.encoding', abort: true })
    .pipe(
      z
        .string()
        .min(MIN_PASSWORD_LENGTH, { message: 'error.password.tooShort' })
        .max(MAX_PASSWORD_LENGTH, { message: 'error.field.tooLong' }),
    );

export const RegisterInput = z.object({ name: text({ max: 100 }), email: email(), password: password() });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({
  email: email(),
  password: z.string({ error: 'error.field.required' }).min(1, { message: 'error.field.required' }).max(MAX_PASSWORD_LENGTH),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ error: 'error.field.required' }).min(1, { message: 'error.field.required' }).max(MAX_PASSWORD_LENGTH),
  newPassword: password(),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const ForgotPasswordInput = z.object({ email: email() });
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInput>;

export const ResetPasswordInput = z.object({
  token: z.string().min(10).max(200),
  newPassword: password(),
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
