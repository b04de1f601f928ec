// Development and the demo: each outbound text is written to the log instead of being sent,
// so replies can be read without a gateway account. Logs are kept longer and read by more
// people than the delivery log, so the number is shown with its middle digits masked.
import { randomUUID } from 'node:crypto';
import type { SendContext } from '../gateway.ts';

export async function sendToLog(message: { to: string; text: string; gateway: string }, { logger }: SendContext): Promise<string> {
  const id = `log-${randomUUID()}`;
  const to = maskPhone(message.to);
  logger.info({ text: { to, gateway: message.gateway, id } }, `text to ${to}: ${message.text}`);
  return id;
}

/** +254711000001 → +254•••••••001: enough to tell two test phones apart, not to call anyone. */
export const maskPhone = (phone: string) => (phone.length > 7 ? `${phone.slice(0, 4)}${'•'.repeat(phone.length - 7)}${phone.slice(-3)}` : '•••');
