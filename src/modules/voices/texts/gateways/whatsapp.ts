// The WhatsApp Business Cloud API: Meta posts JSON (entry → changes → value → messages) signed
// in X-Hub-Signature-256 ("sha256=" and the hex HMAC-SHA256 of the raw body, keyed by the app
// secret). Delivery receipts arrive on the same address as `statuses` and are not messages.
// Replies go through the Graph API's /{phone number id}/messages.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { sameSecret } from '../../../../core/crypto.ts';
import type { InboundText, TextGateway } from '../gateway.ts';
import { expectSuccess } from '../gateway.ts';
import { normalisePhone } from '../phone.ts';

export const whatsappSignature = (appSecret: string, body: Uint8Array) => `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;

const Message = z.object({
  id: z.string().min(1).max(300),
  from: z.string(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
});
const Notification = z.object({
  object: z.string(),
  entry: z.array(z.object({
    changes: z.array(z.object({
      field: z.string().optional(),
      value: z.object({ messages: z.array(z.unknown()).optional() }).loose(),
    })).default([]),
  })).default([]),
});

export const whatsapp: TextGateway = {
  name: 'whatsapp',
  channel: 'whatsapp',
  read(request, config) {
    const appSecret = config.whatsapp.appSecret;
    if (!appSecret) return { ok: false, status: 403, error: 'WhatsApp callbacks are refused: WHATSAPP_APP_SECRET is not set, so signatures cannot be checked.' };
    if (!sameSecret(request.headers.get('x-hub-signature-256') ?? '', whatsappSignature(appSecret, request.body))) {
      return { ok: false, status: 403, error: 'The X-Hub-Signature-256 header does not match this body.' };
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.body));
    } catch {
      return { ok: false, status: 400, error: 'The body is not JSON in UTF-8.' };
    }
    const parsed = Notification.safeParse(json);
    if (!parsed.success) return { ok: false, status: 400, error: 'The body is not a WhatsApp notification: expected object and entry[].changes[].value.' };
    const messages: InboundText[] = [];
    for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
      for (const raw of change.value.messages ?? []) {
        const message = Message.safeParse(raw);
        if (!message.success) return { ok: false, status: 400, error: 'A message lacks its id, from or type.' };
        const from = normalisePhone(message.data.from);
        if (!from) return { ok: false, status: 400, error: `A message's from (${message.data.from.slice(0, 20)}) is not a phone number in international format.` };
        messages.push({ messageId: message.data.id, from, text: message.data.type === 'text' ? message.data.text?.body ?? '' : null });
      }
    }
    return { ok: true, messages };
  },
  acknowledgement: { contentType: 'text/plain; charset=utf-8', body: 'EVENT_RECEIVED' },
  async send({ to, text }, { config }) {
    const { accessToken, phoneNumberId, apiUrl } = config.whatsapp;
    if (!accessToken || !phoneNumberId) throw new Error('WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are not set');
    const response = await fetch(`${apiUrl}/${encodeURIComponent(phoneNumberId)}/messages`, {
      method: 'POST',
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: to.replace(/^\+/, ''), type: 'text', text: { preview_url: false, body: text } }),
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    });
    const answer = (await expectSuccess(response, 'WhatsApp')) as { messages?: { id?: string }[] };
    return answer.messages?.[0]?.id ?? null;
  },
};
