// One stylesheet: every component's CSS concatenated at start-up, served under a content
// hash so browsers may cache it for a year.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const componentsDir = fileURLToPath(new URL('./components/', import.meta.url));

function collect(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return collect(path);
      return entry.name.endsWith('.css') ? [readFileSync(path, 'utf8')] : [];
    });
}

// Layout first: it defines the custom properties the others use.
const layoutFirst = (parts: string[]) => parts.sort((a, b) => Number(b.startsWith(':root')) - Number(a.startsWith(':root')));

export const stylesheetBody = layoutFirst(collect(componentsDir)).join('\n');
export const stylesheetHref = `/static/baraza-${createHash('sha256').update(stylesheetBody).digest('hex').slice(0, 12)}.css`;
