// Phone numbers as gateways send them: international format, with or without `+`, sometimes
// with a `whatsapp:` prefix (Twilio) or spaces. Anything else is refused rather than guessed.
import { keyedHash } from '../../../core/crypto.ts';

/** The number in E.164 (`+` and 8 to 15 digits, no leading zero), or null. */
export function normalisePhone(raw: string): string | null {
  const cleaned = raw.trim().replace(/^whatsapp:/i, '').replace(/[\s().-]/g, '');
  const match = /^(?:\+|00)?([1-9]\d{7,14})$/.exec(cleaned);
  return match ? `+${match[1]}` : null;
}

/** How a phone is known without keeping its number: the same hash for USSD, SMS and WhatsApp. */
export const phoneHash = (secret: string, phone: string) => keyedHash(secret, `phone:${phone.replace(/[^\d]/g, '')}`);
