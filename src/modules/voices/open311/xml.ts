// GeoReport v2's XML: schemaless, no namespace, a root element holding one element per record
// whose fields are plain child elements. Null fields are written empty, as in the spec's examples.
export type Field = string | number | boolean | null | undefined;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 cannot carry at all; they are dropped rather than sent invalid.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (text: string) => text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function xmlList(root: string, item: string, records: readonly Record<string, Field>[]): string {
  const body = records
    .map((record) => `<${item}>${Object.entries(record).map(([name, value]) => `<${name}>${value === null || value === undefined ? '' : escapeXml(String(value))}</${name}>`).join('')}</${item}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}
