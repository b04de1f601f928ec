// Staff report on a funded project as it is built: planned, in progress, done (or cancelled,
// with the reason), each update with a note that everyone who voted can read and follow.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canReviewIdeas } from '../permissions.ts';
import { forgetProcesses } from '../queries/process-cache.ts';
import type { Progress } from '../queries/list-projects.ts';
import { unseal } from '../../../core/crypto.ts';
import { isLocale, translator } from '../../../core/i18n/index.ts';
import { shorten } from '../../../core/ussd/screens.ts';
import { sendCityTexts, type CityTextServices } from '../../voices/index.ts';

export async function postProgress(
  db: Db, input: { process: string; project: string; progress: Progress; note: string; texts?: CityTextServices }, actor: Actor | null, city: TenantScope,
): Promise<Result<null, 'not-implementing' | 'not-funded'>> {
  if (!canReviewIdeas(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const [project] = await queryRows<{ id: string; code: string; title: string; funded: boolean | null; progress: Progress; phase: string; process_id: string; process_title: string }>(tx, sql`
      select pr.id, pr.code, pr.title, pr.funded, pr.progress, p.phase, p.id as process_id, p.title as process_title
      from budgeting_project pr join budgeting_process p on p.tenant_id = pr.tenant_id and p.id = pr.process_id
      where pr.tenant_id = ${city.id} and p.slug = ${input.process} and pr.code = ${input.project}
      for update of pr`);
    if (!project) throw notFound();
    if (project.phase !== 'implementation') return err('not-implementing');
    if (!project.funded) return err('not-funded');
    await tx.execute(sql`update budgeting_project set progress = ${input.progress} where tenant_id = ${city.id} and id = ${project.id}`);
    const [update] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_project_update (tenant_id, project_id, progress, note, created_by)
      values (${city.id}, ${project.id}, ${input.progress}, ${input.note}, ${actor!.userId}) returning id`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.project.progress', objectType: 'budgeting-project', objectId: project.id,
      before: { progress: project.progress }, after: { progress: input.progress, note: input.note, update: update!.id },
    });
    // Those who asked for news by SMS hear of it, in the same transaction as the report.
    if (input.texts) await textFollowers(tx, input.texts, city.id, { ...project, progress: input.progress, note: input.note });
    return ok(null);
  });
  forgetProcesses(db, city.id);
  return result;
}

/** A note longer than this is cut: the text is news, the project's page has the rest. */
const NOTE_CHARACTERS = 100;

async function textFollowers(
  tx: Db, services: CityTextServices, tenantId: string,
  report: { process_id: string; process_title: string; code: string; title: string; progress: Progress; note: string },
): Promise<void> {
  const followers = await queryRows<{ phone_sealed: string; lang: string }>(tx, sql`
    select phone_sealed, lang from budgeting_text_follower where tenant_id = ${tenantId} and process_id = ${report.process_id}`);
  const texts = followers.flatMap((f) => {
    const phone = unseal(services.config.secret, f.phone_sealed);
    if (phone === null) return [];
    const t = translator(isLocale(f.lang) ? f.lang : 'en');
    return [{ phone, body: t('budgeting.text.progress', {
      process: report.process_title, code: report.code, title: shorten(report.title, 40), progress: t(`budgeting.progress.${report.progress}`),
      note: shorten(report.note, NOTE_CHARACTERS),
    }) }];
  });
  if (texts.length) await sendCityTexts(tx, services, tenantId, texts);
}
