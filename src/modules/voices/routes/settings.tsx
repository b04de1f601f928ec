// A city admin's settings: categories, areas, the addresses of the USSD, SMS and WhatsApp
// callbacks, and what a text that names no topic or area gets.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { baseUrl, parseForm } from '../../../core/http/index.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { LOCALES } from '../../../core/i18n/index.ts';
import { AreaInput, CategoryInput, TextDefaultsInput } from '../schemas.ts';
import { setTextDefaults } from '../services/set-text-defaults.ts';
import { GATEWAYS } from '../texts/gateways/index.ts';
import { TEXT_HOOK_PATH } from './texts.ts';
import { createCategory } from '../services/create-category.ts';
import { createArea } from '../services/create-area.ts';
import { listAreas, listCategories } from '../queries/list-taxonomy.ts';
import { parseBoundary } from '../geo.ts';
import { canConfigureCity } from '../permissions.ts';
import { SettingsPage } from '../views/Settings.tsx';
import { TextLogPage } from '../views/TextLog.tsx';
import { DELIVERIES_SHOWN, latestTextDeliveries } from '../queries/text-deliveries.ts';
import { restrictedCityContext, type CityContext } from './city-context.ts';
import { USSD_HOOK_PATH, hookToken } from './ussd.ts';

/** The address a city gives its USSD gateway, secret token included. */
const ussdCallback = (c: Context<AppEnv>, ctx: CityContext) =>
  `${baseUrl(c)}${USSD_HOOK_PATH}/${ctx.city.slug}?token=${hookToken(c.get('services').config.secret, ctx.city.id, 'africas-talking')}`;

/** Each text gateway's address: a token only where the gateway signs nothing. */
const textCallbacks = (c: Context<AppEnv>, ctx: CityContext) => [...GATEWAYS.values()].map((g) => {
  const url = `${baseUrl(c)}${TEXT_HOOK_PATH}/${g.name}/${ctx.city.slug}`;
  return { gateway: g.name, url: g.name === 'africas-talking' ? `${url}?token=${hookToken(c.get('services').config.secret, ctx.city.id, g.name)}` : url };
});

const adminContext = (c: Context<AppEnv>) => restrictedCityContext(c, canConfigureCity);

export function settingsPages(app: Hono<AppEnv>): void {
  const show = async (c: Context<AppEnv>, ctx: CityContext, extra: { form?: 'category' | 'area' | 'texts'; issues?: FieldIssue[]; values?: Record<string, string>; notice?: string }, status: 200 | 400 | 409 = 200) => {
    const categories = await listCategories(ctx.db, ctx.city.id, ctx.v.locale);
    const areas = await listAreas(ctx.db, ctx.city.id);
    return ctx.page('settings', {
      status, hasErrors: !!extra.issues?.length, title: ctx.v.t('settings.title'),
      children: <SettingsPage v={ctx.v} base={ctx.base} categories={categories} areas={areas} ussdCallback={ussdCallback(c, ctx)}
        textCallbacks={textCallbacks(c, ctx)} textDefaults={{ category: ctx.city.settings.textCategory, area: ctx.city.settings.textArea }} {...extra} />,
    });
  };

  app.get('/c/:city/settings', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    return show(c, ctx, c.req.query('done') ? { notice: ctx.v.t('settings.saved') } : {});
  });

  app.post('/c/:city/settings/categories', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, CategoryInput);
    if (!form.ok) return show(c, ctx, { form: 'category', issues: form.issues, values: form.raw }, 400);
    const names = Object.fromEntries(LOCALES.flatMap((l) => (form.data[`name_${l}`] ? [[l, form.data[`name_${l}`]!]] : [])));
    const result = await createCategory(ctx.db, { slug: form.data.slug, names }, ctx.v.actor, ctx.city);
    if (!result.ok) return show(c, ctx, { form: 'category', issues: [{ field: 'slug', messageKey: 'error.field.slugTaken', values: {} }], values: form.raw }, 409);
    return c.redirect(`${ctx.base}/settings?done=1`, 303);
  });

  app.get('/c/:city/settings/texts', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    const deliveries = await latestTextDeliveries(ctx.db, ctx.city.id);
    return ctx.page('settings', { title: ctx.v.t('textLog.title'), children: <TextLogPage v={ctx.v} base={ctx.base} deliveries={deliveries} shown={DELIVERIES_SHOWN} /> });
  });

  app.post('/c/:city/settings/texts', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, TextDefaultsInput);
    if (!form.ok) return show(c, ctx, { form: 'texts', issues: form.issues, values: form.raw }, 400);
    const result = await setTextDefaults(ctx.db, form.data, ctx.v.actor, ctx.city);
    if (!result.ok) {
      const field = result.error === 'unknown-category' ? 'category' : 'area';
      return show(c, ctx, { form: 'texts', issues: [{ field, messageKey: 'error.field.choose', values: {} }], values: form.raw }, 400);
    }
    return c.redirect(`${ctx.base}/settings?done=1`, 303);
  });

  app.post('/c/:city/settings/areas', async (c) => {
    const ctx = await adminContext(c);
    if (ctx instanceof Response) return ctx;
    const form = parseForm(c, AreaInput);
    if (!form.ok) return show(c, ctx, { form: 'area', issues: form.issues, values: form.raw }, 400);
    const boundary = form.data.boundary ? parseBoundary(form.data.boundary) : null;
    if (form.data.boundary && !boundary) {
      return show(c, ctx, { form: 'area', issues: [{ field: 'boundary', messageKey: 'error.area.boundary', values: {} }], values: form.raw }, 400);
    }
    const result = await createArea(ctx.db, { slug: form.data.slug, name: form.data.name, boundary }, ctx.v.actor, ctx.city);
    if (!result.ok) return show(c, ctx, { form: 'area', issues: [{ field: 'slug', messageKey: 'error.field.slugTaken', values: {} }], values: form.raw }, 409);
    return c.redirect(`${ctx.base}/settings?done=1`, 303);
  });
}
