// The page shell: skip link, header with language switcher and account links, one main
// landmark, footer. One stylesheet; the enhancement script only where a page asks for it.
import type { ComponentChildren as Child } from 'preact';
import { LOCALES, LOCALE_NAMES } from '../../../i18n/index.ts';
import type { ViewContext } from '../../view-context.ts';
import { PostForm } from '../post-form/PostForm.tsx';

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface LayoutProps {
  v: ViewContext;
  title: string;
  /** Whether the title should be prefixed with the word for "Error" (a failed form). */
  hasErrors?: boolean;
  site?: { name: string; href: string } | undefined;
  nav?: readonly NavItem[] | undefined;
  stylesheet: string;
  /** The enhancement script's address, for pages that use it (a ballot's running total). */
  script?: string | undefined;
  children: Child;
}

export function Layout(props: LayoutProps) {
  const { v } = props;
  const { t } = v;
  const title = `${props.hasErrors ? `${t('form.errorTitlePrefix')}: ` : ''}${props.title} – ${props.site?.name ?? 'Baraza'}`;
  return (
    <html lang={v.locale} dir={v.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={props.stylesheet} />
        {props.script ? <script src={props.script} defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('layout.skipToContent')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">Baraza</a>
            {props.site ? <a class="site-name" href={props.site.href}>{props.site.name}</a> : null}
            <nav class="languages" aria-label={t('layout.languages')}>
              <ul>
                {LOCALES.map((code) =>
                  code === v.locale ? (
                    <li><span aria-current="true" lang={code}>{LOCALE_NAMES[code]}</span></li>
                  ) : (
                    <li>
                      <a href={`/lang/${code}?next=${encodeURIComponent(v.here)}`} lang={code} hreflang={code}>
                        {LOCALE_NAMES[code]}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
            <nav class="account" aria-label={t('layout.account')}>
              {v.actor ? (
                <ul>
                  <li><a href="/account">{v.actor.name}</a></li>
                  <li>
                    <PostForm v={v} action="/account/logout" class="inline">
                      <button type="submit" class="link">{t('account.logout')}</button>
                    </PostForm>
                  </li>
                </ul>
              ) : (
                <ul>
                  <li><a href={`/account/login?next=${encodeURIComponent(v.here)}`}>{t('account.login')}</a></li>
                  <li><a href="/account/register">{t('account.register')}</a></li>
                </ul>
              )}
            </nav>
          </div>
          {props.nav?.length ? (
            <nav class="wrap site-nav" aria-label={t('layout.mainNav')}>
              <ul>
                {props.nav.map((item) => (
                  <li><a href={item.href} aria-current={item.current ? 'page' : undefined}>{item.label}</a></li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">{t('layout.footer')}</div>
        </footer>
      </body>
    </html>
  );
}
