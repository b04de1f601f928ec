// Runs the web server until told to stop; on SIGTERM or SIGINT it stops accepting connections,
// lets requests in flight finish and the background job in hand end, then closes the database.
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/index.ts';
import { buildApp, servicesFor } from './build-app.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export async function runServer(config: Config, database: Database, onListening?: (url: string) => void): Promise<ServerType> {
  const services = servicesFor(config, database);
  const app = buildApp(services);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  services.logger.info({ url, engine: database.engine }, 'listening');
  // Outbound texts and notices go out from every app process; the queue hands each job to one.
  await services.jobs.start();
  onListening?.(url);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    services.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await services.jobs.stop().catch(() => undefined);
      await database.close();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open until they time out.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return server;
}
