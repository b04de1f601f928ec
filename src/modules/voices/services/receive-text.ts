// A text arrives by SMS or WhatsApp: a voice, or a keyword (STATUS, FOLLOW, STOP, START, HELP).
// The answer is queued as a text in the sender's language. A gateway that delivers the same
// message again (by its id) changes nothing and gets no second answer.
import type { Db } from '../../../core/db/index.ts';
import { nameBasedUuid } from '../../../core/crypto.ts';
import { formatDate, isLocale, translator, type Locale, type Translate } from '../../../core/i18n/index.ts';
import { fieldIssues } from '../../../core/validation.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { VoiceInput } from '../schemas.ts';
import { categoryName, loadTaxonomy } from '../queries/list-taxonomy.ts';
import { callerLanguage, rememberCallerLanguage } from '../queries/caller-language.ts';
import { titleFrom } from '../title-from.ts';
import { submitVoice } from './submit-voice.ts';
import { parseText, type CommandKind, type TextCommand } from '../texts/commands.ts';
import { classifyText } from '../texts/classify.ts';
import { phoneHash } from '../texts/phone.ts';
import { keywordValues, textKeywords } from '../texts/wording.ts';
import type { OutboundText, TextOutbox, TextPurpose } from '../texts/outbox.ts';
import { answerWriter } from '../texts/record-answers.ts';
import { voiceByTypedReference } from '../queries/voice-by-typed-reference.ts';
import { changeSubscription } from './change-text-subscription.ts';
import type { InboundText } from '../texts/gateway.ts';
import type { TextKeyword } from '../../../core/texts.ts';
import { moduleKeyword } from '../texts/module-keywords.ts';

export interface TextArrival {
  gateway: string;
  channel: 'sms' | 'whatsapp';
  message: InboundText;
}

/** What an answer is written with: the language's messages and keywords, and the reply to this phone. */
export interface Replying {
  t: Translate;
  words: { city: string } & Record<CommandKind, string>;
  answer: (purpose: TextPurpose, body: string, voiceId?: string | null) => OutboundText;
}

const replying = (arrival: TextArrival, city: Tenant, caller: string, lang: Locale): Replying => ({
  t: translator(lang),
  words: { city: city.name, ...keywordValues(lang) },
  answer: (purpose, body, voiceId = null) =>
    ({ tenantId: city.id, gateway: arrival.gateway, phone: arrival.message.from, phoneHash: caller, purpose, body, voiceId }),
});

/** 'duplicate' when the gateway had delivered this message before. */
export type TextOutcome = 'answered' | 'duplicate';

/** Topics and areas named in a help text; more would not fit a message. */
const LISTED = 8;

export async function receiveText(
  db: Db, outbox: TextOutbox, arrival: TextArrival, city: Tenant, moduleKeywords: readonly TextKeyword[] = [],
): Promise<TextOutcome> {
  const { message, gateway } = arrival;
  const caller = phoneHash(outbox.secret, message.from);
  // Another module's keyword (VOTE …): that module answers, in the keyword's language.
  const handed = message.text === null ? null : moduleKeyword(message.text, moduleKeywords);
  if (handed) {
    const remembered = await callerLanguage(db, city.id, caller);
    const lang = remembered && handed.langs.includes(remembered) ? remembered : handed.langs[0]!;
    const body = await handed.keyword.answer(db, { city, words: handed.words, phone: message.from, lang, channel: arrival.channel, secret: outbox.secret });
    const fresh = await answerWriter(db)({ outbox, gateway, messageId: message.messageId, tenantId: city.id, caller, replies: [replying(arrival, city, caller, lang).answer('receipt', body)] });
    return fresh ? 'answered' : 'duplicate';
  }
  const command: TextCommand | { kind: 'not-text' } = message.text === null ? { kind: 'not-text' } : parseText(message.text, textKeywords());
  const remembered = await callerLanguage(db, city.id, caller);
  const fallback: Locale = remembered ?? (isLocale(city.defaultLocale) ? city.defaultLocale : 'en');
  // A keyword chooses the language of the answer when it belongs to one the caller did not use before.
  const lang: Locale = 'langs' in command ? (command.langs.includes(fallback) ? fallback : command.langs[0]!) : fallback;
  const reply = replying(arrival, city, caller, lang);
  const { t, words, answer } = reply;

  // Following, stopping and starting change what the city keeps about the phone: one
  // transaction each. Everything else only answers, in a batch with the texts arriving meanwhile.
  if (command.kind === 'stop' || command.kind === 'start') {
    return changeSubscription(db, outbox, { arrival, city, caller, lang, remembered, reply, kind: command.kind, reference: null });
  }
  if (command.kind === 'follow' && command.reference !== null) {
    return changeSubscription(db, outbox, { arrival, city, caller, lang, remembered, reply, kind: 'follow', reference: command.reference });
  }
  if (lang !== remembered && 'langs' in command) await rememberCallerLanguage(db, city.id, caller, lang);
  const replies: OutboundText[] = [];
  switch (command.kind) {
    case 'not-text':
      replies.push(answer('help', t('text.notText')));
      break;
    case 'voice': {
      // Stored under a key made from the message id: a delivery retried after a crash finds the
      // same voice, and the answer below is recorded once.
      const stored = await storeVoice(db, outbox.secret, arrival, city, command.text, lang);
      replies.push('refusal' in stored
        ? answer('help', stored.refusal)
        : answer('receipt', t('text.receipt', { ...words, reference: stored.reference, number: shortNumber(stored.reference) }), stored.id));
      break;
    }
    case 'help':
      replies.push(answer('help', await helpText(db, city, lang)));
      break;
    case 'follow':
      replies.push(answer('help', t('text.askReference', { keyword: words.follow })));
      break;
    case 'status': {
      if (command.reference === null) {
        replies.push(answer('help', t('text.askReference', { keyword: words.status })));
        break;
      }
      const voice = await voiceByTypedReference(db, city, command.reference, lang);
      replies.push(voice
        ? answer('status', t('text.status', {
          reference: voice.reference, status: t(`status.${voice.status}`), date: formatDate(lang, new Date(voice.updatedAt), city.settings.timeZone),
        }), voice.id)
        : answer('help', t('text.notFound', { ...words, reference: command.reference })));
      break;
    }
  }
  const fresh = await answerWriter(db)({ outbox, gateway, messageId: message.messageId, tenantId: city.id, caller, replies });
  return fresh ? 'answered' : 'duplicate';
}

async function storeVoice(
  db: Db, secret: string, arrival: TextArrival, city: Tenant, text: string, lang: Locale,
): Promise<{ id: string; reference: string } | { refusal: string }> {
  const t = translator(lang);
  const taxonomy = await loadTaxonomy(db, city.id);
  const sorted = classifyText(text, taxonomy, { category: city.settings.textCategory, area: city.settings.textArea });
  if (!sorted.category) return { refusal: t('text.needTopic', { city: city.name, topics: topicList(taxonomy.categories, lang) }) };
  if (!sorted.area) return { refusal: t('text.needArea', { areas: taxonomy.areas.slice(0, LISTED).map((a) => a.name).join(', ') }) };
  const description = sorted.description.replace(/\s+/gu, ' ').trim();
  const parsed = VoiceInput.safeParse({
    title: titleFrom(description), description, category: sorted.category, area: sorted.area,
    submissionKey: nameBasedUuid(`text\0${arrival.gateway}\0${city.id}\0${arrival.message.messageId}`),
  });
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    const issue = issues.find((i) => i.field === 'description') ?? issues.find((i) => i.field === 'title') ?? issues[0];
    return { refusal: issue ? t(issue.messageKey, issue.values) : t('text.notText') };
  }
  const result = await submitVoice(db, { ...parsed.data, lang, channel: arrival.channel, secret }, null, city);
  if (!result.ok) {
    // The city's default topic or area for texts was removed since it was chosen.
    return { refusal: t('text.needTopic', { city: city.name, topics: topicList(taxonomy.categories, lang) }) };
  }
  return result.value;
}

async function helpText(db: Db, city: Tenant, lang: Locale): Promise<string> {
  const { categories } = await loadTaxonomy(db, city.id);
  return translator(lang)('text.help', { city: city.name, topics: topicList(categories, lang), ...keywordValues(lang) });
}

const topicList = (categories: readonly { slug: string; names: Record<string, string> }[], lang: Locale) =>
  categories.slice(0, LISTED).map((c) => categoryName(c, lang).split(/\s+/u)[0]!.toUpperCase()).join(', ');

/** The number people type back: this year's references need only it. */
const shortNumber = (reference: string) => {
  const [, year, number] = /-(\d{4})-(\d+)$/.exec(reference) ?? [];
  return year === String(new Date().getUTCFullYear()) && number ? String(Number(number)) : reference;
};
