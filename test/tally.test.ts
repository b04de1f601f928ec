// `baraza tally` as a researcher or an auditor runs it on a published election: exactly one
// JSON object with --json, matching the reference outcome, and clear refusals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SAMPLES = new URL('./fixtures/pabulib/', import.meta.url);

async function tally(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/baraza.js', 'tally', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('baraza tally', () => {
  it('prints exactly one JSON object with the reference outcome', async () => {
    const file = new URL('poland_warszawa_2019_obszar-iii-powsin-kepa-latoszkowa-zamosc-latoszki.pb', SAMPLES).pathname;
    const expected = JSON.parse(readFileSync(new URL('expected-outcomes.json', SAMPLES), 'utf8'))['poland_warszawa_2019_obszar-iii-powsin-kepa-latoszkowa-zamosc-latoszki.pb'];
    const result = await tally(file, '--rule', 'mes', '--completion', 'add1-greedy', '--json');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1);
    assert.deepEqual(JSON.parse(result.stdout), {
      rule: 'mes', completion: 'add1-greedy', selected: expected.mes_cost_sat_add1_then_greedy_cost.projects, cost: expected.mes_cost_sat_add1_then_greedy_cost.cost,
    });
  });

  it('refuses a malformed file with each line and reason, and a rule the ballots do not allow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baraza-tally-'));
    const bad = join(dir, 'bad.pb');
    writeFileSync(bad, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;-5\nVOTES\nvoter_id;vote\nv1;1,9\n');
    const refused = await tally(bad, '--rule', 'greedy', '--json');
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '', 'nothing counted');
    assert.match(refused.stderr, /bad\.pb:7: project 1: cost must be a non-negative number/);
    assert.match(refused.stderr, /bad\.pb:10: unknown project 9/);
    const ordinal = new URL('poland_krakow_2018_wzgorza-krzeslawickie.pb', SAMPLES).pathname;
    const phragmen = await tally(ordinal, '--rule', 'phragmen');
    assert.equal(phragmen.code, 1);
    assert.match(phragmen.stderr, /sequential Phragmén needs approval ballots/);
    const unknown = await tally(ordinal, '--rule', 'borda');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /Allowed choices are greedy, greedy-cost/);
  });
});
