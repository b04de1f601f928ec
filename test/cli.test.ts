// The `baraza` command as an operator runs it, on both engines: help, tenants, the first admin,
// audit verification that catches a tampered row, and backup/restore.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from './support/databases.ts';
import { openDatabase, type Database } from '../src/core/db/index.ts';

const run = promisify(execFile);

for (const engine of await testEngines()) {
  describe(`baraza command on ${engine.name}`, () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let server: TestDatabase | undefined;

    const baraza = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, ['bin/baraza.js', ...args], { env, timeout: 60_000 });
        return { code: 0, out: stdout + stderr };
      } catch (e) {
        const failure = e as { code: number; stdout: string; stderr: string };
        return { code: failure.code, out: failure.stdout + failure.stderr };
      }
    };

    /** Opens the same database the command uses (PGlite allows one process at a time). */
    const withDatabase = async (fn: (database: Database) => Promise<void>) => {
      const database = await openDatabase(engine.name === 'postgres' ? { databaseUrl: server!.url } : { dataDir: join(dir, 'data') });
      try {
        await fn(database);
      } finally {
        await database.close();
      }
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'baraza-cli-'));
      const base = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' };
      if (engine.name === 'postgres') {
        server = await engine.open();
        env = { ...base, DATABASE_URL: server.url };
      } else {
        env = { ...base, BARAZA_DATA_DIR: join(dir, 'data') };
      }
    });
    after(async () => {
      await server?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('explains every command with --help', async () => {
      const help = await baraza('--help');
      assert.equal(help.code, 0);
      for (const command of ['serve', 'demo', 'migrate', 'user', 'tenant', 'partner-key', 'audit', 'backup', 'restore']) assert.match(help.out, new RegExp(`\\b${command}\\b`));
      const userHelp = await baraza('user', 'create', '--help');
      assert.match(userHelp.out, /--role <role>/);
      assert.match(userHelp.out, /platform-admin/);
    });

    it('migrates, builds the tenant tree and creates the first admin', async () => {
      assert.equal((await baraza('migrate')).code, 0);
      assert.match((await baraza('migrate')).out, /up to date/);
      assert.equal((await baraza('tenant', 'create', '--kind', 'programme', '--slug', 'pcsc', '--name', 'Programme')).code, 0);
      assert.equal((await baraza('tenant', 'create', '--kind', 'country', '--slug', 'kenya', '--name', 'Kenya', '--parent', 'pcsc')).code, 0);
      const city = await baraza('tenant', 'create', '--kind', 'city', '--slug', 'kisumu', '--name', 'Kisumu', '--parent', 'kenya', '--code', 'KSM', '--anonymous');
      assert.equal(city.code, 0, city.out);
      const weak = await baraza('user', 'create', '--email', 'admin@example.org', '--password', 'short');
      assert.equal(weak.code, 1);
      assert.match(weak.out, /password/);
      const admin = await baraza('user', 'create', '--email', 'admin@example.org', '--name', 'Admin', '--password', 'a long passphrase', '--role', 'platform-admin');
      assert.equal(admin.code, 0, admin.out);
      assert.match(admin.out, /Created admin@example\.org; role platform-admin in platform/);
      const badTenant = await baraza('user', 'create', '--email', 'm@example.org', '--password', 'a long passphrase', '--role', 'moderator', '--tenant', 'nowhere');
      assert.equal(badTenant.code, 1);
      assert.match(badTenant.out, /no tenant with slug nowhere/);
      const key = await baraza('partner-key', 'create', '--city', 'kisumu', '--name', 'Kisumu Youth Network app');
      assert.equal(key.code, 0, key.out);
      assert.match(key.out, /API key for Kisumu Youth Network app in kisumu[^\n]*\n[\w-]{32}/);
      assert.match((await baraza('partner-key', 'create', '--city', 'kenya', '--name', 'x')).out, /no city with slug kenya/);
      const listed = await baraza('partner-key', 'list', '--city', 'kisumu');
      const id = /^([0-9a-f-]{36}) +\d{4}-\d{2}-\d{2} +active +Kisumu Youth Network app$/m.exec(listed.out)?.[1];
      assert.ok(id, listed.out);
      assert.match((await baraza('partner-key', 'revoke', '--city', 'kisumu', '--id', id)).out, /Revoked key/);
      assert.match((await baraza('partner-key', 'list', '--city', 'kisumu')).out, /revoked +Kisumu Youth Network app/);
      assert.equal((await baraza('partner-key', 'revoke', '--city', 'kisumu', '--id', id)).code, 1);
    });

    it('verifies the audit log and names a tampered entry', async () => {
      const intact = await baraza('audit', 'verify');
      assert.equal(intact.code, 0, intact.out);
      assert.match(intact.out, /Audit log intact: \d+ entries/);
      await withDatabase((d) => d.db.execute(sql`update core_audit set actor_id = null where seq = 2 and tenant_id = (select id from core_tenant where slug = 'platform')`).then(() => undefined));
      const broken = await baraza('audit', 'verify');
      assert.equal(broken.code, 2);
      assert.match(broken.out, /entry 2 of tenant [0-9a-f-]+ is altered/);
    });

    it('backs up and restores through the command', async () => {
      const file = join(dir, 'backup.json.gz');
      const backup = await baraza('backup', file);
      assert.equal(backup.code, 0, backup.out);
      await withDatabase((d) => d.db.execute(sql`delete from core_membership`).then(() => undefined));
      const restore = await baraza('restore', file);
      assert.equal(restore.code, 0, restore.out);
      await withDatabase(async (d) => {
        const rows = (await d.db.execute(sql`select count(*)::int as n from core_membership`)) as unknown as { rows: { n: number }[] };
        assert.equal(rows.rows[0]!.n, 1);
      });
      const junk = await baraza('restore', join(dir, 'missing.gz'));
      assert.equal(junk.code, 1);
    });
  });
}
