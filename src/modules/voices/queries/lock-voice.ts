import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { voices } from '../schema.ts';

/** Loads a voice of the city by reference and locks it for the rest of the transaction. */
export async function lockVoice(tx: Db, tenantId: string, reference: string) {
  const [voice] = await tx
    .select()
    .from(voices)
    .where(and(eq(voices.tenantId, tenantId), eq(voices.reference, reference)))
    .for('update')
    .limit(1);
  return voice;
}

export type LockedVoice = NonNullable<Awaited<ReturnType<typeof lockVoice>>>;

/** The fields of a voice whose change the audit log fingerprints. */
export const auditView = (v: LockedVoice) => ({
  reference: v.reference, status: v.status, visibility: v.visibility, hiddenReason: v.hiddenReason,
  mergedIntoId: v.mergedIntoId, supportCount: v.supportCount,
});
