// Actors for service-level tests, loaded the way a request would load them.
import { eq } from 'drizzle-orm';
import { coreTables, type Db } from '../../src/core/db/index.ts';
import { createSession, loadActor, type Actor } from '../../src/core/auth/index.ts';
import { ACCOUNTS } from './fixtures.ts';

export async function actorOf(db: Db, key: keyof typeof ACCOUNTS): Promise<Actor> {
  const [user] = await db.select().from(coreTables.users).where(eq(coreTables.users.email, ACCOUNTS[key].email));
  const actor = await loadActor(db, await createSession(db, user!.id));
  return actor!;
}
