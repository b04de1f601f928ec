// Composes the product: core pages and middleware plus every module of this instance.
import pino from 'pino';
import type { Config } from '../core/config.ts';
import { createApp, type AppServices } from '../core/http/index.ts';
import { corePages } from '../core/pages.tsx';
import { createJobQueue, openDatabase, migrate, type Database } from '../core/db/index.ts';
import { createMailer, type Mailer } from '../core/mail.ts';
import { modules } from '../modules/index.ts';
import { allMigrations } from './migrations.ts';

export function buildApp(services: AppServices) {
  return createApp(services, { pages: corePages }, modules);
}

export function createLogger(config: Pick<Config, 'logLevel'>) {
  return pino({ level: config.logLevel, base: undefined });
}

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database, allMigrations());
  return database;
}

export function servicesFor(config: Config, database: Database, mailer?: Mailer): AppServices {
  const logger = createLogger(config);
  const services = {
    config, database, logger, mailer: mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger }),
    jobs: createJobQueue(database, logger),
    textKeywords: modules.flatMap((module) => module.textKeywords ?? []),
  };
  for (const module of modules) module.jobs?.(services);
  return services;
}
