// The life of a participatory budgeting process: draft, then ideas are collected, reviewed,
// voted on, the results published and the funded projects implemented. A process only moves
// forward, one phase at a time, so every phase happens and nobody votes on unreviewed ideas.
export const PHASES = ['draft', 'ideas', 'review', 'voting', 'results', 'implementation'] as const;
export type Phase = (typeof PHASES)[number];

export const nextPhase = (phase: Phase): Phase | null => PHASES[PHASES.indexOf(phase) + 1] ?? null;
export const canMovePhase = (from: Phase, to: Phase) => nextPhase(from) === to;
/** Ballots are taken only while voting is open. */
export const acceptsBallots = (phase: Phase) => phase === 'voting';
