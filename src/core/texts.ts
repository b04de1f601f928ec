// A keyword another module answers on a city's text line (SMS, WhatsApp). The voices module
// owns the line; a module that wants a command of its own (VOTE, say) declares it in its
// manifest, and voices hands it every text that starts with that keyword, in any language.
import type { Db } from './db/index.ts';
import type { Locale } from './i18n/index.ts';
import type { Tenant } from './tenancy/index.ts';

export interface TextKeywordInput {
  city: Tenant;
  /** The text after the keyword. */
  words: string;
  /** The sender's number, as the gateway gave it. */
  phone: string;
  /** The language of the keyword used (or the caller's, when several share it): answer in it. */
  lang: Locale;
  channel: 'sms' | 'whatsapp';
  secret: string;
}

export interface TextKeyword {
  /** The catalogue key whose value lists the keyword's words in each language: "VOTE|BALLOT". */
  wordsKey: string;
  /** The reply to send back. Called again when a gateway delivers the same message twice, so it must be safe to repeat. */
  answer(db: Db, input: TextKeywordInput): Promise<string>;
}
