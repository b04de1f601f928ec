// Priorities: the themes a city commits to, each with the voices, people and places behind it.
import type { ViewContext } from '../../../core/views/index.ts';
import { formatNumber } from '../../../core/i18n/index.ts';
import type { PriorityDetail, PrioritySummary } from '../queries/priorities.ts';
import { StatusTag } from './StatusTag.tsx';
import { ContentText } from './ContentText.tsx';

export function PriorityList(props: { v: ViewContext; base: string; cityName: string; items: PrioritySummary[] }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('priority.listTitle', { city: props.cityName })}</h1>
      <p>{v.t('priority.intro')}</p>
      {props.items.length === 0 ? <p>{v.t('priority.none')}</p> : (
        <ul class="cards">
          {props.items.map((p) => (
            <li>
              <h2 class="card-title"><a href={`${props.base}/priorities/${p.id}`} dir="auto">{p.title}</a></h2>
              <p class="meta">{v.t('priority.voiceCount', { count: p.voiceCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PriorityPage(props: { v: ViewContext; base: string; priority: PriorityDetail }) {
  const { v, priority } = props;
  return (
    <>
      <h1 lang={priority.lang} dir="auto">{priority.title}</h1>
      <ContentText text={priority.description} lang={priority.lang} />
      <p class="meta">
        {v.t('priority.voiceCount', { count: priority.voices.length })} · {v.t('priority.supporterCount', { count: priority.supporters })}
      </p>
      <h2>{v.t('priority.byArea')}</h2>
      {priority.byArea.length ? (
        <table>
          <caption class="visually-hidden">{v.t('priority.byArea')}</caption>
          <thead><tr><th scope="col">{v.t('voices.area')}</th><th scope="col">{v.t('priority.voices')}</th><th scope="col">{v.t('priority.supports')}</th></tr></thead>
          <tbody>
            {priority.byArea.map((row) => (
              <tr><th scope="row">{row.area}</th><td>{formatNumber(v.locale, row.voices)}</td><td>{formatNumber(v.locale, row.supports)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p>{v.t('priority.noVoices')}</p>}
      <h2>{v.t('priority.voices')}</h2>
      <ul class="cards">
        {priority.voices.map((voice) => (
          <li>
            <a href={`${props.base}/voices/${voice.reference}`} dir="auto">{voice.title}</a>
            <p class="meta"><StatusTag v={v} status={voice.status} /> {voice.reference} · {voice.area} · {v.t('voices.supportCount', { count: voice.supportCount })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
