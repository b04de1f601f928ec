// Who is heard, and who is not: each dimension as a chart and, beside it, the same figures in a
// table (what screen readers read), then the groups heard least in plain words.
import { BarChart, type ViewContext } from '../../../core/views/index.ts';
import { formatDateTime, formatNumber, formatPercent, formatRatio } from '../../../core/i18n/index.ts';
import { MIN_CELL } from '../analysis/suppression.ts';
import type { InclusionDashboard } from '../queries/inclusion-dashboard.ts';
import { groupLabel } from './labels.ts';

export function DashboardPage(props: { v: ViewContext; base: string; cityName: string; dashboard: InclusionDashboard; canLoad: boolean }) {
  const { v, dashboard } = props;
  const percent = (share: number | null) => (share === null ? '–' : formatPercent(v.locale, share));
  return (
    <>
      <h1>{v.t('inclusion.title', { city: props.cityName })}</h1>
      <p>{v.t('inclusion.intro')}</p>
      <p>{dashboard.population
        ? v.t('inclusion.populationAsOf', { people: dashboard.population.people, date: formatDateTime(v.locale, new Date(dashboard.population.loadedAt), v.timeZone) })
        : v.t('inclusion.noPopulation')}
      {props.canLoad ? <> <a href={`${props.base}/inclusion/population`}>{v.t('inclusion.loadPopulation')}</a></> : null}</p>
      <p>{v.t('inclusion.suppression', { min: MIN_CELL })}</p>
      <p><a href={`${props.base}/inclusion.csv`} download>{v.t('inclusion.download')}</a></p>

      <h2>{v.t('inclusion.leastHeardTitle')}</h2>
      {dashboard.leastHeard.length === 0
        ? <p>{v.t(dashboard.population ? 'inclusion.noneUnderHeard' : 'inclusion.leastHeardNeedsPopulation')}</p>
        : (
          <ol>
            {dashboard.leastHeard.map((g) => (
              <li>{v.t('inclusion.leastHeardItem', {
                group: g.name ?? groupLabel(v.t, g.dimension, g.key, {}), dimension: v.t(`inclusion.dimension.${g.dimension}`),
                voiceShare: formatPercent(v.locale, g.voiceShare), populationShare: formatPercent(v.locale, g.populationShare), ratio: formatRatio(v.locale, g.ratio),
              })}</li>
            ))}
          </ol>
        )}

      {dashboard.dimensions.map(({ dimension, table, compared, names }) => {
        const id = `by-${dimension}`;
        const rows = table.rows;
        return (
          <section aria-labelledby={`${id}-heading`}>
            <h2 id={`${id}-heading`}>{v.t(`inclusion.dimension.${dimension}`)}</h2>
            {table.total === null ? <p>{v.t('inclusion.totalWithheld', { min: MIN_CELL })}</p> : null}
            <BarChart id={id} title={v.t(compared ? 'inclusion.chartCompared' : 'inclusion.chartShares', { dimension: v.t(`inclusion.dimension.${dimension}`) })}
              series={compared ? [v.t('inclusion.shareOfVoices'), v.t('inclusion.shareOfResidents')] : [v.t('inclusion.shareOfVoices')]}
              groups={rows.filter((r) => r.key !== 'unanswered').map((r) => ({
                label: groupLabel(v.t, dimension, r.key, names),
                values: compared ? [r.voiceShare, r.populationShare] : [r.voiceShare],
              }))}
              format={(share) => formatPercent(v.locale, share)} missing={[v.t('inclusion.withheldShort'), v.t('inclusion.notCounted')]} />
            <table>
              <caption>{v.t('inclusion.tableCaption', { dimension: v.t(`inclusion.dimension.${dimension}`), total: table.total === null ? v.t('inclusion.withheldShort') : formatNumber(v.locale, table.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{v.t('inclusion.group')}</th>
                  <th scope="col">{v.t('inclusion.voices')}</th>
                  <th scope="col">{v.t('inclusion.shareOfVoices')}</th>
                  {compared ? <>
                    <th scope="col">{v.t('inclusion.residents')}</th>
                    <th scope="col">{v.t('inclusion.shareOfResidents')}</th>
                    <th scope="col">{v.t('inclusion.ratio')}</th>
                  </> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">{groupLabel(v.t, dimension, r.key, names)}</th>
                    <td>{r.voices === null ? v.t('inclusion.withheld', { min: MIN_CELL }) : formatNumber(v.locale, r.voices)}</td>
                    <td>{percent(r.voiceShare)}</td>
                    {compared ? <>
                      <td>{r.population === null ? v.t('inclusion.notCounted') : formatNumber(v.locale, r.population)}</td>
                      <td>{percent(r.populationShare)}</td>
                      <td>{r.ratio === null ? '–' : formatRatio(v.locale, r.ratio)}</td>
                    </> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
