// Voices: residents' needs and reports, their moderation, and the priorities grown from them.
import type { ModuleManifest } from '../../core/module.ts';
import createVoices from './migrations/0001_create_voices.ts';
import { publicPages } from './routes/public.tsx';
import { moderationPages } from './routes/moderation.tsx';
import { settingsPages } from './routes/settings.tsx';
import { voicesApi } from './routes/api.ts';

export const voicesModule: ModuleManifest = {
  name: 'voices',
  migrations: [createVoices],
  pages(app) {
    publicPages(app);
    moderationPages(app);
    settingsPages(app);
  },
  api: voicesApi,
};
