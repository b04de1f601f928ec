// Several app processes on one machine share the port through node:cluster. The app keeps no
// state in the process, so any worker can answer any request. PGlite is one process's data
// directory, so more than one worker needs PostgreSQL.
import cluster from 'node:cluster';

/** In the primary: starts the workers, restarts any that die, and stops them all on a signal. */
export function runWorkers(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export const isPrimary = () => cluster.isPrimary;
