// Group commit: writes that arrive while earlier ones are being committed wait and go together,
// as one statement and one commit. A lone write goes at once, so a quiet server adds no delay;
// under load, each commit (and its flush to disk) is shared by the writes that queued meanwhile.

export interface GroupCommitOptions {
  /** At most this many writes in one statement. */
  maxBatch?: number;
  /** At most this many statements in flight at once (each holds a pooled connection). */
  concurrency?: number;
}

/**
 * Wraps `run`, which writes a batch and answers one result per item in the same order, so that
 * callers write one item at a time. When a batch fails, each of its items is retried alone, so
 * one bad item (a row a concurrent change made invalid) fails only its own caller.
 */
export function groupCommit<T, R>(run: (items: T[]) => Promise<R[]>, options: GroupCommitOptions = {}): (item: T) => Promise<R> {
  const maxBatch = options.maxBatch ?? 64;
  const concurrency = options.concurrency ?? 1;
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;

  const settleAlone = (w: Waiting) =>
    run([w.item]).then((results) => w.resolve(onlyResult(results)), w.reject);

  async function flush(batch: Waiting[]): Promise<void> {
    try {
      const results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      // One after another, within this batch's share of the connections.
      else for (const w of batch) await settleAlone(w);
    }
  }

  function pump(): void {
    while (inFlight < concurrency && queue.length > 0) {
      inFlight++;
      void flush(queue.splice(0, maxBatch)).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}

function onlyResult<R>(results: R[]): R {
  if (results.length !== 1) throw new Error(`group commit: ${results.length} results for 1 item`);
  return results[0]!;
}
