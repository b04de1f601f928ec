// Account pages: register, sign in and out, change and reset a password.
import type { Context, Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { inArray } from 'drizzle-orm';
import type { AppEnv } from '../http/context.ts';
import { parseForm, safeNext, baseUrl } from '../http/parse-form.ts';
import { cookieOptions } from '../http/cookies.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { renderPage, viewContext } from '../views/index.ts';
import { coreTables } from '../db/index.ts';
import { AppError } from '../result.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { SESSION_DAYS } from './sessions.ts';
import { logOut } from './services/log-out.ts';
import { LoginInput, RegisterInput, ChangePasswordInput, ForgotPasswordInput, ResetPasswordInput } from './schemas.ts';
import { logIn } from './services/log-in.ts';
import { registerUser } from './services/register-user.ts';
import { changePassword } from './services/change-password.ts';
import { requestPasswordReset } from './services/request-password-reset.ts';
import { resetPassword } from './services/reset-password.ts';
import { LoginForm, RegisterForm, ForgotForm, ResetForm, AccountPage } from './views/AccountForms.tsx';

const NOTICES: Record<string, string> = {
  'password-changed': 'account.passwordChanged',
  'password-reset': 'account.passwordResetDone',
  registered: 'account.registered',
};

export function accountPages(app: Hono<AppEnv>): void {
  const loginLimit = rateLimit({ bucket: 'login', limit: (c) => c.rateLimitLogins });
  const postLimit = rateLimit({ bucket: 'account', limit: (c) => c.rateLimitPosts });

  const startSession = (c: Context<AppEnv>, token: string) =>
    setCookie(c, SESSION_COOKIE, token, cookieOptions(c, { maxAge: SESSION_DAYS * 86_400 }));

  app.get('/account/login', (c) => {
    const v = viewContext(c);
    const notice = NOTICES[c.req.query('done') ?? ''];
    return renderPage(c, v, {
      title: v.t('account.login'),
      children: <LoginForm v={v} next={safeNext(c.req.query('next'))} notice={notice ? v.t(notice) : undefined} />,
    });
  });

  app.post('/account/login', loginLimit, async (c) => {
    const v = viewContext(c);
    const form = parseForm(c, LoginInput);
    const next = safeNext(c.get('form').next);
    if (!form.ok) {
      return renderPage(c, v, { status: 400, hasErrors: true, title: v.t('account.login'), children: <LoginForm v={v} next={next} issues={form.issues} values={form.raw} /> });
    }
    const result = await logIn(c.get('services').database.db, form.data);
    if (!result.ok) {
      const issues = [{ field: 'email', messageKey: result.error === 'locked' ? 'error.account.locked' : 'error.account.invalidLogin', values: {} }];
      return renderPage(c, v, { status: result.error === 'locked' ? 429 : 401, hasErrors: true, title: v.t('account.login'), children: <LoginForm v={v} next={next} issues={issues} values={form.raw} /> });
    }
    startSession(c, result.value.token);
    return c.redirect(next, 303);
  });

  app.post('/account/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await logOut(c.get('services').database.db, { token });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  app.get('/account/register', (c) => {
    const v = viewContext(c);
    return renderPage(c, v, { title: v.t('account.register'), children: <RegisterForm v={v} /> });
  });

  app.post('/account/register', postLimit, async (c) => {
    const v = viewContext(c);
    const form = parseForm(c, RegisterInput);
    if (!form.ok) {
      return renderPage(c, v, { status: 400, hasErrors: true, title: v.t('account.register'), children: <RegisterForm v={v} issues={form.issues} values={form.raw} /> });
    }
    const { db } = c.get('services').database;
    const created = await registerUser(db, { ...form.data, locale: v.locale });
    if (!created.ok) {
      const issues = [{ field: 'email', messageKey: 'error.account.emailTaken', values: {} }];
      return renderPage(c, v, { status: 409, hasErrors: true, title: v.t('account.register'), children: <RegisterForm v={v} issues={issues} values={form.raw} /> });
    }
    const login = await logIn(db, { email: form.data.email, password: form.data.password });
    if (login.ok) startSession(c, login.value.token);
    return c.redirect('/account?done=registered', 303);
  });

  app.get('/account', async (c) => {
    const v = viewContext(c);
    const actor = c.get('actor');
    if (!actor) return c.redirect(`/account/login?next=${encodeURIComponent('/account')}`, 303);
    const tenantIds = actor.memberships.map((m) => m.tenantId);
    const names = tenantIds.length
      ? await c.get('services').database.db
          .select({ id: coreTables.tenants.id, name: coreTables.tenants.name })
          .from(coreTables.tenants)
          .where(inArray(coreTables.tenants.id, tenantIds))
      : [];
    const roles = actor.memberships.map((m) => ({ role: m.role, tenant: names.find((n) => n.id === m.tenantId)?.name ?? '' }));
    const notice = NOTICES[c.req.query('done') ?? ''];
    return renderPage(c, v, { title: v.t('account.title'), children: <AccountPage v={v} roles={roles} notice={notice ? v.t(notice) : undefined} /> });
  });

  app.post('/account/password', async (c) => {
    const v = viewContext(c);
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated', 401, 'error.signInRequired');
    const form = parseForm(c, ChangePasswordInput);
    const page = (issues: Parameters<typeof AccountPage>[0]['issues'], status: 400 | 401) =>
      renderPage(c, v, { status, hasErrors: true, title: v.t('account.title'), children: <AccountPage v={v} roles={[]} issues={issues} /> });
    if (!form.ok) return page(form.issues, 400);
    const result = await changePassword(c.get('services').database.db, { ...form.data, keepSessionToken: c.get('sessionToken') }, actor);
    if (!result.ok) return page([{ field: 'currentPassword', messageKey: 'error.account.wrongPassword', values: {} }], 400);
    return c.redirect('/account?done=password-changed', 303);
  });

  app.get('/account/forgot', (c) => {
    const v = viewContext(c);
    return renderPage(c, v, { title: v.t('account.forgotTitle'), children: <ForgotForm v={v} /> });
  });

  app.post('/account/forgot', postLimit, async (c) => {
    const v = viewContext(c);
    const form = parseForm(c, ForgotPasswordInput);
    if (!form.ok) {
      return renderPage(c, v, { status: 400, hasErrors: true, title: v.t('account.forgotTitle'), children: <ForgotForm v={v} issues={form.issues} values={form.raw} /> });
    }
    const { database, mailer } = c.get('services');
    await requestPasswordReset(database.db, { ...form.data, baseUrl: baseUrl(c), mailer, t: v.t });
    return renderPage(c, v, { title: v.t('account.forgotTitle'), children: <ForgotForm v={v} notice={v.t('account.linkSent')} /> });
  });

  app.get('/account/reset', (c) => {
    const v = viewContext(c);
    return renderPage(c, v, { title: v.t('account.resetTitle'), children: <ResetForm v={v} token={c.req.query('token') ?? ''} /> });
  });

  app.post('/account/reset', postLimit, async (c) => {
    const v = viewContext(c);
    const form = parseForm(c, ResetPasswordInput);
    const token = c.get('form').token ?? '';
    const page = (issues: Parameters<typeof ResetForm>[0]['issues']) =>
      renderPage(c, v, { status: 400, hasErrors: true, title: v.t('account.resetTitle'), children: <ResetForm v={v} token={token} issues={issues} /> });
    if (!form.ok) {
      const tokenIssue = form.issues.find((i) => i.field === 'token');
      return page(tokenIssue ? [{ field: 'newPassword', messageKey: 'error.account.resetInvalid', values: {} }] : form.issues);
    }
    const result = await resetPassword(c.get('services').database.db, form.data);
    if (!result.ok) return page([{ field: 'newPassword', messageKey: 'error.account.resetInvalid', values: {} }]);
    return c.redirect('/account/login?done=password-reset', 303);
  });
}
