// The public list: a GET filter form (works without script, bookmarkable), the voices, paging,
// and a box to find a voice by its reference.
import type { ViewContext } from '../../../core/views/index.ts';
import { Pagination, Select, TextInput, formatDateHelper } from './view-helpers.ts';
import type { VoiceSummary } from '../queries/list-voices.ts';
import type { CategoryOption, AreaOption } from '../queries/list-taxonomy.ts';
import type { VoiceFilters } from '../schemas.ts';
import { STATUSES } from '../status.ts';
import { StatusTag } from './StatusTag.tsx';

export function VoiceList(props: {
  v: ViewContext;
  base: string;
  cityName: string;
  filters: VoiceFilters;
  items: VoiceSummary[];
  hasNext: boolean;
  categories: CategoryOption[];
  areas: AreaOption[];
}) {
  const { v, filters } = props;
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ['q', 'status', 'category', 'area'] as const) if (filters[key]) params.set(key, filters[key]!);
    if (page > 1) params.set('page', String(page));
    const s = params.toString();
    return `${props.base}/voices${s ? `?${s}` : ''}`;
  };
  return (
    <>
      <h1>{v.t('voices.listTitle', { city: props.cityName })}</h1>
      <p><a class="button" href={`${props.base}/voices/new`}>{v.t('nav.newVoice')}</a></p>
      <form method="get" action={`${props.base}/find`} class="filters" aria-label={v.t('voices.findTitle')}>
        <TextInput v={v} name="ref" label={v.t('voices.findLabel')} hint={v.t('voices.findHint')} width="short" />
        <button type="submit" class="button secondary">{v.t('voices.find')}</button>
      </form>
      <form method="get" action={`${props.base}/voices`} class="filters" role="search" aria-label={v.t('voices.filterTitle')}>
        <TextInput v={v} name="q" type="search" label={v.t('voices.search')} value={filters.q} />
        <Select v={v} name="status" label={v.t('voices.status')} value={filters.status} blank={v.t('voices.any')}
          choices={STATUSES.map((s) => ({ value: s, label: v.t(`status.${s}`) }))} />
        <Select v={v} name="category" label={v.t('voices.category')} value={filters.category} blank={v.t('voices.any')}
          choices={props.categories.map((c) => ({ value: c.slug, label: c.name }))} />
        <Select v={v} name="area" label={v.t('voices.area')} value={filters.area} blank={v.t('voices.any')}
          choices={props.areas.map((a) => ({ value: a.slug, label: a.name }))} />
        <button type="submit" class="button secondary">{v.t('voices.applyFilters')}</button>
      </form>
      {props.items.length === 0 ? (
        <p>{v.t('voices.none')}</p>
      ) : (
        <ul class="cards">
          {props.items.map((item) => (
            <li>
              <h2 class="card-title"><a href={`${props.base}/voices/${item.reference}`} lang={item.lang} dir="auto">{item.title}</a></h2>
              <p class="meta">
                <StatusTag v={v} status={item.status} /> {item.reference} · {item.category} · {item.area} ·{' '}
                {formatDateHelper(v, item.createdAt)} · {v.t('voices.supportCount', { count: item.supportCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination v={v} page={filters.page} hasNext={props.hasNext} hrefFor={query} />
    </>
  );
}
