// Background work (outbound text messages, notices) through pg-boss, a PostgreSQL-backed job
// queue, on either engine: its tables come from our migrations (core/0004), and it reaches the
// database through the same handles as everything else. Jobs are added in the caller's
// transaction, so a job exists exactly when the change that called for it was committed.
import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import pg from 'pg';
import type { Database, Db } from './database.ts';
import { queryRows } from './database.ts';

export const JOB_SCHEMA = 'baraza_jobs';

/** A queue and how its jobs are retried; the queue itself is created by a migration. */
export interface QueueSpec {
  readonly name: string;
  /** Tries after the first. */
  readonly retryLimit: number;
  /** Seconds (at least 1) before the first retry, give or take; doubled on each later one (back-off). */
  readonly retryDelaySeconds: number;
}

export interface RunningJob<T> {
  readonly id: string;
  readonly data: T;
  /** 0 on the first try. */
  readonly retryCount: number;
  /** True when a failure now is final: no retry follows. */
  readonly lastTry: boolean;
}

export type JobHandler<T> = (job: RunningJob<T>) => Promise<void>;

export interface JobQueue {
  /** Adds jobs through `db`: inside a transaction they exist only if it commits. */
  enqueue<T extends object>(db: Db, queue: QueueSpec, items: readonly T[]): Promise<void>;
  /** Says who runs a queue's jobs; before start or drain. */
  define<T>(queue: QueueSpec, handler: JobHandler<T>): void;
  /** Runs every defined queue in the background until stop. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs the queue's jobs that are due now, until none is left; returns how many ran. */
  drain(queueName: string): Promise<number>;
}

const IDLE_POLL_MS = 1_000;
/** Jobs fetched at once by a queue's loop. */
const BATCH = 20;

export function createJobQueue(database: Database, logger: Logger): JobQueue {
  const boss = new PgBoss({ db: rawExecutor(database), schema: JOB_SCHEMA, migrate: false, schedule: false, supervise: true });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue'));
  const handlers = new Map<string, { spec: QueueSpec; handler: JobHandler<unknown> }>();
  let running = false;
  const loops: Promise<void>[] = [];

  /**
   * Runs the queue's due jobs, a batch at a time, one after another; answers how many ran. The
   * jobs that succeeded are completed together: one round trip for the batch, not one a job.
   */
  async function runBatch(name: string): Promise<number> {
    const entry = handlers.get(name);
    if (!entry) throw new Error(`No handler defined for the queue ${name}`);
    const jobs = await boss.fetch<unknown>(name, { batchSize: BATCH, includeMetadata: true });
    const done: string[] = [];
    for (const job of jobs) {
      try {
        await entry.handler({ id: job.id, data: job.data, retryCount: job.retryCount, lastTry: job.retryCount >= job.retryLimit });
        done.push(job.id);
      } catch (error) {
        logger.warn({ err: error, queue: name, job: job.id, retry: job.retryCount }, 'job failed');
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (done.length > 0) await boss.complete(name, done);
    return jobs.length;
  }

  async function loop(name: string): Promise<void> {
    while (running) {
      const ran = await runBatch(name).catch((error: unknown) => {
        logger.error({ err: error, queue: name }, 'job queue poll');
        return 0;
      });
      if (ran === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS).unref());
    }
  }

  return {
    async enqueue(db, queue, items) {
      if (items.length === 0) return;
      const jobs = items.map((data) => ({
        name: queue.name, data, retryLimit: queue.retryLimit, retryDelay: queue.retryDelaySeconds, retryBackoff: true,
      }));
      await boss.insert(jobs, { db: drizzleExecutor(db) });
    },
    define(queue, handler) {
      handlers.set(queue.name, { spec: queue, handler: handler as JobHandler<unknown> });
    },
    async start() {
      if (running) return;
      await boss.start();
      running = true;
      for (const name of handlers.keys()) loops.push(loop(name));
    },
    async stop() {
      if (!running) return;
      running = false;
      await Promise.all(loops.splice(0));
      await boss.stop({ graceful: true, wait: true, close: false });
    },
    async drain(name) {
      let ran = 0;
      for (let batch = await runBatch(name); batch > 0; batch = await runBatch(name)) ran += batch;
      return ran;
    },
  };
}

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss's own statements, on the engine's client: some of its maintenance scripts are several
 * statements in one text, which PGlite runs only through exec.
 */
function rawExecutor(database: Database): Executor {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) return { executeSql: (text, values) => client.query(text, values) };
  const pglite = client as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>; exec(text: string): Promise<{ rows: unknown[] }[]> };
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

/** One parameterised statement through a Drizzle handle, so it can join the caller's transaction. */
function drizzleExecutor(db: Db): Executor {
  return { executeSql: async (text, values = []) => ({ rows: await queryRows(db, withParameters(text, values)) }) };
}

export function withParameters(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)\b/);
  return sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1] ?? null))));
}
