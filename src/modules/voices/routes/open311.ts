// Open311 GeoReport v2 at /open311/v2/, in JSON and XML: discovery, services (a city's
// categories), service definitions, and service requests (its public voices), read by anyone
// and posted by partners holding an API key the city issued. jurisdiction_id is the city's slug.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../core/http/index.ts';
import { baseUrl, parseUrlEncoded } from '../../../core/http/index.ts';
import { findTenantBySlugCached, type Tenant } from '../../../core/tenancy/index.ts';
import { categoryName, loadTaxonomy } from '../queries/list-taxonomy.ts';
import { listServiceRequests, WINDOW_DAYS, type RequestFilters, type ServiceRequestRow } from '../queries/open311-requests.ts';
import { submitVoice } from '../services/submit-voice.ts';
import { findPartner } from '../services/issue-partner-key.ts';
import { VoiceInput } from '../schemas.ts';
import { fieldIssues } from '../../../core/validation.ts';
import { titleFrom } from '../title-from.ts';
import { xmlList, escapeXml, type Field } from '../open311/xml.ts';

export const OPEN311_PATH = '/open311/v2';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
type Format = 'json' | 'xml';
type Failure = { status: 400 | 403 | 404; description: string };

const DAY_MS = 24 * 60 * 60 * 1000;
// W3C date-time with a time zone, as GeoReport requires.
const W3_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `requests.json` → ['requests', 'json']; anything without a known format is null. */
function split(file: string): [string, Format] | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? [match[1]!, match[2] as Format] : null;
}

const xmlBody = (c: Context<AppEnv>, xml: string, status: 200 | 400 | 403 | 404 = 200) =>
  c.body(xml, status, { 'content-type': 'text/xml; charset=utf-8' });

function reply(c: Context<AppEnv>, format: Format, root: string, item: string, records: Record<string, Field>[], status: 200 | 400 | 403 | 404 = 200) {
  return format === 'json' ? c.json(records, status) : xmlBody(c, xmlList(root, item, records), status);
}

const fail = (c: Context<AppEnv>, format: Format, failure: Failure) =>
  reply(c, format, 'errors', 'error', [{ code: failure.status, description: failure.description }], failure.status);

const w3 = (date: Date) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The city a GET of services or requests is about, or what is wrong with the address. */
async function readTarget(c: Context<AppEnv>, resource: string): Promise<Tenant | Failure> {
  if (resource !== 'services' && resource !== 'requests') return { status: 404, description: `There is no ${resource} resource.` };
  return jurisdiction(c, c.req.query('jurisdiction_id'));
}

async function jurisdiction(c: Context<AppEnv>, given: string | undefined): Promise<Tenant | Failure> {
  if (!given) return { status: 400, description: 'jurisdiction_id was not provided: send the city\'s short name, e.g. jurisdiction_id=kisumu.' };
  const city = await findTenantBySlugCached(c.get('services').database.db, given);
  if (!city || city.kind !== 'city') return { status: 404, description: `jurisdiction_id ${given} was not found.` };
  return city;
}

function serviceRequest(row: ServiceRequestRow, locale: string): Record<string, Field> {
  return {
    service_request_id: row.reference,
    status: row.merged || row.status === 'resolved' || row.status === 'declined' ? 'closed' : 'open',
    status_notes: row.statusNotes,
    service_name: categoryName({ names: row.serviceNames, slug: row.serviceCode }, locale),
    service_code: row.serviceCode,
    description: row.description,
    agency_responsible: null,
    service_notice: null,
    requested_datetime: w3(row.requestedAt),
    updated_datetime: w3(row.updatedAt),
    expected_datetime: null,
    address: row.area,
    address_id: row.areaSlug,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: null,
  };
}

/** GET requests' filters, or what is wrong with them. */
function requestFilters(query: Record<string, string>): RequestFilters | Failure {
  const list = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);
  const references = list(query.service_request_id);
  if (references) return { references: references.slice(0, 1000) };
  const dates: Record<'start' | 'end', Date | undefined> = { start: undefined, end: undefined };
  for (const [field, key] of [['start_date', 'start'], ['end_date', 'end']] as const) {
    const value = query[field];
    if (!value) continue;
    if (!W3_DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
      return { status: 400, description: `${field} must be a W3C date-time with a time zone, e.g. 2026-01-01T00:00:00Z.` };
    }
    dates[key] = new Date(value);
  }
  let { start, end } = dates;
  if (!start && !end) end = new Date();
  if (!start) start = new Date(end!.getTime() - WINDOW_DAYS * DAY_MS);
  if (!end) end = new Date(start.getTime() + WINDOW_DAYS * DAY_MS);
  if (end < start) return { status: 400, description: 'end_date is before start_date.' };
  if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) return { status: 400, description: `start_date and end_date may not span more than ${WINDOW_DAYS} days.` };
  const statuses = list(query.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) return { status: 400, description: 'status may be open, closed, or both separated by a comma.' };
  return { start, end, serviceCodes: list(query.service_code), statuses: statuses as ('open' | 'closed')[] | undefined };
}

const PostedRequest = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  service_code: z.string().optional(),
  lat: z.string().optional(),
  long: z.string().optional(),
  address_string: z.string().max(500).optional(),
  address_id: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  description: z.string().optional(),
});

export function open311Routes(app: Hono<AppEnv>): void {
  app.get(`${OPEN311_PATH}/:file`, async (c) => {
    const [resource, format] = split(c.req.param('file')) ?? [];
    if (!resource || !format) return fail(c, 'json', { status: 400, description: 'Ask for a resource with its format: discovery, services or requests, ending in .json or .xml.' });
    if (resource === 'discovery') return discovery(c, format);
    const city = await readTarget(c, resource);
    if ('status' in city) return fail(c, format, city);
    const db = c.get('services').database.db;
    if (resource === 'services') {
      const { categories } = await loadTaxonomy(db, city.id);
      return reply(c, format, 'services', 'service', categories.map((category) => ({
        service_code: category.slug, service_name: categoryName(category, c.get('locale')), description: null,
        metadata: false, type: 'realtime', keywords: null, group: null,
      })));
    }
    const filters = requestFilters(c.req.query());
    if ('status' in filters) return fail(c, format, filters);
    const rows = await listServiceRequests(db, city.id, filters);
    return reply(c, format, 'service_requests', 'request', rows.map((row) => serviceRequest(row, c.get('locale'))));
  });

  app.get(`${OPEN311_PATH}/:resource/:file`, async (c) => {
    const resource = c.req.param('resource');
    const [id, format] = split(c.req.param('file')) ?? [];
    if (!id || !format) return fail(c, 'json', { status: 400, description: 'End the address with .json or .xml.' });
    const city = await readTarget(c, resource);
    if ('status' in city) return fail(c, format, city);
    const db = c.get('services').database.db;
    if (resource === 'services') {
      const { categories } = await loadTaxonomy(db, city.id);
      if (!categories.some((category) => category.slug === id)) return fail(c, format, { status: 404, description: `service_code ${id} was not found.` });
      // No service asks for more than the standard fields, so every definition has no attributes.
      if (format === 'json') return c.json({ service_code: id, attributes: [] });
      return xmlBody(c, `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${escapeXml(id)}</service_code><attributes></attributes></service_definition>`);
    }
    const [row] = await listServiceRequests(db, city.id, { references: [id] });
    if (!row) return fail(c, format, { status: 404, description: `service_request_id ${id} was not found.` });
    return reply(c, format, 'service_requests', 'request', [serviceRequest(row, c.get('locale'))]);
  });

  app.post(`${OPEN311_PATH}/:file`, async (c) => {
    const [resource, format] = split(c.req.param('file')) ?? [];
    if (resource !== 'requests' || !format) return fail(c, format ?? 'json', { status: 404, description: 'Service requests are posted to requests.json or requests.xml.' });
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return fail(c, format, { status: 400, description: 'Send the request as application/x-www-form-urlencoded.' });
    const posted = PostedRequest.safeParse(parseUrlEncoded(await c.req.arrayBuffer()));
    if (!posted.success) {
      const fields = [...new Set(posted.error.issues.map((i) => String(i.path[0])))].join(', ');
      return fail(c, format, { status: 400, description: `Too long: ${fields}.` });
    }
    const form = posted.data;
    const city = await jurisdiction(c, form.jurisdiction_id);
    if ('status' in city) return fail(c, format, city);
    const { database, config } = c.get('services');
    if (!form.api_key || !(await findPartner(database.db, city.id, form.api_key, config.secret))) {
      return fail(c, format, { status: 403, description: 'Missing or invalid api_key: ask the city for a partner key.' });
    }
    if (!form.service_code) return fail(c, format, { status: 400, description: 'service_code was not provided.' });
    const { categories, areas } = await loadTaxonomy(database.db, city.id);
    if (!categories.some((category) => category.slug === form.service_code)) return fail(c, format, { status: 404, description: `service_code ${form.service_code} was not found.` });

    const hasPoint = !!form.lat && !!form.long;
    const named = form.address_id ?? form.address_string?.trim();
    const area = named ? areas.find((a) => a.slug === named || a.name.toLowerCase() === named.toLowerCase()) : undefined;
    if (!hasPoint && !area) {
      return fail(c, format, { status: 400, description: named
        ? `The address ${named} is not one of the city's areas: send lat and long, or address_id with an area's code.`
        : 'A location is required: lat and long, or address_id with one of the city\'s areas.' });
    }
    const description = (form.description ?? '').trim();
    const parsed = VoiceInput.safeParse({
      title: titleFrom(description), description, category: form.service_code, area: area?.slug,
      latitude: hasPoint ? form.lat : undefined, longitude: hasPoint ? form.long : undefined,
      contact: form.email || form.phone || undefined,
    });
    if (!parsed.success) {
      const t = c.get('t');
      const problems = fieldIssues(parsed.error).map((issue) => `${issue.field === 'title' ? 'description' : issue.field}: ${t(issue.messageKey, issue.values)}`);
      return fail(c, format, { status: 400, description: problems.join('; ') });
    }
    const result = await submitVoice(database.db, { ...parsed.data, lang: c.get('locale'), channel: 'open311', secret: config.secret }, null, city);
    if (!result.ok) {
      const description = result.error === 'outside-city' || result.error === 'outside-area'
        ? 'lat and long are outside the city\'s areas.' : `The request was refused: ${result.error}.`;
      return fail(c, format, { status: 400, description });
    }
    return reply(c, format, 'service_requests', 'request', [{ service_request_id: result.value.reference, service_notice: null, account_id: null }]);
  });
}

function discovery(c: Context<AppEnv>, format: Format) {
  const changeset = '2026-11-25T00:00:00Z';
  const url = `${baseUrl(c)}${OPEN311_PATH}`;
  const formats = ['application/json', 'text/xml'];
  if (format === 'json') {
    return c.json({ changeset, contact: 'See the city\'s Baraza site.', key_service: 'Partner keys are issued by each city.', endpoints: [{ specification: SPECIFICATION, url, changeset, type: 'production', formats }] });
  }
  const endpoint = `<endpoint><specification>${SPECIFICATION}</specification><url>${escapeXml(url)}</url><changeset>${changeset}</changeset><type>production</type><formats>${formats.map((f) => `<format>${f}</format>`).join('')}</formats></endpoint>`;
  return xmlBody(c, `<?xml version="1.0" encoding="utf-8"?><discovery><changeset>${changeset}</changeset><contact>See the city's Baraza site.</contact><key_service>Partner keys are issued by each city.</key_service><endpoints>${endpoint}</endpoints></discovery>`);
}

