// Builds the real application on a test database, with mail kept in memory and logs silenced.
import { loadConfig } from '../../src/core/config.ts';
import { createMemoryMailer } from '../../src/core/mail.ts';
import { buildApp, servicesFor } from '../../src/app/build-app.ts';
import type { Database } from '../../src/core/db/index.ts';

export function testApp(database: Database, env: Record<string, string> = {}) {
  // Rate limits are off unless a test turns them on: in-process requests all share one address.
  const config = loadConfig({
    LOG_LEVEL: 'silent', BARAZA_SECRET: 'test-secret-with-enough-entropy', BARAZA_RATE_LIMIT_POSTS: '0', BARAZA_RATE_LIMIT_LOGINS: '0', ...env,
  });
  const mailer = createMemoryMailer();
  const services = servicesFor(config, database, mailer);
  return { app: buildApp(services), mailer, config, jobs: services.jobs, services };
}
