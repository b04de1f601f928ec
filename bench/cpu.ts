// CPU time spent by the app server and by PostgreSQL, read from Linux's /proc, so the benchmark
// can say where each request's time went (on two cores every process competes with the others).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the project runs on

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended, or this is not Linux
  }
}

/** Milliseconds of user and system time of every process whose command line matches. */
function cpuMsOf(matches: (commandLine: string, name: string) => boolean): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = read(`/proc/${pid}/cmdline`).replaceAll('\0', ' ');
    const name = read(`/proc/${pid}/comm`).trim();
    if (!matches(commandLine, name)) continue;
    // Fields after the parenthesised name: state is the 3rd field, utime the 14th, stime the 15th.
    const fields = read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

export interface CpuSample {
  server: number;
  postgres: number;
}

export function sampleCpu(): CpuSample | null {
  try {
    readdirSync('/proc');
  } catch {
    return null;
  }
  return {
    server: cpuMsOf((commandLine) => commandLine.includes('bin/baraza.js serve')),
    postgres: cpuMsOf((_, name) => name === 'postgres'),
  };
}

/** "server 1.23 ms, PostgreSQL 0.93 ms" of CPU per request between two samples. */
export function cpuPerRequest(before: CpuSample | null, after: CpuSample | null, requests: number): string {
  if (!before || !after || requests === 0) return 'CPU per request not measured (no /proc)';
  const per = (ms: number) => `${(ms / requests).toFixed(2)} ms`;
  return `CPU per request: server ${per(after.server - before.server)}, PostgreSQL ${per(after.postgres - before.postgres)}`;
}
