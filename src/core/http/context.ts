// What every request handler can reach: the process-wide services and the per-request facts
// (who is acting, in which language, with which CSRF token).
import type { TextKeyword } from '../texts.ts';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database, JobQueue } from '../db/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Mailer } from '../mail.ts';

export interface AppServices {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly mailer: Mailer;
  /** Background work: outbound texts and notices. */
  readonly jobs: JobQueue;
  /** Keywords modules answer on the text line, from their manifests. */
  readonly textKeywords: readonly TextKeyword[];
}

export type FormFields = Record<string, string>;

export interface AppEnv {
  Variables: {
    services: AppServices;
    requestId: string;
    log: Logger;
    actor: Actor | null;
    sessionToken: string | null;
    locale: Locale;
    t: Translate;
    csrfToken: string;
    /** The parsed body of a form post (after the CSRF check). */
    form: FormFields;
    /** Files sent with a multipart form post, by field name. */
    files: Record<string, File>;
  };
}
