// USSD callbacks in Africa's Talking's format: a form post with sessionId, serviceCode,
// phoneNumber and text (every answer so far, joined by `*`), answered in plain text starting
// with `CON` (another screen follows) or `END` (the session closes). The gateway signs nothing,
// so each city's callback address carries a secret token.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../core/http/index.ts';
import { parseUrlEncoded } from '../../../core/http/index.ts';
import { keyedHash, sameSecret } from '../../../core/crypto.ts';
import { findCity } from './city-context.ts';
import { answerUssd, type UssdRequest } from '../services/answer-ussd.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';

export const USSD_HOOK_PATH = '/hooks/ussd/africas-talking';

/** The secret a gateway's callback address carries for one city. */
export const hookToken = (secret: string, tenantId: string, gateway: string) => keyedHash(secret, `hook\0${gateway}\0${tenantId}`);

const AfricasTalkingUssd = z.object({
  sessionId: z.string().trim().min(1).max(100),
  phoneNumber: z.string().trim().regex(/^\+?[\d ]{6,20}$/),
  serviceCode: z.string().max(40).optional(),
  text: z.string().max(2000).default(''),
});

export function ussdHooks(app: Hono<AppEnv>): void {
  app.post(`${USSD_HOOK_PATH}/:city`, async (c) => {
    const callback = await readUssdCallback(c, 'africas-talking');
    if (callback instanceof Response) return callback;
    const { database, config } = c.get('services');
    const answer = await answerUssd(database.db, callback.request, callback.city, config.secret);
    return c.text(`${answer.end ? 'END' : 'CON'} ${answer.text}`);
  });
}

/**
 * An Africa's Talking USSD callback to a city's address, checked: the city, the token its
 * address carries for this purpose (`hookToken(secret, city, purpose)`), the form. Other
 * modules' USSD services (a ballot) use it with their own purpose, so each has its own address.
 */
export async function readUssdCallback(c: Context<AppEnv>, purpose: string): Promise<{ city: Tenant; request: UssdRequest } | Response> {
  const { database, config } = c.get('services');
  const city = await findCity(database.db, c.req.param('city') ?? '');
  const token = c.req.query('token') ?? '';
  if (!sameSecret(token, hookToken(config.secret, city.id, purpose))) return c.text('Unknown or missing token in the callback address.', 403);
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return c.text('Send the callback as application/x-www-form-urlencoded.', 415);
  const parsed = AfricasTalkingUssd.safeParse(parseUrlEncoded(await c.req.arrayBuffer()));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
    return c.text(`Missing or malformed fields: ${fields}. Expected sessionId, phoneNumber (digits, optional +) and text.`, 400);
  }
  return { city, request: parsed.data };
}
