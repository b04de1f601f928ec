// Serves the real application on a loopback port, on a fresh test database with fixtures.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { seedFixtures } from '../../test/support/fixtures.ts';
import { testApp } from '../../test/support/app.ts';

export interface RunningServer {
  url: string;
  database: TestDatabase;
  /** The secret the app runs with (for gateway tokens). */
  secret: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const [engine] = await testEngines();
  const database = await engine!.open();
  await seedFixtures(database.db);
  const { app, config } = testApp(database);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    secret: config.secret,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await database.dispose();
    },
  };
}
