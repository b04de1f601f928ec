// A text arrives by SMS or WhatsApp: a voice, or a keyword (STATUS, FOLLOW, STOP, START, HELP).
// The answer is queued as a text in the sender's language. A gateway that delivers the same
// message again (by its id) changes nothing and gets no second answer.
import { sql } from 'drizzle-orm';
import { groupCommit, queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import { nameBasedUuid, seal } from '../../../core/crypto.ts';
import { formatDate, isLocale, translator, type Locale } from '../../../core/i18n/index.ts';
import { fieldIssues } from '../../../core/validation.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { VoiceInput } from '../schemas.ts';
import { categoryName, loadTaxonomy } from '../queries/list-taxonomy.ts';
import { getVoice } from '../queries/get-voice.ts';
import { callerLanguage, rememberCallerLanguage } from '../queries/caller-language.ts';
import { referenceFromKeypad } from '../reference.ts';
import { titleFrom } from '../title-from.ts';
import { submitVoice } from './submit-voice.ts';
import { parseText, type TextCommand } from '../texts/commands.ts';
import { classifyText } from '../texts/classify.ts';
import { phoneHash } from '../texts/phone.ts';
import { keywordValues, textKeywords } from '../texts/wording.ts';
import { queueTexts, type OutboundText, type TextOutbox, type TextPurpose } from '../texts/outbox.ts';
import type { InboundText } from '../texts/gateway.ts';

export interface TextArrival {
  gateway: string;
  channel: 'sms' | 'whatsapp';
  message: InboundText;
}

/** 'duplicate' when the gateway had delivered this message before. */
export type TextOutcome = 'answered' | 'duplicate';

/** Topics and areas named in a help text; more would not fit a message. */
const LISTED = 8;

export async function receiveText(db: Db, outbox: TextOutbox, arrival: TextArrival, city: Tenant): Promise<TextOutcome> {
  const { message, gateway } = arrival;
  const caller = phoneHash(outbox.secret, message.from);
  const command: TextCommand | { kind: 'not-text' } = message.text === null ? { kind: 'not-text' } : parseText(message.text, textKeywords());
  const remembered = await callerLanguage(db, city.id, caller);
  const fallback: Locale = remembered ?? (isLocale(city.defaultLocale) ? city.defaultLocale : 'en');
  // A keyword chooses the language of the answer when it belongs to one the caller did not use before.
  const lang: Locale = 'langs' in command ? (command.langs.includes(fallback) ? fallback : command.langs[0]!) : fallback;
  const t = translator(lang);
  const words = { city: city.name, ...keywordValues(lang) };
  const answer = (purpose: TextPurpose, body: string, voiceId: string | null = null): OutboundText =>
    ({ tenantId: city.id, gateway, phone: message.from, phoneHash: caller, purpose, body, voiceId });

  // Following, stopping and starting change what the city keeps about the phone: one
  // transaction each. Everything else only answers, in a batch with the texts arriving meanwhile.
  if (command.kind === 'stop' || command.kind === 'start') {
    return changeSubscription(db, outbox, { arrival, city, caller, lang, remembered, kind: command.kind, reference: null });
  }
  if (command.kind === 'follow' && command.reference !== null) {
    return changeSubscription(db, outbox, { arrival, city, caller, lang, remembered, kind: 'follow', reference: command.reference });
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

async function changeSubscription(
  db: Db, outbox: TextOutbox,
  input: { arrival: TextArrival; city: Tenant; caller: string; lang: Locale; remembered: Locale | null; kind: 'follow' | 'stop' | 'start'; reference: string | null },
): Promise<TextOutcome> {
  const { arrival: { gateway, message }, city, caller, lang, kind } = input;
  const t = translator(lang);
  const words = { city: city.name, ...keywordValues(lang) };
  const answer = (purpose: TextPurpose, body: string, voiceId: string | null = null): OutboundText =>
    ({ tenantId: city.id, gateway, phone: message.from, phoneHash: caller, purpose, body, voiceId });
  return db.transaction(async (tx) => {
    const [fresh] = await queryRows<{ ok: number }>(tx, sql`
      insert into voices_text_inbound (gateway, message_id, tenant_id) values (${gateway}, ${message.messageId}, ${city.id})
      on conflict do nothing returning 1 as ok`);
    if (!fresh) return 'duplicate';
    const [contact] = await queryRows<{ opted_out: boolean }>(tx, sql`
      select opted_out_at is not null as opted_out from voices_text_contact where tenant_id = ${city.id} and phone_hash = ${caller}`);
    const optedOut = contact?.opted_out ?? false;
    if (lang !== input.remembered) await rememberCallerLanguage(tx, city.id, caller, lang);

    const replies: OutboundText[] = [];
    switch (kind) {
      case 'follow': {
        const voice = await voiceByTypedReference(tx, city, input.reference ?? '', lang);
        if (!voice) {
          replies.push(answer('help', t('text.notFound', { ...words, reference: input.reference ?? '' })));
          break;
        }
        if (optedOut) break;
        await tx.execute(sql`
          insert into voices_text_follower (tenant_id, voice_id, phone_hash, phone_sealed, gateway, lang)
          values (${city.id}, ${voice.id}, ${caller}, ${seal(outbox.secret, message.from)}, ${gateway}, ${lang})
          on conflict (tenant_id, voice_id, phone_hash) do update set phone_sealed = excluded.phone_sealed, gateway = excluded.gateway, lang = excluded.lang`);
        await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'voice.follow-by-text', objectType: 'voice', objectId: voice.id, after: { gateway } });
        replies.push(answer('follow', t('text.following', { ...words, reference: voice.reference }), voice.id));
        break;
      }
      case 'stop':
        await tx.execute(sql`
          insert into voices_text_contact (tenant_id, phone_hash, opted_out_at) values (${city.id}, ${caller}, now())
          on conflict (tenant_id, phone_hash) do update set opted_out_at = coalesce(voices_text_contact.opted_out_at, now()), updated_at = now()`);
        // Nothing more is owed to this number: news it followed and texts not yet sent go.
        await tx.execute(sql`delete from voices_text_follower where tenant_id = ${city.id} and phone_hash = ${caller}`);
        await tx.execute(sql`update voices_text_delivery set status = 'dropped', phone_sealed = null, last_error = 'opted out', updated_at = now()
          where tenant_id = ${city.id} and phone_hash = ${caller} and status = 'queued' and purpose <> 'stop'`);
        await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'text.opt-out', objectType: 'phone', objectId: caller, after: { gateway } });
        // The one text an opted-out number still gets: the confirmation, unless it had already stopped.
        if (!optedOut) replies.push(answer('stop', t('text.stopped', words)));
        break;
      case 'start':
        await tx.execute(sql`
          insert into voices_text_contact (tenant_id, phone_hash, opted_out_at) values (${city.id}, ${caller}, null)
          on conflict (tenant_id, phone_hash) do update set opted_out_at = null, updated_at = now()`);
        if (optedOut) await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'text.opt-in', objectType: 'phone', objectId: caller, after: { gateway } });
        replies.push(answer('start', t('text.started', words)));
        break;
    }
    await queueTexts(tx, outbox, optedOut && kind !== 'start' ? replies.filter((r) => r.purpose === 'stop') : replies);
    return 'answered';
  });
}

/** A message answered: recorded by its id, with its replies unless the phone opted out. */
interface Answer {
  outbox: TextOutbox;
  gateway: string;
  messageId: string;
  tenantId: string;
  caller: string;
  replies: OutboundText[];
}

// One writer per database: answers to texts arriving while others are being stored go together.
const answerWriters = new WeakMap<Db, (answer: Answer) => Promise<boolean>>();
function answerWriter(db: Db) {
  let writer = answerWriters.get(db);
  if (!writer) answerWriters.set(db, (writer = groupCommit((batch: Answer[]) => recordAnswers(db, batch))));
  return writer;
}

/**
 * Records a batch of answered messages in one transaction: their ids (a message already seen is
 * a gateway's retry and gets nothing), then the replies owed to phones that did not opt out.
 * Answers, per message, whether it was new.
 */
async function recordAnswers(db: Db, batch: Answer[]): Promise<boolean[]> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ gateway: string; message_id: string; opted_out: boolean }>(tx, sql`
      with arrived as (
        select * from jsonb_to_recordset(${JSON.stringify(batch.map((a) => ({ gateway: a.gateway, message_id: a.messageId, tenant_id: a.tenantId, phone_hash: a.caller })))}::jsonb)
          as r (gateway text, message_id text, tenant_id uuid, phone_hash text)
      ), recorded as (
        insert into voices_text_inbound (gateway, message_id, tenant_id)
        select gateway, message_id, tenant_id from arrived
        on conflict do nothing
        returning gateway, message_id
      )
      select r.gateway, r.message_id, exists (
        select from voices_text_contact c where c.tenant_id = a.tenant_id and c.phone_hash = a.phone_hash and c.opted_out_at is not null
      ) as opted_out
      from recorded r join arrived a on a.gateway = r.gateway and a.message_id = r.message_id`);
    const keyOf = (gateway: string, messageId: string) => `${gateway}\0${messageId}`;
    const optedOut = new Map(rows.map((r) => [keyOf(r.gateway, r.message_id), r.opted_out]));
    // The same message twice in one batch: the first is the message, the second its retry.
    const claimed = new Set<string>();
    const fresh = batch.map((a) => {
      const key = keyOf(a.gateway, a.messageId);
      if (!optedOut.has(key) || claimed.has(key)) return false;
      claimed.add(key);
      return true;
    });
    const owed = batch.filter((a, i) => fresh[i] && !optedOut.get(keyOf(a.gateway, a.messageId)));
    for (const outbox of new Set(owed.map((a) => a.outbox))) {
      await queueTexts(tx, outbox, owed.filter((a) => a.outbox === outbox).flatMap((a) => a.replies));
    }
    return fresh;
  });
}

/** The city's voice a phone names: a number (this year's) or a whole reference. */
function voiceByTypedReference(db: Db, city: Tenant, typed: string, lang: Locale) {
  const reference = referenceFromKeypad(typed, city.code ?? '', new Date().getUTCFullYear());
  return reference ? getVoice(db, city.id, reference, lang) : Promise.resolve(null);
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
