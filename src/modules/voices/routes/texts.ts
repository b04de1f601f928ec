// SMS and WhatsApp callbacks: POST /hooks/texts/{gateway}/{city}, gateway being
// africas-talking, twilio or whatsapp. Each adapter checks the request is its gateway's (a
// signature, or the city's secret token in the address) and reads the messages; each message
// is answered by a queued text. WhatsApp also calls GET on the same address once, to verify it.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { sameSecret } from '../../../core/crypto.ts';
import { notFound } from '../../../core/result.ts';
import { findCity } from './city-context.ts';
import { hookToken } from './ussd.ts';
import { GATEWAYS } from '../texts/gateways/index.ts';
import { receiveText } from '../services/receive-text.ts';
import { textOutbox } from '../texts/outbox.ts';

export const TEXT_HOOK_PATH = '/hooks/texts';

/** The address the gateway called as the gateway saw it: behind a proxy, the public one. */
function calledUrl(c: Context<AppEnv>): string {
  const publicUrl = c.get('services').config.publicUrl;
  if (!publicUrl) return c.req.url;
  const url = new URL(c.req.url);
  return `${publicUrl.replace(/\/$/, '')}${url.pathname}${url.search}`;
}

export function textHooks(app: Hono<AppEnv>): void {
  app.post(`${TEXT_HOOK_PATH}/:gateway/:city`, async (c) => {
    const services = c.get('services');
    const gateway = GATEWAYS.get(c.req.param('gateway'));
    if (!gateway) throw notFound();
    const city = await findCity(services.database.db, c.req.param('city'));
    const read = gateway.read({
      url: calledUrl(c),
      headers: c.req.raw.headers,
      body: new Uint8Array(await c.req.arrayBuffer()),
      tokenValid: sameSecret(c.req.query('token') ?? '', hookToken(services.config.secret, city.id, gateway.name)),
    }, services.config.texts);
    if (!read.ok) return c.text(read.error, read.status);
    const outbox = textOutbox(services);
    // In order: a gateway that batches two messages from one phone expects them answered in turn.
    for (const message of read.messages) {
      await receiveText(services.database.db, outbox, { gateway: gateway.name, channel: gateway.channel, message }, city, services.textKeywords);
    }
    return c.body(gateway.acknowledgement.body, 200, { 'content-type': gateway.acknowledgement.contentType });
  });

  // Meta's one-time check of a webhook address: echo the challenge when the verify token matches.
  app.get(`${TEXT_HOOK_PATH}/whatsapp/:city`, async (c) => {
    const services = c.get('services');
    await findCity(services.database.db, c.req.param('city'));
    const expected = services.config.texts.whatsapp.verifyToken;
    if (c.req.query('hub.mode') !== 'subscribe') return c.text('Expected hub.mode=subscribe.', 400);
    if (!expected || !sameSecret(c.req.query('hub.verify_token') ?? '', expected)) return c.text('The hub.verify_token does not match WHATSAPP_VERIFY_TOKEN.', 403);
    return c.text(c.req.query('hub.challenge') ?? '');
  });
}
