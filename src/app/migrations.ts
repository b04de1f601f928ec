// Core's migrations first, then each module's in manifest order: a stable order on every
// engine and every machine.
import { coreMigrations, type Migration } from '../core/db/index.ts';
import { modules } from '../modules/index.ts';

export function allMigrations(): Migration[] {
  return [...coreMigrations, ...modules.flatMap((m) => m.migrations)];
}
