// Formatting rules and formatters are costly to build and cheap to keep: each is computed once
// per key and then remembered. With a limit, a memory forgets everything when it is full, so
// one fed by open-ended keys (dates, counts) stays small; what it forgot is simply computed again.

export type Memory<K, V> = (key: K, compute: () => V) => V;

export function remembering<K, V>(limit = Number.POSITIVE_INFINITY): Memory<K, V> {
  const known = new Map<K, V>();
  return (key, compute) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute();
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
