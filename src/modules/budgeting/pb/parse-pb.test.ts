import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePb } from './parse-pb.ts';

const GOOD = ['META', 'key;value', 'budget;100,5', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost;name', '1;40;"""Quoted"" name"', '2;None;x', '3;60,5;y',
  'VOTES', 'voter_id;vote;points', 'a;1,3;3,2', 'b;;'].join('\n');

describe('pabulib .pb files', () => {
  it('reads quoting, decimal commas, None and empty ballots', () => {
    const parsed = parsePb(`\ufeff${GOOD.replace('2;None;x', '2;10;x')}`);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const { election } = parsed;
    assert.equal(election.budget.toString(), '100.5');
    assert.equal(election.projects[0]!.fields.name, '"Quoted" name');
    assert.equal(election.projects[2]!.cost.toString(), '60.5');
    assert.deepEqual(election.ballots.map((b) => [b.projects, b.points?.map(String)]), [[['1', '3'], ['3', '2']], [[], []]]);
  });

  it('refuses a file with any problem, naming each line and why', () => {
    const parsed = parsePb(GOOD.replace('a;1,3;3,2', 'a;1,4;3').replace('b;;', 'a;1;1'));
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems.map((p) => p.line), [8, 12, 12, 13]);
    assert.match(parsed.problems[0]!.reason, /project 2: cost must be a non-negative number/);
    assert.ok(parsed.problems.some((p) => /unknown project 4/.test(p.reason)));
    assert.ok(parsed.problems.some((p) => /voter a votes twice/.test(p.reason)));
  });

  it('refuses a file without its sections or with an unknown vote type', () => {
    assert.ok(!parsePb('').ok);
    const parsed = parsePb(GOOD.replace('vote_type;cumulative', 'vote_type;quadratic'));
    assert.ok(!parsed.ok && parsed.problems.some((p) => /vote_type must be/.test(p.reason)));
  });

  it('never throws, and names a line for every problem', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constant(GOOD).chain((g) => fc.nat(g.length).map((cut) => g.slice(0, cut)))), (text) => {
      const parsed = parsePb(text);
      if (!parsed.ok) for (const p of parsed.problems) assert.ok(p.line >= 1 && p.reason.length > 0);
    }));
  });
});

describe('writing .pb files', () => {
  it('writes every shared sample so that reading it back gives the same election and outcome', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { writePb } = await import('./write-pb.ts');
    const { tally } = await import('../rules/tally.ts');
    const samples = new URL('../../../../test/fixtures/pabulib/', import.meta.url);
    for (const file of readdirSync(samples).filter((f) => f.endsWith('.pb'))) {
      const first = parsePb(readFileSync(new URL(file, samples), 'utf8'));
      assert.ok(first.ok);
      const again = parsePb(writePb(first.election));
      assert.ok(again.ok, `${file}: ${JSON.stringify(!again.ok && again.problems.slice(0, 3))}`);
      // Column order may change (ids and votes come first); every value must stay.
      const plain = (election: unknown) => JSON.parse(JSON.stringify(election, (_, v) => (typeof v === 'object' && v?.constructor?.name === 'Rational' ? String(v) : v)));
      assert.deepEqual(plain(again.election), plain(first.election), file);
      assert.deepEqual(tally(again.election, 'mes', 'none'), tally(first.election, 'mes', 'none'));
    }
  });

  it('round-trips any election, names and voters with separators and quotes included', async () => {
    const { writePb } = await import('./write-pb.ts');
    fc.assert(fc.property(fc.array(fc.string({ minLength: 0, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), (names, extras) => {
      const text = ['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost;name',
        ...names.map((name, i) => `p${i};${i + 1};"${name.replaceAll('"', '""')}"`), 'VOTES', 'voter_id;vote;note',
        ...extras.map((note, v) => `v${v};p0;"${note.replaceAll('"', '""')}"`)].join('\n');
      const first = parsePb(text);
      if (!first.ok) return;
      const again = parsePb(writePb(first.election));
      assert.ok(again.ok);
      assert.deepEqual(again.election.projects.map((p) => p.fields.name), first.election.projects.map((p) => p.fields.name));
      assert.deepEqual(again.election.ballots.map((b) => b.fields.note), first.election.ballots.map((b) => b.fields.note));
    }));
  });
});
