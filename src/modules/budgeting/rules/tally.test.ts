// Every rule on every shared pabulib sample must give exactly the reference library's outcome.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parsePb } from '../pb/parse-pb.ts';
import { tally, type RuleName } from './tally.ts';
import type { Completion } from './mes.ts';

const SAMPLES = new URL('../../../../test/fixtures/pabulib/', import.meta.url);
/** The reference's names for the rules, as the expected outcomes use them. */
const KEYS: Record<string, [RuleName, Completion]> = {
  greedy_cost_sat: ['greedy', 'none'],
  greedy_cardinality_sat: ['greedy-cost', 'none'],
  greedy_additive_cardinal_sat: ['greedy-points', 'none'],
  mes_cost_sat_plain: ['mes', 'none'],
  mes_cardinality_sat_plain: ['mes-cardinality', 'none'],
  mes_additive_cardinal_sat_plain: ['mes-points', 'none'],
  mes_cost_sat_add1: ['mes', 'add1'],
  mes_cost_sat_add1_then_greedy_cost: ['mes', 'add1-greedy'],
  seq_phragmen: ['phragmen', 'none'],
};

describe('rules on the pabulib samples', () => {
  const expected = JSON.parse(readFileSync(new URL('expected-outcomes.json', SAMPLES), 'utf8')) as Record<string, Record<string, { projects: string[]; cost: string }>>;
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.pb')).sort()) {
    it(`matches the reference on ${file}`, () => {
      const parsed = parsePb(readFileSync(new URL(file, SAMPLES), 'utf8'));
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const outcomes = expected[file]!;
      let checked = 0;
      for (const [key, [rule, completion]] of Object.entries(KEYS)) {
        const want = outcomes[key];
        if (!want) continue;
        const got = tally(parsed.election, rule, completion);
        assert.deepEqual({ selected: got.selected, cost: got.cost }, { selected: want.projects, cost: want.cost }, `${file} ${key}`);
        checked++;
      }
      assert.ok(checked > 0);
    });
  }
});
