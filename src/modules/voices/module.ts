// Voices: residents' needs and reports, their moderation, and the priorities grown from them.
import type { ModuleManifest } from '../../core/module.ts';
import createVoices from './migrations/0001_create_voices.ts';
import searchWordsByCity from './migrations/0002_search_words_by_city.ts';
import ussdSessions from './migrations/0003_ussd_sessions.ts';
import prioritySupport from './migrations/0004_priority_support.ts';
import { publicPages } from './routes/public.tsx';
import { moderationPages } from './routes/moderation.tsx';
import { settingsPages } from './routes/settings.tsx';
import { voicesApi } from './routes/api.ts';
import { ussdHooks } from './routes/ussd.ts';

export const voicesModule: ModuleManifest = {
  name: 'voices',
  migrations: [createVoices, searchWordsByCity, ussdSessions, prioritySupport],
  pages(app) {
    publicPages(app);
    moderationPages(app);
    settingsPages(app);
    ussdHooks(app);
  },
  api: voicesApi,
};
