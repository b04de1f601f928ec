// The budgeting module's public face. So far: the rules and the pabulib .pb format, which the
// CLI's `tally` uses; processes, ballots and results pages come next.
export { parsePb, type PbElection, type PbProblem, type ParsedPb } from './pb/parse-pb.ts';
export { tally, RULES, COMPLETIONS, RuleRefused, type RuleName, type Tally } from './rules/tally.ts';
export type { Completion } from './rules/mes.ts';
export { writePb } from './pb/write-pb.ts';
