// Previous / next links that keep the current filters. Paging is by page number without a
// total count, which stays fast on cities with millions of rows.
import type { ViewContext } from '../../view-context.ts';

export function Pagination(props: { v: ViewContext; page: number; hasNext: boolean; hrefFor: (page: number) => string }) {
  const { t } = props.v;
  if (props.page <= 1 && !props.hasNext) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {props.page > 1 ? <a href={props.hrefFor(props.page - 1)} rel="prev">{t('pagination.previous')}</a> : null}
      <span>{t('pagination.page', { page: props.page })}</span>
      {props.hasNext ? <a href={props.hrefFor(props.page + 1)} rel="next">{t('pagination.next')}</a> : null}
    </nav>
  );
}
