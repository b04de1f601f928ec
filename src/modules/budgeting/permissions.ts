// Who may do what in a city's participatory budgeting. One named predicate per action;
// services check them (routes only choose which page to show).
import { hasRole, type Actor, type TenantScope } from '../../core/auth/index.ts';

/** Create processes, change their design and phase, generate voting codes. */
export const canRunProcess = (actor: Actor | null, city: TenantScope) => hasRole(actor, city, ['city-admin', 'platform-admin']);
/** Review ideas: accept, merge, reject with a reason; post implementation updates. */
export const canReviewIdeas = (actor: Actor | null, city: TenantScope) => hasRole(actor, city, ['moderator', 'city-admin', 'platform-admin']);
/** Any signed-in person may send an idea while ideas are collected. */
export const canSubmitIdea = (actor: Actor | null) => !!actor;
/** Type in paper ballots for people who voted on paper. */
export const canEnterPaperBallots = (actor: Actor | null, city: TenantScope) => hasRole(actor, city, ['facilitator', 'moderator', 'city-admin']);
