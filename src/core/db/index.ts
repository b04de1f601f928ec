export { openDatabase, queryRows, queryRowsPrepared, type Database, type Db, type Engine, type OpenOptions } from './database.ts';
export { migrate, type Migration } from './migrate.ts';
export { groupCommit, type GroupCommitOptions } from './group-commit.ts';
export { createJobQueue, JOB_SCHEMA, type JobQueue, type JobHandler, type QueueSpec, type RunningJob } from './job-queue.ts';
export { cachedRead, forgetReads, READ_CACHE_TTL_MS } from './read-cache.ts';
export * as coreTables from './schema.ts';
export type { Role, TenantKind, TenantSettings } from './schema.ts';
export { ROLES } from './schema.ts';
import createTenantsAndAccounts from './migrations/0001_create_tenants_and_accounts.ts';
import chainAuditInOneStatement from './migrations/0002_chain_audit_in_one_statement.ts';
import chainAuditInBatches from './migrations/0003_chain_audit_in_batches.ts';
import jobQueue from './migrations/0004_job_queue.ts';
import type { Migration } from './migrate.ts';

export const coreMigrations: readonly Migration[] = [createTenantsAndAccounts, chainAuditInOneStatement, chainAuditInBatches, jobQueue];
