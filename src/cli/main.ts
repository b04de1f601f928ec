// `baraza <command>`: serve, demo, migrate, user, tenant, partner-key, audit, backup, restore, tally.
import { Command, Option } from 'commander';
import { loadConfig } from '../core/config.ts';
import { ROLES, migrate, type Role } from '../core/db/index.ts';
import { verifyAudit } from '../core/audit/index.ts';
import { grantRole, registerUser } from '../core/auth/index.ts';
import { createTenant, findTenantBySlug } from '../core/tenancy/index.ts';
import { issuePartnerKey, listPartnerKeys, revokePartnerKey } from '../modules/voices/index.ts';
import { backupDatabase, restoreDatabase } from '../core/db/backup.ts';
import { RegisterInput } from '../core/auth/schemas.ts';
import { allMigrations } from '../app/migrations.ts';
import { openMigratedDatabase } from '../app/build-app.ts';
import { runServer } from '../app/serve.ts';
import { isPrimary, runWorkers } from '../app/cluster.ts';
import { seedDemo, DEMO_PASSWORD, DEMO_ACCOUNTS } from './demo.ts';
import { readFileSync } from 'node:fs';
import { COMPLETIONS, RULES, RuleRefused, parsePb, tally, type Completion, type RuleName } from '../modules/budgeting/index.ts';

const program = new Command()
  .name('baraza')
  .description('Baraza: residents\' voices, priorities and results for cities and the programmes that support them.')
  .showHelpAfterError();

const fail = (message: string): never => {
  console.error(`baraza: ${message}`);
  process.exit(1);
};

program
  .command('serve')
  .description('Run the web server (PGlite in BARAZA_DATA_DIR, or PostgreSQL at DATABASE_URL); migrates first')
  .option('--workers <n>', 'app processes sharing the port (PostgreSQL only)', process.env.BARAZA_WORKERS ?? '1')
  .action(async (options: { workers: string }) => {
    const config = loadConfig();
    if (config.secretIsDefault && process.env.NODE_ENV === 'production') fail('set BARAZA_SECRET before serving in production');
    const workers = Number.parseInt(options.workers, 10);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) fail('--workers must be a whole number from 1 to 64');
    if (workers > 1 && !config.databaseUrl) fail('more than one worker needs PostgreSQL: set DATABASE_URL');
    if (workers > 1 && isPrimary()) {
      // Migrate once here, so the workers start on an up-to-date schema.
      await (await openMigratedDatabase(config)).close();
      runWorkers(workers);
      console.log(`Baraza: ${workers} workers on http://${config.host}:${config.port}`);
      return;
    }
    const database = await openMigratedDatabase(config);
    await runServer(config, database, (url) => console.log(`Baraza is listening on ${url}`));
  });

program
  .command('demo')
  .description('Seed the demo programme (two countries, two cities, ~200 voices each, one account per role) if empty, then serve')
  .option('--no-serve', 'seed only')
  .option('--voices <n>', 'voices per city', '200')
  .action(async (options: { serve: boolean; voices: string }) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const seeded = await seedDemo(database.db, { voicesPerCity: Number(options.voices), secret: config.secret });
    const print = (url: string) => {
      console.log(`\nBaraza demo: ${url}\n${seeded ? 'Seeded the demo data.' : 'Demo data already present.'}`);
      console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
      for (const [role, email, tenant] of DEMO_ACCOUNTS) console.log(`  ${role.padEnd(18)} ${email.padEnd(36)} ${tenant ?? ''}`);
      console.log('');
    };
    if (!options.serve) {
      print('(not serving)');
      await database.close();
      return;
    }
    await runServer(config, database, print);
  });

program
  .command('migrate')
  .description('Apply pending migrations of core and every module')
  .action(async () => {
    const config = loadConfig();
    const { openDatabase } = await import('../core/db/index.ts');
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const applied = await migrate(database, allMigrations());
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.');
    await database.close();
  });

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account (or reuse an existing one) and give it a role in a tenant')
  .requiredOption('--email <email>', 'e-mail address used to sign in')
  .option('--name <name>', 'display name', 'Administrator')
  .option('--password <password>', 'password (at least 10 characters); or set BARAZA_NEW_PASSWORD')
  .addOption(new Option('--role <role>', 'role to grant').choices(ROLES).default('platform-admin'))
  .option('--tenant <slug>', 'tenant slug the role applies in (default: the platform)', 'platform')
  .action(async (options: { email: string; name: string; password?: string; role: Role; tenant: string }) => {
    const password = options.password ?? process.env.BARAZA_NEW_PASSWORD;
    if (!password) fail('give --password or set BARAZA_NEW_PASSWORD');
    const parsed = RegisterInput.safeParse({ name: options.name, email: options.email, password });
    if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const created = await registerUser(database.db, parsed.data!);
    const granted = await grantRole(database.db, { email: parsed.data!.email, tenantSlug: options.tenant, role: options.role }, null);
    await database.close();
    if (!granted.ok) fail(granted.error === 'tenant-not-found' ? `no tenant with slug ${options.tenant}` : granted.error);
    console.log(`${created.ok ? 'Created' : 'Found'} ${parsed.data!.email}; role ${options.role} in ${options.tenant}.`);
  });

const tenant = program.command('tenant').description('Manage the programme → country → city tree');
tenant
  .command('create')
  .description('Add a programme, country or city')
  .addOption(new Option('--kind <kind>', 'what it is').choices(['programme', 'country', 'city', 'organisation']).makeOptionMandatory())
  .requiredOption('--slug <slug>', 'short name used in addresses, e.g. kisumu')
  .requiredOption('--name <name>', 'display name')
  .option('--parent <slug>', 'parent tenant slug (default: the platform)')
  .option('--code <code>', 'city code used in references, 2–5 capital letters, e.g. KSM')
  .option('--locale <code>', 'default language', 'en')
  .option('--anonymous', 'allow voices without an account')
  .addOption(new Option('--moderation <when>', 'pre: moderators publish each voice; post: public at once').choices(['pre', 'post']).default('pre'))
  .action(async (o: { kind: 'programme' | 'country' | 'city' | 'organisation'; slug: string; name: string; parent?: string; code?: string; locale: string; anonymous?: boolean; moderation: 'pre' | 'post' }) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const result = await createTenant(database.db, {
      kind: o.kind, slug: o.slug, name: o.name, parentSlug: o.parent, code: o.code, defaultLocale: o.locale,
      settings: { allowAnonymous: !!o.anonymous, moderation: o.moderation },
    }, null);
    await database.close();
    if (!result.ok) fail(result.error);
    console.log(`Created ${o.kind} ${o.slug}.`);
  });

const partnerKey = program.command('partner-key').description('Manage the API keys Open311 partners post service requests with');
partnerKey
  .command('create')
  .description('Issue a city\'s partner an API key (printed once; only its keyed hash is stored)')
  .requiredOption('--city <slug>', 'the city, e.g. kisumu')
  .requiredOption('--name <name>', 'who the key is for, e.g. "Kisumu Youth Network app"')
  .action(async (o: { city: string; name: string }) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const city = await findTenantBySlug(database.db, o.city);
    if (!city || city.kind !== 'city') {
      await database.close();
      return fail(`no city with slug ${o.city}`);
    }
    const issued = await issuePartnerKey(database.db, { name: o.name.slice(0, 200) }, null, city, config.secret);
    await database.close();
    console.log(`API key for ${o.name} in ${o.city} (shown once, keep it safe):\n${issued.key}`);
  });

partnerKey
  .command('list')
  .description('List a city\'s partner keys (names and dates; keys themselves are never stored)')
  .requiredOption('--city <slug>', 'the city')
  .action(async (o: { city: string }) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const city = await findTenantBySlug(database.db, o.city);
    const keys = city?.kind === 'city' ? await listPartnerKeys(database.db, city.id) : null;
    await database.close();
    if (!keys) return fail(`no city with slug ${o.city}`);
    for (const k of keys) console.log(`${k.id}  ${new Date(k.createdAt).toISOString().slice(0, 10)}  ${k.revokedAt ? 'revoked' : 'active '}  ${k.name}`);
  });
partnerKey
  .command('revoke')
  .description('Stop a partner key from working')
  .requiredOption('--city <slug>', 'the city')
  .requiredOption('--id <id>', 'the key\'s id, as `partner-key list` shows it')
  .action(async (o: { city: string; id: string }) => {
    if (!/^[0-9a-f-]{36}$/i.test(o.id)) return fail('--id must be a key id as `partner-key list` shows it');
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const city = await findTenantBySlug(database.db, o.city);
    const revoked = city?.kind === 'city' ? await revokePartnerKey(database.db, { id: o.id }, null, city) : null;
    await database.close();
    if (revoked === null) return fail(`no city with slug ${o.city}`);
    if (!revoked) return fail(`no active key ${o.id} in ${o.city}`);
    console.log(`Revoked key ${o.id} in ${o.city}.`);
  });

program
  .command('audit')
  .description('Audit log tools')
  .command('verify')
  .description('Check every hash chain; report the first altered or missing entry')
  .action(async () => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const verdict = await verifyAudit(database.db);
    await database.close();
    if (verdict.ok) {
      console.log(`Audit log intact: ${verdict.entries} entries in ${verdict.chains} chain(s).`);
    } else {
      console.error(`Audit log broken: entry ${verdict.seq} of tenant ${verdict.tenantId} is ${verdict.problem}.`);
      process.exit(2);
    }
  });

program
  .command('backup')
  .description('Write every table to a gzip\'d JSON file')
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    const summary = await backupDatabase(database, file);
    await database.close();
    console.log(`Backed up ${summary.rows} rows from ${summary.tables} tables to ${file}.`);
  });

program
  .command('restore')
  .description('Replace the database contents with a backup (same migrations required)')
  .argument('<file>', 'a file written by `baraza backup`')
  .action(async (file: string) => {
    const config = loadConfig();
    const database = await openMigratedDatabase(config);
    try {
      const summary = await restoreDatabase(database, file);
      console.log(`Restored ${summary.rows} rows into ${summary.tables} tables.`);
    } catch (e) {
      fail((e as Error).message);
    } finally {
      await database.close();
    }
  });

program
  .command('tally')
  .description('Compute the outcome of a participatory budgeting election stored as a pabulib .pb file')
  .argument('<file>', 'a .pb file (META, PROJECTS, VOTES)')
  .addOption(new Option('--rule <rule>', 'greedy: by votes; greedy-cost: by votes per cost; mes: Method of Equal Shares; mes-cardinality; phragmen: sequential Phragmén; greedy-points, mes-points: by points (cumulative ballots)').choices([...RULES]).makeOptionMandatory())
  .addOption(new Option('--completion <completion>', 'for mes: add1 (raise each share by 1 until exhaustive), add1-max (the last outcome within budget), add1-greedy (add1, then greedy)').choices([...COMPLETIONS]).default('none'))
  .option('--json', 'print exactly one JSON object: {"rule", "completion", "selected", "cost"}')
  .action((file: string, o: { rule: RuleName; completion: Completion; json?: boolean }) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return fail(`cannot read ${file}: ${(e as Error).message}`);
    }
    const parsed = parsePb(text);
    if (!parsed.ok) {
      for (const p of parsed.problems) console.error(`${file}:${p.line}: ${p.reason}`);
      return fail(`${file} was not counted: ${parsed.problems.length} problem(s)`);
    }
    try {
      const result = tally(parsed.election, o.rule, o.completion);
      if (o.json) console.log(JSON.stringify(result));
      else {
        console.log(`${o.rule}${o.completion === 'none' ? '' : ` with ${o.completion}`}: ${result.selected.length} project(s) funded, total cost ${result.cost} of ${parsed.election.budget}`);
        console.log(result.selected.join(' '));
      }
    } catch (e) {
      if (e instanceof RuleRefused) return fail(e.message);
      throw e;
    }
  });

await program.parseAsync(process.argv);
