// Each refusal of a ballot as the message beside the part of the ballot it is about, the same
// on the web ballot and on the paper entry form.
import type { FieldIssue } from '../../../core/validation.ts';
import type { CastBallotError } from '../services/cast-ballot.ts';
import type { Process } from '../process.ts';

export function refusalIssue(refusal: CastBallotError, process: Process): { issue: FieldIssue; status: 400 | 409 | 422 } {
  const issue = (field: string, messageKey: string, values: Record<string, string | number> = {}) => ({ field, messageKey, values });
  switch (refusal.error) {
    case 'closed': return { issue: issue('form', 'error.budgeting.closed'), status: 409 };
    case 'sign-in-required': return { issue: issue('code', 'error.budgeting.codeNeeded'), status: 400 };
    case 'code-unknown': return { issue: issue('code', 'error.budgeting.codeUnknown'), status: 422 };
    case 'code-used': return { issue: issue('code', 'error.budgeting.codeUsed'), status: 409 };
    case 'already-voted': return { issue: issue('form', 'error.budgeting.alreadyVoted'), status: 409 };
    case 'area-required': return { issue: issue('area', 'error.budgeting.area'), status: 400 };
    case 'age': return { issue: issue('ageConfirmed', 'error.budgeting.age', { age: process.minAge }), status: 422 };
    case 'empty': return { issue: issue(`budget-${process.budgets[0]!.id}`, 'error.budgeting.empty'), status: 422 };
    case 'wrong-budget': return { issue: issue('area', 'error.budgeting.area'), status: 422 };
    case 'ballot': {
      const field = `budget-${refusal.budgetId}`;
      const p = refusal.problem;
      switch (p.problem) {
        case 'over-budget': return { issue: issue(field, 'error.budgeting.overBudget'), status: 422 };
        case 'too-many': return { issue: issue(field, 'error.budgeting.tooMany', { max: p.max }), status: 422 };
        case 'too-many-points': return { issue: issue(field, 'error.budgeting.tooManyPoints', { max: p.max }), status: 422 };
        default: return { issue: issue(field, 'error.budgeting.ballotInvalid'), status: 422 };
      }
    }
  }
}
