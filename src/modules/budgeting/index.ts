// The budgeting module's public face. So far: the rules, the pabulib .pb format (read by the
// CLI's `tally`), what a ballot may hold and the phases of a process; pages come next.
export { parsePb, type PbElection, type PbProblem, type ParsedPb } from './pb/parse-pb.ts';
export { tally, RULES, COMPLETIONS, RuleRefused, type RuleName, type Tally } from './rules/tally.ts';
export type { Completion } from './rules/mes.ts';
export { writePb } from './pb/write-pb.ts';
export { checkBallot, remainingBudget, type BallotDesign, type BallotProblem, type CheckedBallot } from './ballots/ballot-rules.ts';
export { PHASES, canMovePhase, nextPhase, acceptsBallots, type Phase } from './ballots/process-phases.ts';
export { explainEqualShares, type EqualSharesReport, type Shortfall } from './rules/explain.ts';
