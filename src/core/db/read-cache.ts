// A short-lived, per-database memo for rarely changing reads that nearly every request needs
// (a city and its categories and areas). Entries live a few seconds, so a change made by
// another app process shows within that time; a change made by this process clears its entry
// at once. Keyed by the database handle so tests with several databases never share entries.
import type { Db } from './database.ts';

export const READ_CACHE_TTL_MS = 5_000;

const caches = new WeakMap<Db, Map<string, { value: Promise<unknown>; expires: number }>>();

export function cachedRead<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { value, expires: now + READ_CACHE_TTL_MS });
  // A failed read is not remembered.
  value.catch(() => cache.delete(key));
  return value;
}

/** Forgets every entry whose key starts with the prefix (after this process changed the data). */
export function forgetReads(db: Db, prefix: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}
