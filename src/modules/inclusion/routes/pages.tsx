// The inclusion dashboard (public), its figures as CSV, and the page where a city admin loads
// the city's population.
import type { Context, Hono } from 'hono';
import { uploadedText, type AppEnv } from '../../../core/http/index.ts';
import { writeCsv } from '../../../core/csv.ts';
import { AGE_BANDS, cityContext, listAreas, restrictedCityContext, type CityContext } from '../../voices/index.ts';
import { canLoadPopulation } from '../permissions.ts';
import { inclusionDashboard } from '../queries/inclusion-dashboard.ts';
import { loadPopulation } from '../services/load-population.ts';
import { DashboardPage } from '../views/Dashboard.tsx';
import { PopulationPage } from '../views/PopulationPage.tsx';
import { groupLabel } from '../views/labels.ts';
import type { RowProblem } from '../../../core/csv.ts';

export function inclusionPages(app: Hono<AppEnv>): void {
  app.get('/c/:city/inclusion', async (c) => {
    const ctx = await cityContext(c);
    const dashboard = await inclusionDashboard(ctx.db, ctx.city.id);
    return ctx.page('inclusion', {
      title: ctx.v.t('inclusion.title', { city: ctx.city.name }),
      children: <DashboardPage v={ctx.v} base={ctx.base} cityName={ctx.city.name} dashboard={dashboard} canLoad={canLoadPopulation(ctx.v.actor, ctx.city)} />,
    });
  });

  // The same figures as the page, withheld cells included as withheld, in the reader's language.
  app.get('/c/:city/inclusion.csv', async (c) => {
    const ctx = await cityContext(c);
    const { t } = ctx.v;
    const dashboard = await inclusionDashboard(ctx.db, ctx.city.id);
    const rows = dashboard.dimensions.flatMap(({ dimension, table, names }) => table.rows.map((r) => [
      t(`inclusion.dimension.${dimension}`), r.key, groupLabel(t, dimension, r.key, names),
      r.voices ?? t('inclusion.withheldShort'), r.voiceShare === null ? null : round(r.voiceShare),
      r.population, r.populationShare === null ? null : round(r.populationShare), r.ratio === null ? null : round(r.ratio),
    ]));
    const header = ['dimension', 'key', 'group', 'voices', 'shareOfVoices', 'residents', 'shareOfResidents', 'ratio'].map((k) => t(`inclusion.csv.${k}`));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="inclusion-${ctx.city.slug}.csv"`);
    return c.body(writeCsv(header, rows));
  });

  const adminContext = (c: Context<AppEnv>) => restrictedCityContext(c, canLoadPopulation);
  const show = async (ctx: CityContext, extra: { problems?: RowProblem[]; fileIssue?: string; loaded?: { rows: number; people: number } }, status: 200 | 400 | 422 = 200) => {
    const areas = (await listAreas(ctx.db, ctx.city.id)).map((a) => a.slug);
    return ctx.page('inclusion', {
      status, hasErrors: !!(extra.problems?.length || extra.fileIssue), title: ctx.v.t('population.title'),
      children: <PopulationPage v={ctx.v} base={ctx.base} areas={areas} ageBands={AGE_BANDS} {...extra} />,
    });
  };

  app.get('/c/:city/inclusion/population', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    return show(ctx, {});
  });

  app.post('/c/:city/inclusion/population', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    const upload = await uploadedText(c.get('files').file);
    if ('problem' in upload) return show(ctx, { fileIssue: upload.problem }, 400);
    const result = await loadPopulation(ctx.db, { csv: upload.text }, ctx.v.actor, ctx.city);
    if (!result.ok) return show(ctx, { problems: result.problems }, 422);
    return show(ctx, { loaded: { rows: result.rows, people: result.people } });
  });
}

/** Shares and ratios to four decimals: enough for a chart, no false precision. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;
