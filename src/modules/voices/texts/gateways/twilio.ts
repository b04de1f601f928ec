// Twilio SMS: the gateway posts a form (MessageSid, From, To, Body, …) and signs it in the
// X-Twilio-Signature header: base64 HMAC-SHA1, keyed by the account's auth token, of the full
// callback address followed by every distinct field name and value, sorted by name then value. Replies go through
// the Messages API; the webhook itself answers with an empty TwiML response.
import { createHmac } from 'node:crypto';
import { sameSecret } from '../../../../core/crypto.ts';
import type { TextGateway } from '../gateway.ts';
import { expectSuccess, formFields } from '../gateway.ts';
import { normalisePhone } from '../phone.ts';

export function twilioSignature(authToken: string, url: string, fields: URLSearchParams): string {
  const pairs = [...new Set([...fields.entries()].map((pair) => JSON.stringify(pair)))].map((pair) => JSON.parse(pair) as [string, string])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const data = url + pairs.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export const twilio: TextGateway = {
  name: 'twilio',
  channel: 'sms',
  read(request, config) {
    const authToken = config.twilio.authToken;
    if (!authToken) return { ok: false, status: 403, error: 'Twilio callbacks are refused: TWILIO_AUTH_TOKEN is not set, so signatures cannot be checked.' };
    const form = formFields(request);
    if (!form) return { ok: false, status: 415, error: 'Send the callback as application/x-www-form-urlencoded.' };
    const signature = request.headers.get('x-twilio-signature') ?? '';
    if (!sameSecret(signature, twilioSignature(authToken, request.url, form))) {
      return { ok: false, status: 403, error: 'The X-Twilio-Signature header does not match this request.' };
    }
    const id = (form.get('MessageSid') ?? form.get('SmsSid') ?? '').trim();
    const from = normalisePhone(form.get('From') ?? '');
    const body = form.get('Body');
    if (!id || id.length > 200) return { ok: false, status: 400, error: 'The MessageSid field is missing.' };
    if (!from) return { ok: false, status: 400, error: 'The From field is not a phone number in international format, such as +254711000000.' };
    const media = Number(form.get('NumMedia') ?? '0');
    const text = body !== null && body.trim() !== '' ? body : media > 0 ? null : body ?? '';
    return { ok: true, messages: [{ messageId: id, from, text }] };
  },
  acknowledgement: { contentType: 'text/xml; charset=utf-8', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' },
  async send({ to, text }, { config }) {
    const { accountSid, authToken, from, apiUrl } = config.twilio;
    if (!accountSid || !authToken || !from) throw new Error('TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are not all set');
    const response = await fetch(`${apiUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
      method: 'POST',
      body: new URLSearchParams({ To: to, From: from, Body: text }),
      headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const answer = (await expectSuccess(response, 'Twilio')) as { sid?: string };
    return answer.sid ?? null;
  },
};
