// The pabulib .pb format, so any published participatory-budgeting election can be replayed:
// sections META, PROJECTS and VOTES, `;`-separated with ordinary CSV quoting, each section's
// first line its header. A file with any problem is refused whole, each problem named with its
// line, so nothing half-read is ever counted.
import { parse } from 'csv-parse/sync';
import { Rational } from '../rules/rational.ts';

export const VOTE_TYPES = ['approval', 'ordinal', 'cumulative', 'scoring'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export interface PbProject {
  id: string;
  cost: Rational;
  /** Every column of its row, by header name ("None" left out). */
  fields: Record<string, string>;
}

export interface PbBallot {
  voterId: string;
  /** Project ids as listed: a set for approval, best first for ordinal. */
  projects: string[];
  /** cumulative and scoring: points aligned with `projects`. */
  points: Rational[] | null;
  fields: Record<string, string>;
}

export interface PbElection {
  meta: Record<string, string>;
  budget: Rational;
  voteType: VoteType;
  projects: PbProject[];
  ballots: PbBallot[];
}

export interface PbProblem {
  line: number;
  reason: string;
}

export type ParsedPb = { ok: true; election: PbElection } | { ok: false; problems: PbProblem[] };

type Section = 'META' | 'PROJECTS' | 'VOTES';

export function parsePb(text: string): ParsedPb {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, problems: [{ line: (error as { lines?: number }).lines ?? 1, reason: `not readable as ;-separated CSV: ${(error as Error).message}` }] };
  }
  const problems: PbProblem[] = [];
  const rows: Record<Section, { line: number; cells: Record<string, string> }[]> = { META: [], PROJECTS: [], VOTES: [] };
  const headers: Partial<Record<Section, string[]>> = {};
  let section: Section | null = null;
  let expectHeader = false;
  for (const { record, info } of records) {
    const line = info.lines;
    const first = (record[0] ?? '').trim().toUpperCase();
    if (record.every((cell) => cell.trim() === '')) continue;
    if (first === 'META' || first === 'PROJECTS' || first === 'VOTES') {
      if (headers[first as Section]) problems.push({ line, reason: `a second ${first} section` });
      section = first as Section;
      expectHeader = true;
      continue;
    }
    if (!section) {
      problems.push({ line, reason: 'text before the META section' });
      continue;
    }
    if (expectHeader) {
      headers[section] = record.map((name) => name.trim());
      expectHeader = false;
      continue;
    }
    const header = headers[section]!;
    if (record.length > header.length) problems.push({ line, reason: `${record.length} fields where the ${section} header has ${header.length}` });
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      const cell = record[i];
      if (cell !== undefined && cell.trim().toLowerCase() !== 'none') cells[name] = cell;
    });
    rows[section].push({ line, cells });
  }
  for (const s of ['META', 'PROJECTS', 'VOTES'] as const) if (!headers[s]) problems.push({ line: records.at(-1)?.info.lines ?? 1, reason: `no ${s} section` });
  if (problems.length) return { ok: false, problems };

  const meta: Record<string, string> = {};
  for (const { line, cells } of rows.META) {
    const key = cells.key?.trim();
    if (!key) problems.push({ line, reason: 'a META row without a key' });
    else meta[key] = cells.value ?? '';
  }
  const budget = meta.budget === undefined ? null : Rational.parse(meta.budget);
  if (!budget || budget.lt(Rational.ZERO)) problems.push({ line: rows.META[0]?.line ?? 1, reason: `budget must be a non-negative number, not ${JSON.stringify(meta.budget ?? '')}` });
  const declared = (meta.vote_type ?? '').trim().toLowerCase();
  const voteType = (declared === 'choose-1' ? 'approval' : declared) as VoteType;
  if (!VOTE_TYPES.includes(voteType)) problems.push({ line: rows.META[0]?.line ?? 1, reason: `vote_type must be approval, ordinal, cumulative or scoring, not ${JSON.stringify(meta.vote_type ?? '')}` });

  const projectHeader = headers.PROJECTS!;
  if (projectHeader[0] !== 'project_id') problems.push({ line: rows.PROJECTS[0]?.line ?? 1, reason: 'the first PROJECTS column must be project_id' });
  if (!projectHeader.includes('cost')) problems.push({ line: rows.PROJECTS[0]?.line ?? 1, reason: 'PROJECTS has no cost column' });
  const projects: PbProject[] = [];
  const known = new Set<string>();
  for (const { line, cells } of rows.PROJECTS) {
    const id = (cells.project_id ?? '').trim();
    const cost = Rational.parse(cells.cost ?? '');
    if (!id) problems.push({ line, reason: 'a project without an id' });
    else if (known.has(id)) problems.push({ line, reason: `project ${id} is listed twice` });
    if (!cost || cost.lt(Rational.ZERO)) problems.push({ line, reason: `project ${id}: cost must be a non-negative number, not ${JSON.stringify(cells.cost ?? '')}` });
    known.add(id);
    if (id && cost) projects.push({ id, cost, fields: cells });
  }

  const voteHeader = headers.VOTES!;
  if (!voteHeader.includes('voter_id') || !voteHeader.includes('vote')) problems.push({ line: rows.VOTES[0]?.line ?? 1, reason: 'VOTES needs voter_id and vote columns' });
  const withPoints = voteType === 'cumulative' || voteType === 'scoring';
  const voters = new Set<string>();
  const ballots: PbBallot[] = [];
  for (const { line, cells } of rows.VOTES) {
    const voterId = (cells.voter_id ?? '').trim();
    if (voters.has(voterId)) problems.push({ line, reason: `voter ${voterId} votes twice` });
    voters.add(voterId);
    const chosen = (cells.vote ?? '').split(',').filter((id) => id !== '');
    const unknown = chosen.filter((id) => !known.has(id));
    if (unknown.length) problems.push({ line, reason: `unknown project ${unknown.join(', ')}` });
    if (new Set(chosen).size !== chosen.length) problems.push({ line, reason: 'a project is listed twice in one vote' });
    let points: Rational[] | null = null;
    if (withPoints) {
      const given = (cells.points ?? '').split(',').filter((p) => p !== '').map((p) => Rational.parse(p));
      if (given.length !== chosen.length || given.some((p) => p === null || p.lt(Rational.ZERO))) {
        problems.push({ line, reason: 'points must be non-negative numbers, one for each project in the vote' });
      } else points = given as Rational[];
    }
    ballots.push({ voterId, projects: chosen, points, fields: cells });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, election: { meta, budget: budget!, voteType, projects, ballots } };
}
