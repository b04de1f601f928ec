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
