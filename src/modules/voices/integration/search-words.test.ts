import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { queryRows } from '../../../core/db/index.ts';

// Words are stored keyed by city (migration voices/0002). The rule that makes that safe: for
// any text and anything a person types in the search box, the keyed vector matches the keyed
// query exactly when the plain ones match, and keying never turns input into an error.
const TENANT = '0b9a3c1e-7d2f-4e8a-9c6b-5f1e2d3c4b5a';
const pieces = ['water', 'Water', 'kiosk', 'pot', 'pothole', "it's", "'", "''", '\\', '\\\\', '"', '-', ' or ', ' OR ', '(', ')', '!', '&', '|',
  '<->', ':*', ':', '*', ' ', '  ', 'école', 'مياه', 'nø', '1', '2026', 'a:1', "x'y", 'e-mail@x.org', '/usr/bin'];
const phrase = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));

for (const engine of await testEngines()) {
  describe(`search words keyed by city on ${engine.name}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await engine.open();
    });
    after(() => database.dispose());

    const compare = async (text: string, typed: string) => {
      const [row] = await queryRows<{ plain: boolean; keyed: boolean }>(
        database.db,
        sql`with v as (select to_tsvector('simple', ${text}) as words, websearch_to_tsquery('simple', ${typed}) as query)
            select words @@ query as plain, voices_city_words(${TENANT}::uuid, words) @@ voices_city_query(${TENANT}::uuid, query) as keyed from v`,
      );
      return row!;
    };

    it('matches exactly when the unkeyed words match, for any text and any query', async () => {
      await fc.assert(
        fc.asyncProperty(phrase, phrase, async (text, typed) => {
          const { plain, keyed } = await compare(text, typed);
          assert.equal(keyed, plain, `text ${JSON.stringify(text)}, query ${JSON.stringify(typed)}`);
        }),
        { numRuns: 150 },
      );
    });

    it('keeps phrases, prefixes and negation', async () => {
      const text = 'The pothole near the water kiosk';
      assert.deepEqual(await compare(text, '"water kiosk"'), { plain: true, keyed: true });
      assert.deepEqual(await compare(text, '"kiosk water"'), { plain: false, keyed: false });
      assert.deepEqual(await compare(text, 'water -pothole'), { plain: false, keyed: false });
      assert.deepEqual(await compare(text, 'school or kiosk'), { plain: true, keyed: true });
      const [prefix] = await queryRows<{ keyed: boolean }>(database.db,
        sql`select voices_city_words(${TENANT}::uuid, to_tsvector('simple', ${text})) @@ voices_city_query(${TENANT}::uuid, to_tsquery('simple', 'pot:*')) as keyed`);
      assert.equal(prefix!.keyed, true);
    });

    it('keeps lexemes with quotes and backslashes whole', async () => {
      const [row] = await queryRows<{ words: string; query: string }>(database.db,
        sql`select voices_city_words(${TENANT}::uuid, ${"'it''s':1 'a\\\\b':2A"}::tsvector)::text as words,
          voices_city_query(${TENANT}::uuid, ${"'it''s' <-> 'a\\\\b':*"}::tsquery)::text as query`);
      assert.deepEqual(row, { words: "'2d3c4b5aa\\\\b':2A '2d3c4b5ait''s':1", query: "'2d3c4b5ait''s' <-> '2d3c4b5aa\\\\b':*" });
    });

    it('does not let one city find another city’s words', async () => {
      const [row] = await queryRows<{ found: boolean }>(database.db,
        sql`select voices_city_words(${TENANT}::uuid, to_tsvector('simple', 'water')) @@ voices_city_query('11111111-2222-4333-8444-555555555555'::uuid, to_tsquery('simple', 'water')) as found`);
      assert.equal(row!.found, false);
    });
  });
}
