// A USSD dialogue on a basic phone: choose a language, raise a voice (category, area, a few
// words), check a reference, or back one of the city's priorities. Each key press arrives with everything typed so far; the session
// row says where the caller is. The voice is stored only at the last step, so a dialogue that
// times out half-way leaves nothing behind.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { nameBasedUuid } from '../../../core/crypto.ts';
import { phoneHash } from '../texts/phone.ts';
import { LOCALES, LOCALE_NAMES, formatDate, isLocale, translator, type Locale } from '../../../core/i18n/index.ts';
import { fieldIssues } from '../../../core/validation.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { VoiceInput } from '../schemas.ts';
import { submitVoice } from './submit-voice.ts';
import { categoryName, loadTaxonomy } from '../queries/list-taxonomy.ts';
import { getVoice } from '../queries/get-voice.ts';
import { callerLanguage, rememberCallerLanguage } from '../queries/caller-language.ts';
import { getPriority, listPriorities } from '../queries/priorities.ts';
import { supportPriority } from './support-priority.ts';
import { referenceFromKeypad } from '../reference.ts';
import { titleFrom } from '../title-from.ts';
import { choiceNumber, menuPage, pageLayout, promptScreen, shorten, MORE_CHOICE } from '../../../core/ussd/screens.ts';

export interface UssdRequest {
  sessionId: string;
  phoneNumber: string;
  /** Every answer of the session so far, joined by `*`. */
  text: string;
}

export interface UssdAnswer {
  text: string;
  /** True when the dialogue ends here (the gateway closes the session). */
  end: boolean;
}

type Step = 'language' | 'menu' | 'category' | 'area' | 'describe' | 'reference' | 'priority' | 'done';

interface Session {
  caller: string;
  lang: Locale;
  step: Step;
  /** How much of the session's text earlier screens used. */
  consumed: number;
  answers: { category?: string; area?: string; start?: number };
  finalScreen: string | null;
}

/** A dialogue idle for this long is over; gateways give up after a few minutes at most. */
const SESSION_MINUTES = 10;

export async function answerUssd(db: Db, request: UssdRequest, city: Tenant, secret: string): Promise<UssdAnswer> {
  const caller = phoneHash(secret, request.phoneNumber);
  const cityLocale: Locale = isLocale(city.defaultLocale) ? city.defaultLocale : 'en';
  const stored = await loadSession(db, city.id, request.sessionId);

  if (!stored) {
    const lang = await callerLanguage(db, city.id, caller);
    // Something was typed in a session this server does not know: it ended long ago.
    if (request.text !== '') return { text: translator(lang ?? cityLocale)('ussd.expired'), end: true };
    await db.execute(sql`delete from voices_ussd_session where tenant_id = ${city.id} and updated_at < now() - interval '1 day'`);
    const session: Session = { caller, lang: lang ?? cityLocale, step: lang ? 'menu' : 'language', consumed: 0, answers: {}, finalScreen: null };
    return reply(db, city, request.sessionId, session, await screenFor(db, city, session));
  }
  const { session, stale } = stored;
  if (session.caller !== caller || stale) return { text: translator(session.lang)('ussd.expired'), end: true };
  // A gateway that sends the last request again gets the same last screen, and nothing is done twice.
  if (session.step === 'done') return { text: session.finalScreen ?? '', end: true };

  const input = newInput(request.text, session.consumed);
  if (input === null) return { text: await screenFor(db, city, session), end: false };
  const next = await advance(db, city, { ...session, consumed: request.text.length }, input, request.sessionId, secret);
  return reply(db, city, request.sessionId, next.session, next.screen, next.end);
}

/** What the caller typed since the last screen, or null when nothing new arrived. */
function newInput(text: string, consumed: number): string | null {
  if (text.length <= consumed) return null;
  const rest = text.slice(consumed);
  return consumed === 0 ? rest : rest.startsWith('*') ? rest.slice(1) : null;
}

async function advance(
  db: Db, city: Tenant, session: Session, input: string, sessionId: string, secret: string,
): Promise<{ session: Session; screen: string; end?: boolean }> {
  const t = translator(session.lang);
  const stay = async (notice: string) => ({ session, screen: await screenFor(db, city, session, notice) });
  const go = async (changes: Partial<Session>) => {
    const moved = { ...session, ...changes };
    return { session: moved, screen: await screenFor(db, city, moved) };
  };
  const choice = choiceNumber(input);

  switch (session.step) {
    case 'language': {
      const lang = choice !== null ? LOCALES[choice - 1] : undefined;
      if (!lang) return stay(t('ussd.notAChoice'));
      await rememberCallerLanguage(db, city.id, session.caller, lang);
      return go({ lang, step: 'menu' });
    }
    case 'menu':
      if (choice === 1) {
        const { categories, areas } = await loadTaxonomy(db, city.id);
        if (categories.length === 0 || areas.length === 0) return finish(session, t('ussd.notOpen'));
        return go({ step: 'category', answers: { start: 0 } });
      }
      if (choice === 2) return go({ step: 'reference' });
      if (choice === 3) {
        if ((await listPriorities(db, city.id)).length === 0) return finish(session, t('ussd.noPriorities'));
        return go({ step: 'priority', answers: { start: 0 } });
      }
      if (choice === 4) return go({ step: 'language' });
      return stay(t('ussd.notAChoice'));
    case 'category':
    case 'area':
    case 'priority': {
      const options = await optionsFor(db, city, session);
      const page = pageLayout(options.map((o) => o.name), session.answers.start ?? 0);
      if (choice === MORE_CHOICE && page.next !== null) return go({ answers: { ...session.answers, start: page.next } });
      const picked = choice !== null && choice >= 1 ? options[page.shown[choice - 1] ?? -1] : undefined;
      if (!picked) return stay(t('ussd.notAChoice'));
      if (session.step === 'category') return go({ step: 'area', answers: { category: picked.slug, start: 0 } });
      if (session.step === 'area') return go({ step: 'describe', answers: { ...session.answers, area: picked.slug, start: 0 } });
      const supported = await supportPriority(db, { priorityId: picked.slug, supporter: `phone:${session.caller}` }, city);
      if (!supported.ok) return finish(session, t('ussd.unavailable'));
      const people = (await getPriority(db, city.id, picked.slug))?.supporters ?? 0;
      const title = shorten(picked.name, 50);
      return finish(session, supported.value.added ? t('ussd.supported', { title, count: people }) : t('ussd.alreadySupported', { title, count: people }));
    }
    case 'describe': {
      const description = input.replace(/\s+/g, ' ').trim();
      const parsed = VoiceInput.safeParse({
        title: titleFrom(description), description, category: session.answers.category, area: session.answers.area,
        submissionKey: sessionKey(city.id, sessionId),
      });
      if (!parsed.success) {
        // The title is made from the description, so the description's rule is the one to state.
        const issues = fieldIssues(parsed.error);
        const issue = issues.find((i) => i.field === 'description') ?? issues.find((i) => i.field === 'title');
        if (!issue) return finish(session, t('ussd.unavailable'));
        return stay(t(issue.messageKey, issue.values));
      }
      const result = await submitVoice(db, { ...parsed.data, lang: session.lang, channel: 'ussd', secret }, null, city);
      if (!result.ok) return finish(session, t('ussd.unavailable'));
      return finish(session, t('ussd.thanks', { reference: result.value.reference }));
    }
    case 'reference': {
      const reference = referenceFromKeypad(input, city.code ?? '', new Date().getUTCFullYear());
      const voice = reference ? await getVoice(db, city.id, reference, session.lang) : null;
      if (!voice) return stay(t('ussd.notFound'));
      return finish(session, t('ussd.status', {
        reference: voice.reference, status: t(`status.${voice.status}`),
        date: formatDate(session.lang, new Date(voice.updatedAt), city.settings.timeZone),
      }));
    }
    case 'done':
      return { session, screen: session.finalScreen ?? '', end: true };
  }
}

const finish = (session: Session, screen: string) => ({ session: { ...session, step: 'done' as const, finalScreen: screen }, screen, end: true });

async function screenFor(db: Db, city: Tenant, session: Session, notice?: string): Promise<string> {
  const t = translator(session.lang);
  const titled = (title: string) => (notice ? `${notice}\n${title}` : title);
  switch (session.step) {
    case 'language':
      return menuPage(titled(t('ussd.chooseLanguage')), LOCALES.map((l) => LOCALE_NAMES[l]), 0, t('ussd.more')).text;
    case 'menu':
      return menuPage(titled(t('ussd.menuTitle', { city: shorten(city.name, 30) })), [t('ussd.raise'), t('ussd.check'), t('ussd.support'), t('ussd.language')], 0, t('ussd.more')).text;
    case 'category':
    case 'area':
    case 'priority': {
      const options = await optionsFor(db, city, session);
      const title = t(session.step === 'category' ? 'ussd.chooseCategory' : session.step === 'area' ? 'ussd.chooseArea' : 'ussd.choosePriority');
      return menuPage(titled(title), options.map((o) => o.name), session.answers.start ?? 0, t('ussd.more')).text;
    }
    case 'describe':
      return promptScreen(t('ussd.describe'), notice);
    case 'reference':
      return promptScreen(t('ussd.askReference', { example: '123' }), notice);
    case 'done':
      return session.finalScreen ?? '';
  }
}

/** The choices of a list step: a category's or an area's slug, or a priority's id. */
async function optionsFor(db: Db, city: Tenant, session: Session): Promise<{ slug: string; name: string }[]> {
  if (session.step === 'priority') return (await listPriorities(db, city.id)).map((p) => ({ slug: p.id, name: p.title }));
  const { categories, areas } = await loadTaxonomy(db, city.id);
  return session.step === 'category'
    ? categories.map((c) => ({ slug: c.slug, name: categoryName(c, session.lang) }))
    : areas.map((a) => ({ slug: a.slug, name: a.name }));
}

/** The same session always gives the same submission key, so a resent last step stores one voice. */
const sessionKey = (tenantId: string, sessionId: string) => nameBasedUuid(`ussd\0${tenantId}\0${sessionId}`);

async function reply(db: Db, city: Tenant, sessionId: string, session: Session, screen: string, end = false): Promise<UssdAnswer> {
  await db.execute(sql`
    insert into voices_ussd_session (tenant_id, session_id, caller, lang, step, consumed, answers, final_screen)
    values (${city.id}, ${sessionId}, ${session.caller}, ${session.lang}, ${session.step}, ${session.consumed},
      ${JSON.stringify(session.answers)}::jsonb, ${session.finalScreen})
    on conflict (tenant_id, session_id) do update set lang = excluded.lang, step = excluded.step, consumed = excluded.consumed,
      answers = excluded.answers, final_screen = excluded.final_screen, updated_at = now()`);
  return { text: screen, end };
}

async function loadSession(db: Db, tenantId: string, sessionId: string): Promise<{ session: Session; stale: boolean } | null> {
  const [row] = await queryRows<{ caller: string; lang: string; step: Step; consumed: number; answers: Session['answers']; final_screen: string | null; stale: boolean }>(
    db,
    sql`select caller, lang, step, consumed, answers, final_screen,
          updated_at < now() - make_interval(mins => ${SESSION_MINUTES}::int) as stale
        from voices_ussd_session where tenant_id = ${tenantId} and session_id = ${sessionId}`,
  );
  if (!row) return null;
  const lang: Locale = isLocale(row.lang) ? row.lang : 'en';
  return { session: { caller: row.caller, lang, step: row.step, consumed: row.consumed, answers: row.answers, finalScreen: row.final_screen }, stale: row.stale };
}

