// Form bodies are decoded strictly: invalid UTF-8 or broken percent-escapes are refused with a
// clear message instead of being silently turned into replacement characters.
import { AppError } from '../result.ts';
import type { FormFields } from './context.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

export const MAX_FIELDS = 100;

export function parseUrlEncoded(body: ArrayBuffer): FormFields {
  let raw: string;
  try {
    raw = decoder.decode(body);
  } catch {
    throw new AppError('invalid-encoding', 400, 'error.encoding');
  }
  const fields: FormFields = Object.create(null);
  if (raw === '') return fields;
  const pairs = raw.split('&');
  if (pairs.length > MAX_FIELDS) throw new AppError('too-many-fields', 400, 'error.tooManyFields');
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    // The first value wins: none of our forms repeat a field name.
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}

function decodeComponent(part: string): string {
  const decoded = decodeFormComponent(part);
  if (decoded === null) throw new AppError('invalid-encoding', 400, 'error.encoding');
  return decoded;
}

/** One percent-encoded part of a form body or query string, or null when its escapes are broken. */
export function decodeFormComponent(part: string): string | null {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * The text of a file sent with a multipart form, decoded strictly as UTF-8, or the catalogue key
 * of what is wrong with it: no file (or an empty one), or text that is not UTF-8.
 */
export async function uploadedText(file: File | undefined): Promise<{ text: string } | { problem: 'error.import.noFile' | 'error.import.encoding' }> {
  if (!file || file.size === 0) return { problem: 'error.import.noFile' };
  try {
    return { text: decoder.decode(await file.arrayBuffer()) };
  } catch {
    return { problem: 'error.import.encoding' };
  }
}
