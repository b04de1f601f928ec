// Sealing of personal data that must be readable again (a contact to answer a resident):
// AES-256-GCM under a key derived from the server secret, so a copy of the database alone
// does not reveal it.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, createHmac, timingSafeEqual } from 'node:crypto';

const keys = new Map<string, Buffer>();
function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'baraza', purpose, 32));
    keys.set(id, key);
  }
  return key;
}

export function seal(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, 'seal'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plain text, or null when the value was sealed under another key or was tampered with. */
export function unseal(secret: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, 'seal'), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A keyed hash: the same input gives the same value, which cannot be reversed without the key. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', keyFor(secret, 'hash')).update(value).digest('base64url');
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. New rows get
 * ids that sort after the ones before, so they land at the end of an index, not on random pages.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Compares a secret someone sent with the expected one in time that does not depend on where they differ. */
export function sameSecret(sent: string, expected: string): boolean {
  const x = Buffer.from(sent);
  const y = Buffer.from(expected);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A UUID (version 8, RFC 9562) derived from a name: the same name always gives the same UUID,
 * which makes a resent step or a resent file a repeat rather than something new.
 */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
