// An election written back in the pabulib .pb format, so our own can be published and anyone can
// recompute the result: META, PROJECTS (project_id and cost first) and VOTES (voter_id and vote
// first, points for cumulative and scoring ballots), `;`-separated with CSV quoting.
import { stringify } from 'csv-stringify/sync';
import type { PbElection } from './parse-pb.ts';

export function writePb(election: PbElection): string {
  const rows = (header: readonly string[], records: readonly (readonly string[])[]) => stringify([header, ...records], { delimiter: ';' });
  const meta = { ...election.meta, budget: election.budget.toString(), vote_type: election.voteType };
  const projectColumns = ['project_id', 'cost', ...columnsOf(election.projects.map((p) => p.fields), ['project_id', 'cost'])];
  const withPoints = election.voteType === 'cumulative' || election.voteType === 'scoring';
  const voteColumns = ['voter_id', 'vote', ...(withPoints ? ['points'] : []), ...columnsOf(election.ballots.map((b) => b.fields), ['voter_id', 'vote', 'points'])];
  return [
    'META\n', rows(['key', 'value'], Object.entries(meta)),
    'PROJECTS\n', rows(projectColumns, election.projects.map((p) => projectColumns.map((column) =>
      column === 'project_id' ? p.id : column === 'cost' ? p.cost.toString() : p.fields[column] ?? 'None'))),
    'VOTES\n', rows(voteColumns, election.ballots.map((b) => voteColumns.map((column) =>
      column === 'voter_id' ? b.voterId : column === 'vote' ? b.projects.join(',') : column === 'points' ? (b.points ?? []).map(String).join(',') : b.fields[column] ?? 'None'))),
  ].join('');
}

/** Every other column the rows carry, in the order first seen. */
function columnsOf(fields: readonly Record<string, string>[], taken: readonly string[]): string[] {
  const columns: string[] = [];
  for (const row of fields) for (const name of Object.keys(row)) if (!taken.includes(name) && !columns.includes(name)) columns.push(name);
  return columns;
}
