// One adapter per SMS or WhatsApp gateway behind this interface: reading what the gateway posts
// (and checking that the gateway sent it), and sending a text. Another gateway is one more file
// in gateways/ and one line in its index.
import type { Logger } from 'pino';
import type { TextsConfig } from '../../../core/config.ts';

export interface InboundText {
  /** The gateway's id of the message: a retried delivery carries the same one. */
  messageId: string;
  /** The sender in E.164. */
  from: string;
  /** The words sent, or null for something that is not text (a picture, a voice note). */
  text: string | null;
}

export interface HookRequest {
  /** The address the gateway called, as it saw it (signatures cover it). */
  url: string;
  headers: Headers;
  body: Uint8Array;
  /** Whether the address carried this city's secret token. */
  tokenValid: boolean;
}

export type ReadResult =
  | { ok: true; messages: InboundText[] }
  | { ok: false; status: 400 | 403 | 415; error: string };

export interface SendContext {
  config: TextsConfig;
  logger: Logger;
}

export interface TextGateway {
  readonly name: string;
  readonly channel: 'sms' | 'whatsapp';
  /** Checks the request came from the gateway, then reads the messages in it. */
  read(request: HookRequest, config: TextsConfig): ReadResult;
  /** What the gateway expects in answer once the messages are stored. */
  readonly acknowledgement: { contentType: string; body: string };
  /** Sends one text; answers the gateway's id for it. Throws when the gateway refused it. */
  send(message: { to: string; text: string }, context: SendContext): Promise<string | null>;
}

/** A form-encoded body as a list of fields, or null when the content type is not a form. */
export function formFields(request: HookRequest): URLSearchParams | null {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams(new TextDecoder().decode(request.body));
}

/** Throws with what the gateway said when its answer is not a success. */
export async function expectSuccess(response: Response, gateway: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${gateway} answered ${response.status}: ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${gateway} answered ${response.status} with something other than JSON`);
  }
}
