// The life of a voice as the resident sees it. Pure rules, property-tested.
export const STATUSES = ['received', 'under_review', 'planned', 'in_progress', 'resolved', 'declined'] as const;
export type VoiceStatus = (typeof STATUSES)[number];

const FORWARD: readonly VoiceStatus[] = ['received', 'under_review', 'planned', 'in_progress', 'resolved'];
export const FINAL: ReadonlySet<VoiceStatus> = new Set(['resolved', 'declined']);

/**
 * A moderator may move a voice forward along received → under review → planned → in progress
 * → resolved (skipping steps is allowed: some fixes are quick), decline any open voice, and
 * reopen a closed one for review. Moving backwards between open steps is not allowed: the
 * resident's timeline should only ever move on.
 */
export function canMoveStatus(from: VoiceStatus, to: VoiceStatus): boolean {
  if (from === to) return false;
  if (FINAL.has(from)) return to === 'under_review';
  if (to === 'declined') return true;
  return FORWARD.indexOf(to) > FORWARD.indexOf(from);
}

export function nextStatuses(from: VoiceStatus): VoiceStatus[] {
  return STATUSES.filter((to) => canMoveStatus(from, to));
}
