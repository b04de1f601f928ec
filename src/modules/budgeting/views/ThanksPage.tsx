// After voting: the ballot is counted, and what happens next.
import type { ViewContext } from '../../../core/views/index.ts';

export function ThanksPage(props: { v: ViewContext; base: string; process: { slug: string; title: string; revote: boolean }; replaced: boolean }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('budgeting.thanks.title')}</h1>
      <p class="notice" role="status">{v.t(props.replaced ? 'budgeting.thanks.replaced' : 'budgeting.thanks.counted')}</p>
      <p>{v.t(props.process.revote ? 'budgeting.thanks.canRevote' : 'budgeting.thanks.final')}</p>
      <p><a href={`${props.base}/budgets/${props.process.slug}`}>{props.process.title}</a></p>
    </>
  );
}
