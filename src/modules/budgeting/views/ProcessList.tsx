// The city's participatory budgeting processes, newest first, with where each one stands.
import type { ViewContext } from '../../../core/views/index.ts';
import type { Process } from '../process.ts';
import { money } from './labels.ts';

export function ProcessList(props: { v: ViewContext; base: string; processes: readonly Process[]; canRun: boolean }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('budgeting.listTitle')}</h1>
      <p>{v.t('budgeting.listIntro')}</p>
      {props.canRun ? <p><a class="button" href={`${props.base}/budgets/new`}>{v.t('budgeting.new')}</a></p> : null}
      {props.processes.length === 0 ? <p>{v.t('budgeting.none')}</p> : (
        <ul>
          {props.processes.map((p) => (
            <li>
              <h2><a href={`${props.base}/budgets/${p.slug}`}>{p.title}</a></h2>
              <p>{v.t(`budgeting.phase.${p.phase}`)} · {money(v, p.budgets.reduce((sum, b) => sum + b.amount, 0), p.currency)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
