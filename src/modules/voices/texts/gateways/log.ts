// Development and the demo: each outbound text is written to the log instead of being sent,
// so replies can be read without a gateway account.
import { randomUUID } from 'node:crypto';
import type { SendContext } from '../gateway.ts';

export async function sendToLog(message: { to: string; text: string; gateway: string }, { logger }: SendContext): Promise<string> {
  const id = `log-${randomUUID()}`;
  logger.info({ text: { to: message.to, gateway: message.gateway, id } }, `text to ${message.to}: ${message.text}`);
  return id;
}
