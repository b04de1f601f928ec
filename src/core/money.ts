// Money is integer minor units plus an ISO 4217 currency (DESIGN.md "Money"). People type
// amounts in major units with their own separators ("1 500 000", "1,500,000.50",
// "1.500.000,50"); an amount whose meaning depends on the reader ("1,500": one and a half, or
// fifteen hundred?) is refused rather than guessed.

/** Digits after the decimal point in this currency (2 for KES, 0 for UGX, 3 for TND). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf('currency').includes(code);
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; problem: 'invalid' | 'ambiguous' | 'too-precise' | 'too-large' };

// Grouping marks: space, no-break and narrow no-break space, apostrophe, right single quote, underscore.
const GROUPING = /[\s\u00A0\u202F'\u2019_]/g;

export function parseMoney(text: string, currency: string): ParsedMoney {
  const digits = minorDigits(currency);
  const s = text.trim().replace(GROUPING, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, problem: 'invalid' };
  const marks = [...s.matchAll(/[.,]/g)];
  let whole = s;
  let fraction = '';
  if (marks.length > 0) {
    const last = marks[marks.length - 1]!;
    const kinds = new Set(marks.map((m) => m[0]));
    const groupsOfThree = (part: string) => /^\d{1,3}([.,]\d{3})*$/.test(part);
    if (kinds.size === 2) {
      // Both marks: the last one is the decimal point, the other only groups thousands.
      if (marks.slice(0, -1).some((m) => m[0] === last[0])) return { ok: false, problem: 'invalid' };
      whole = s.slice(0, last.index);
      fraction = s.slice(last.index! + 1);
      if (!groupsOfThree(whole)) return { ok: false, problem: 'invalid' };
    } else if (marks.length > 1) {
      // One mark, repeated: it groups thousands.
      if (!groupsOfThree(s)) return { ok: false, problem: 'invalid' };
    } else {
      const after = s.length - last.index! - 1;
      if (after === 3 && digits !== 3) {
        // "1,500" reads as 1500 to some and 1.5 to others; "1,50" or "1500" is clear.
        if (digits === 0 && /^\d{1,3}$/.test(s.slice(0, last.index))) return parseMoney(s.replace(/[.,]/, ''), currency);
        return { ok: false, problem: 'ambiguous' };
      }
      whole = s.slice(0, last.index);
      fraction = s.slice(last.index! + 1);
    }
    whole = whole.replace(/[.,]/g, '');
  }
  if (fraction.length > digits) return { ok: false, problem: 'too-precise' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'too-large' };
  return { ok: true, minor: Number(minor) };
}

/** Minor units as a plain major-unit amount with a point ("1500000.50"), for form fields and files. */
export function minorToPlain(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
