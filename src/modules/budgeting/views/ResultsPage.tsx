// The results of a closed vote, budget by budget: what is funded, what a simpler rule would
// have funded, why each other project was not, how many voters see a project they chose
// funded, who voted (small groups withheld), and the anonymised ballots to recount.
import { formatNumber, formatPercent } from '../../../core/i18n/index.ts';
import type { ViewContext } from '../../../core/views/index.ts';
import type { Process } from '../process.ts';
import type { BudgetResult, ProcessResults } from '../queries/process-results.ts';
import { budgetName, exactMoney, money } from './labels.ts';

export function ResultsPage(props: {
  v: ViewContext; base: string; process: Process; results: ProcessResults; areaNames: ReadonlyMap<string, string>;
  files: ReadonlyMap<string, { name: string; sha256: string }>;
}) {
  const { v, process: p, results } = props;
  return (
    <>
      <h1>{v.t('budgeting.results.title', { process: p.title })}</h1>
      <p>{v.t('budgeting.results.rule', { rule: v.t(`budgeting.rule.${p.rule}`), completion: v.t(`budgeting.completion.${p.completion}`) })}</p>
      <p>{v.t(`budgeting.results.explain.${p.rule.startsWith('mes') ? 'mes' : 'greedy'}`)}</p>
      {results.budgets.map((r) => <BudgetResults {...props} result={r} file={props.files.get(r.budget.id)} />)}
      <h2>{v.t('budgeting.results.turnout', { count: results.turnout.total })}</h2>
      <p>{v.t('budgeting.results.withheld')}</p>
      {results.turnout.dimensions.map(({ dimension, table }) => (
        <table>
          <caption>{v.t(`budgeting.results.by.${dimension}`)}</caption>
          <thead><tr><th scope="col">{v.t('budgeting.results.group')}</th><th scope="col">{v.t('budgeting.results.voters')}</th></tr></thead>
          <tbody>
            {table.cells.map((cell) => (
              <tr><th scope="row">{groupLabel(v, dimension, cell.key, props.areaNames)}</th>
                <td>{cell.count === null ? v.t('budgeting.results.withheldCell') : formatNumber(v.locale, cell.count)}</td></tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function BudgetResults(props: { v: ViewContext; base: string; process: Process; result: BudgetResult; areaNames: ReadonlyMap<string, string>; file: { name: string; sha256: string } | undefined }) {
  const { v, process: p, result: r } = props;
  const name = budgetName(v, r.budget, props.areaNames);
  const id = `budget-${r.budget.id}`;
  const points = p.design.kind === 'cumulative';
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{name}</h2>
      <p>{v.t('budgeting.results.summary', {
        cost: money(v, r.fundedCost, p.currency), budget: money(v, r.budget.amount, p.currency),
        share: formatPercent(v.locale, r.fundedCost / r.budget.amount), voters: r.voters,
      })}</p>
      <p>{v.t('budgeting.results.happy', { share: formatPercent(v.locale, r.voters ? r.votersWithFunded / r.voters : 0), count: r.votersWithFunded })}</p>
      <table>
        <caption>{v.t('budgeting.results.projects', { budget: name })}</caption>
        <thead>
          <tr>
            <th scope="col">{v.t('budgeting.results.project')}</th>
            <th scope="col">{v.t('budgeting.results.cost')}</th>
            <th scope="col">{v.t(points ? 'budgeting.results.points' : 'budgeting.results.votes')}</th>
            <th scope="col">{v.t(`budgeting.rule.${p.rule}`)}</th>
            <th scope="col">{v.t(`budgeting.rule.${r.comparison.rule}`)}</th>
          </tr>
        </thead>
        <tbody>
          {r.projects.map((row) => (
            <tr>
              <th scope="row">{v.t('budgeting.projectCode', { code: row.project.code })} {row.project.title}</th>
              <td>{money(v, row.project.cost, p.currency)}</td>
              <td>{formatNumber(v.locale, points ? row.points ?? 0 : row.votes)}</td>
              <td>{row.funded ? v.t('budgeting.results.funded') : (
                row.shortfall && !row.shortfall.missing.isZero()
                  ? v.t('budgeting.results.short', { left: exactMoney(v, row.shortfall.supportersLeft, p.currency), missing: exactMoney(v, row.shortfall.missing, p.currency) })
                  : row.shortfall ? v.t('budgeting.results.outshared') : v.t('budgeting.results.notFunded'))}</td>
              <td>{v.t(row.fundedByComparison ? 'budgeting.results.funded' : 'budgeting.results.notFunded')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.file ? (
        <p>
          <a href={`${props.base}/budgets/${p.slug}/ballots/${props.file.name}`} download>{v.t('budgeting.results.download', { file: props.file.name })}</a><br />
          {v.t('budgeting.results.sha')} <code class="hash">{props.file.sha256}</code><br />
          {v.t('budgeting.results.recount')} <code>baraza tally {props.file.name} --rule {p.rule}{p.completion === 'none' ? '' : ` --completion ${p.completion}`}</code>
        </p>
      ) : null}
    </section>
  );
}

function groupLabel(v: ViewContext, dimension: string, key: string, areaNames: ReadonlyMap<string, string>): string {
  if (key === 'unknown') return v.t('budgeting.results.unknown');
  if (dimension === 'channel') return v.t(`budgeting.channel.${key}`);
  if (dimension === 'sex') return v.t(`demographics.sex.${key}`);
  if (dimension === 'age_band') return v.t(`demographics.age.${key}`);
  return areaNames.get(key) ?? key;
}
