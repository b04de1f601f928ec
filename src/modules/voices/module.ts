// Voices: residents' needs and reports, their moderation, and the priorities grown from them.
import type { ModuleManifest } from '../../core/module.ts';
import createVoices from './migrations/0001_create_voices.ts';
import searchWordsByCity from './migrations/0002_search_words_by_city.ts';
import ussdSessions from './migrations/0003_ussd_sessions.ts';
import prioritySupport from './migrations/0004_priority_support.ts';
import open311PartnerKeys from './migrations/0005_open311_partner_keys.ts';
import assistedVoices from './migrations/0006_assisted_voices.ts';
import textMessages from './migrations/0007_text_messages.ts';
import { publicPages } from './routes/public.tsx';
import { moderationPages } from './routes/moderation.tsx';
import { settingsPages } from './routes/settings.tsx';
import { voicesApi } from './routes/api.ts';
import { ussdHooks } from './routes/ussd.ts';
import { open311Routes } from './routes/open311.ts';
import { textHooks } from './routes/texts.ts';
import { deliverText } from './services/deliver-text.ts';
import { textsQueue, type TextJob } from './texts/outbox.ts';

export const voicesModule: ModuleManifest = {
  name: 'voices',
  migrations: [createVoices, searchWordsByCity, ussdSessions, prioritySupport, open311PartnerKeys, assistedVoices, textMessages],
  pages(app) {
    publicPages(app);
    moderationPages(app);
    settingsPages(app);
    ussdHooks(app);
    open311Routes(app);
    textHooks(app);
  },
  api: voicesApi,
  jobs(services) {
    const { database, config, logger } = services;
    services.jobs.define<TextJob>(textsQueue(config.texts.retryDelaySeconds), (job) =>
      deliverText(database.db, job, { secret: config.secret, config: config.texts, logger }));
  },
};
