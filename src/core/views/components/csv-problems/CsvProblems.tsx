// The problems found in an uploaded CSV file, one row each: where (row and column) and what to fix.
import type { RowProblem } from '../../../csv.ts';
import type { ViewContext } from '../../view-context.ts';

export function CsvProblems({ v, problems }: { v: ViewContext; problems: readonly RowProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <table>
      <caption>{v.t('import.problemsCaption', { count: problems.length })}</caption>
      <thead><tr><th scope="col">{v.t('import.row')}</th><th scope="col">{v.t('import.column')}</th><th scope="col">{v.t('import.problem')}</th></tr></thead>
      <tbody>{problems.map((p) => <tr><td>{p.row}</td><td>{p.column}</td><td>{v.t(p.messageKey, p.values)}</td></tr>)}</tbody>
    </table>
  );
}
