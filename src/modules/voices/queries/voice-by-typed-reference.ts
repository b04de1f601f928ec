// The city's voice a phone names by its reference, typed as people type it on a keypad.
import type { Db } from '../../../core/db/index.ts';
import type { Locale } from '../../../core/i18n/index.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { referenceFromKeypad } from '../reference.ts';
import { getVoice } from './get-voice.ts';

/** The city's voice a phone names: a number (this year's) or a whole reference. */
export function voiceByTypedReference(db: Db, city: Tenant, typed: string, lang: Locale) {
  const reference = referenceFromKeypad(typed, city.code ?? '', new Date().getUTCFullYear());
  return reference ? getVoice(db, city.id, reference, lang) : Promise.resolve(null);
}
