// A process and its projects are read by every ballot, and change rarely (a phase moves, a
// project is added): they are remembered for a few seconds, and forgotten at once when this
// app process changes them. A ballot's write re-checks the phase itself, so a remembered
// phase can never let a ballot in after the vote closed.
import { cachedRead, forgetReads, type Db } from '../../../core/db/index.ts';
import type { Process } from '../process.ts';
import { getProcess } from './get-process.ts';
import { listProjects, type Project } from './list-projects.ts';

const key = (cityId: string) => `budgeting:${cityId}:`;

export const cachedProcess = (db: Db, cityId: string, slug: string): Promise<Process | null> =>
  cachedRead(db, `${key(cityId)}process:${slug}`, () => getProcess(db, cityId, slug));

export const cachedProjects = (db: Db, cityId: string, processId: string): Promise<Project[]> =>
  cachedRead(db, `${key(cityId)}projects:${processId}`, () => listProjects(db, cityId, processId));

/** After a change to any process of the city. */
export const forgetProcesses = (db: Db, cityId: string) => forgetReads(db, key(cityId));
