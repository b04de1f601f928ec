// Sheets whose two entries differ, side by side: the reviewer, with the paper in hand, counts
// the entry that matches it or sets the sheet aside.
import { Button, PostForm, type ViewContext } from '../../../core/views/index.ts';
import type { Process } from '../process.ts';
import type { PaperEntry } from '../queries/paper-sheets.ts';
import { budgetName } from './labels.ts';

export function PaperReviewPage(props: {
  v: ViewContext; base: string; process: Process; sheets: readonly PaperEntry[][]; areaNames: ReadonlyMap<string, string>; notice?: string | undefined; problem?: string | undefined;
}) {
  const { v, process: p } = props;
  const here = `${props.base}/budgets/${p.slug}`;
  const budgetOf = (id: string) => p.budgets.find((b) => b.id === id);
  return (
    <>
      {props.problem ? <div class="error-summary" role="alert"><p>{v.t(props.problem)}</p></div> : null}
      <p><a href={`${here}/paper`}>{v.t('budgeting.paper.title')}</a></p>
      <h1>{v.t('budgeting.paper.review')}</h1>
      {props.notice ? <p class="notice" role="status">{v.t(props.notice)}</p> : null}
      {props.sheets.length === 0 ? <p>{v.t('budgeting.paper.noneToReview')}</p> : props.sheets.map((entries) => (
        <section class="group" aria-labelledby={`sheet-${entries[0]!.sheet}`}>
          <h2 id={`sheet-${entries[0]!.sheet}`}>{v.t('budgeting.paper.sheetNumber', { sheet: entries[0]!.sheet })}</h2>
          {entries.map((e, i) => (
            <div>
              <h3>{v.t('budgeting.paper.entryBy', { n: i + 1, name: e.enteredBy })}</h3>
              <ul>
                <li>{v.t('budgeting.ballot.area')}: {e.area ? props.areaNames.get(e.area) ?? e.area : v.t('budgeting.results.unknown')}</li>
                {Object.entries(e.choices).map(([budgetId, c]) => {
                  const budget = budgetOf(budgetId);
                  const chosen = c.projects.map((code, k) => (c.points ? `${code} (${c.points[k]})` : code)).join(', ');
                  return <li>{budget ? budgetName(v, budget, props.areaNames) : budgetId}: {chosen}</li>;
                })}
                <li>{v.t('demographics.sex')}: {e.sex ? v.t(`demographics.sex.${e.sex}`) : v.t('budgeting.results.unknown')}</li>
                <li>{v.t('demographics.ageBand')}: {e.ageBand ? v.t(`demographics.age.${e.ageBand}`) : v.t('budgeting.results.unknown')}</li>
              </ul>
              <PostForm v={v} action={`${here}/paper/${e.sheet}/settle`} label={v.t('budgeting.paper.countEntry', { n: i + 1 })}>
                <input type="hidden" name="keep" value={e.id} />
                <Button>{v.t('budgeting.paper.countEntry', { n: i + 1 })}</Button>
              </PostForm>
            </div>
          ))}
          <PostForm v={v} action={`${here}/paper/${entries[0]!.sheet}/settle`} label={v.t('budgeting.paper.setAside')}>
            <input type="hidden" name="keep" value="none" />
            <Button variant="warning">{v.t('budgeting.paper.setAside')}</Button>
          </PostForm>
        </section>
      ))}
    </>
  );
}
