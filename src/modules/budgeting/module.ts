// Participatory budgeting: processes with their budgets, ideas and their review, ballots on
// the web (signed in or with a one-time code), results by fair rules that explain themselves,
// and the anonymised ballots as pabulib files anyone can recount.
import type { ModuleManifest } from '../../core/module.ts';
import processes from './migrations/0001_processes.ts';
import fundedProjects from './migrations/0002_funded_projects.ts';
import paperBallots from './migrations/0003_paper_ballots.ts';
import ussdFinalScreens from './migrations/0004_ussd_final_screens.ts';
import textFollowers from './migrations/0005_text_followers.ts';
import { residentPages } from './routes/pages.tsx';
import { staffPages } from './routes/admin.tsx';
import { projectPages } from './routes/projects.tsx';
import { paperPages } from './routes/paper.tsx';
import { ussdBallotHooks } from './routes/ussd.ts';
import { answerSmsBallot, SMS_KEYWORD_KEY } from './services/answer-sms-ballot.ts';
import { followByText, NEWS_KEYWORD_KEY } from './services/follow-by-text.ts';

export const budgetingModule: ModuleManifest = {
  name: 'budgeting',
  migrations: [processes, fundedProjects, paperBallots, ussdFinalScreens, textFollowers],
  // "VOTE <code> <projects>" and "NEWS" on the city's SMS and WhatsApp line.
  textKeywords: [{ wordsKey: SMS_KEYWORD_KEY, answer: answerSmsBallot }, { wordsKey: NEWS_KEYWORD_KEY, answer: followByText }],
  pages(app) {
    // Staff pages first: /budgets/new must not be read as a process called "new".
    staffPages(app);
    residentPages(app);
    projectPages(app);
    paperPages(app);
    ussdBallotHooks(app);
  },
};
