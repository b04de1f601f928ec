// The one small script for progressive enhancement (DESIGN.md "Pages"), served under a
// content hash like the stylesheet; only pages that need it load it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const scriptBody = readFileSync(new URL('./enhance.js', import.meta.url), 'utf8');
export const scriptHref = `/static/baraza-${createHash('sha256').update(scriptBody).digest('hex').slice(0, 12)}.js`;
