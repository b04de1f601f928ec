// The USSD ballot's callback, in Africa's Talking's format, at its own address per city (a
// city gives it its own service code, for example *384*2#): answered `CON` while the ballot
// goes on, `END` when the vote is cast or refused.
import type { Hono } from 'hono';
import type { AppEnv } from '../../../core/http/index.ts';
import { readUssdCallback } from '../../voices/index.ts';
import { answerUssdBallot } from '../services/answer-ussd-ballot.ts';

export const USSD_BALLOT_PATH = '/hooks/ussd-ballot/africas-talking';
/** The purpose the callback address's token is made for (see voices' hookToken). */
export const USSD_BALLOT_PURPOSE = 'africas-talking-ballot';

export function ussdBallotHooks(app: Hono<AppEnv>): void {
  app.post(`${USSD_BALLOT_PATH}/:city`, async (c) => {
    const callback = await readUssdCallback(c, USSD_BALLOT_PURPOSE);
    if (callback instanceof Response) return callback;
    const { database, config } = c.get('services');
    const answer = await answerUssdBallot(database.db, callback.request, callback.city, config.secret);
    return c.text(`${answer.end ? 'END' : 'CON'} ${answer.text}`);
  });
}
