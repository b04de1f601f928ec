// Africa's Talking SMS: the gateway posts a form (from, to, text, date, id, linkId) to the
// callback address and signs nothing, so the address carries the city's secret token.
// Replies go through its messaging API (username, to, message; the apiKey header).
import type { TextGateway } from '../gateway.ts';
import { expectSuccess, formFields } from '../gateway.ts';
import { normalisePhone } from '../phone.ts';

/** Africa's Talking's status codes for a message it accepted (processed, sent, queued). */
const ACCEPTED = new Set([100, 101, 102]);

export const africasTalking: TextGateway = {
  name: 'africas-talking',
  channel: 'sms',
  read(request) {
    if (!request.tokenValid) return { ok: false, status: 403, error: 'Unknown or missing token in the callback address.' };
    const form = formFields(request);
    if (!form) return { ok: false, status: 415, error: 'Send the callback as application/x-www-form-urlencoded.' };
    const id = form.get('id')?.trim() ?? '';
    const from = normalisePhone(form.get('from') ?? '');
    const text = form.get('text');
    if (!id || id.length > 200) return { ok: false, status: 400, error: 'The id field (the message id, up to 200 characters) is missing.' };
    if (!from) return { ok: false, status: 400, error: 'The from field is not a phone number in international format, such as +254711000000.' };
    if (text === null) return { ok: false, status: 400, error: 'The text field is missing.' };
    return { ok: true, messages: [{ messageId: id, from, text }] };
  },
  acknowledgement: { contentType: 'text/plain; charset=utf-8', body: '' },
  async send({ to, text }, { config }) {
    const { username, apiKey, sender, apiUrl } = config.africasTalking;
    if (!username || !apiKey) throw new Error('AFRICASTALKING_USERNAME and AFRICASTALKING_API_KEY are not set');
    const body = new URLSearchParams({ username, to, message: text });
    if (sender) body.set('from', sender);
    const response = await fetch(apiUrl, {
      method: 'POST', body, headers: { apiKey, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    });
    const answer = (await expectSuccess(response, "Africa's Talking")) as { SMSMessageData?: { Recipients?: { statusCode?: number; status?: string; messageId?: string }[]; Message?: string } };
    const recipient = answer.SMSMessageData?.Recipients?.[0];
    if (!recipient || !ACCEPTED.has(recipient.statusCode ?? 0)) {
      throw new Error(`Africa's Talking did not accept the message: ${recipient?.status ?? answer.SMSMessageData?.Message ?? 'no recipient in the answer'}`);
    }
    return recipient.messageId ?? null;
  },
};
