// The budgeting module's public face: the module, its services, the rules and the pabulib
// .pb format (read by the CLI's `tally`).
export { budgetingModule } from './module.ts';
export { createProcess } from './services/create-process.ts';
export { movePhase } from './services/move-phase.ts';
export { submitIdea } from './services/submit-idea.ts';
export { acceptIdea } from './services/accept-idea.ts';
export { mergeIdea } from './services/merge-idea.ts';
export { rejectIdea } from './services/reject-idea.ts';
export { castBallot, type CastBallotInput, type CastBallotResult } from './services/cast-ballot.ts';
export { generateCodes } from './services/generate-codes.ts';
export { getProcess, listProcesses } from './queries/get-process.ts';
export { parsePb, type PbElection, type PbProblem, type ParsedPb } from './pb/parse-pb.ts';
export { tally, RULES, COMPLETIONS, RuleRefused, type RuleName, type Tally } from './rules/tally.ts';
export type { Completion } from './rules/mes.ts';
export { writePb } from './pb/write-pb.ts';
export { checkBallot, remainingBudget, type BallotDesign, type BallotProblem, type CheckedBallot } from './ballots/ballot-rules.ts';
export { PHASES, canMovePhase, nextPhase, acceptsBallots, type Phase } from './ballots/process-phases.ts';
export { explainEqualShares, type EqualSharesReport, type Shortfall } from './rules/explain.ts';
