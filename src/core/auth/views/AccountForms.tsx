import type { FieldIssue } from '../../validation.ts';
import { byField, ErrorSummary, PostForm, TextInput, Button, type ViewContext } from '../../views/index.ts';

interface FormProps {
  v: ViewContext;
  issues?: readonly FieldIssue[];
  values?: Record<string, string>;
  notice?: string | undefined;
}

export function LoginForm(props: FormProps & { next: string }) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('account.login')}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <PostForm v={v} action="/account/login">
        <input type="hidden" name="next" value={props.next} />
        <TextInput v={v} name="email" type="email" label={v.t('account.email')} autocomplete="email" value={props.values?.email} errors={errors} />
        <TextInput v={v} name="password" type="password" label={v.t('account.password')} autocomplete="current-password" errors={errors} />
        <Button>{v.t('account.login')}</Button>
      </PostForm>
      <p><a href="/account/forgot">{v.t('account.forgot')}</a></p>
      <p><a href="/account/register">{v.t('account.noAccount')}</a></p>
    </>
  );
}

export function RegisterForm(props: FormProps) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('account.register')}</h1>
      <PostForm v={v} action="/account/register">
        <TextInput v={v} name="name" label={v.t('account.name')} hint={v.t('account.nameHint')} autocomplete="name" value={props.values?.name} errors={errors} />
        <TextInput v={v} name="email" type="email" label={v.t('account.email')} autocomplete="email" value={props.values?.email} errors={errors} />
        <TextInput v={v} name="password" type="password" label={v.t('account.password')} hint={v.t('account.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{v.t('account.register')}</Button>
      </PostForm>
    </>
  );
}

export function ForgotForm(props: FormProps) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('account.forgotTitle')}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <PostForm v={v} action="/account/forgot">
        <TextInput v={v} name="email" type="email" label={v.t('account.email')} hint={v.t('account.forgotHint')} autocomplete="email" value={props.values?.email} errors={errors} />
        <Button>{v.t('account.sendLink')}</Button>
      </PostForm>
    </>
  );
}

export function ResetForm(props: FormProps & { token: string }) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('account.resetTitle')}</h1>
      <PostForm v={v} action="/account/reset">
        <input type="hidden" name="token" value={props.token} />
        <TextInput v={v} name="newPassword" type="password" label={v.t('account.newPassword')} hint={v.t('account.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{v.t('account.setPassword')}</Button>
      </PostForm>
    </>
  );
}

export function AccountPage(props: FormProps & { roles: { tenant: string; role: string }[] }) {
  const { v } = props;
  const errors = byField(props.issues ?? []);
  return (
    <>
      <ErrorSummary v={v} issues={props.issues ?? []} />
      <h1>{v.t('account.title')}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <dl>
        <dt>{v.t('account.name')}</dt><dd>{v.actor?.name}</dd>
        <dt>{v.t('account.email')}</dt><dd>{v.actor?.email}</dd>
      </dl>
      {props.roles.length ? (
        <>
          <h2>{v.t('account.roles')}</h2>
          <ul>{props.roles.map((r) => <li>{v.t(`role.${r.role}`)} – {r.tenant}</li>)}</ul>
        </>
      ) : null}
      <h2>{v.t('account.changePassword')}</h2>
      <PostForm v={v} action="/account/password">
        <TextInput v={v} name="currentPassword" type="password" label={v.t('account.currentPassword')} autocomplete="current-password" errors={errors} />
        <TextInput v={v} name="newPassword" type="password" label={v.t('account.newPassword')} hint={v.t('account.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{v.t('account.changePassword')}</Button>
      </PostForm>
    </>
  );
}
