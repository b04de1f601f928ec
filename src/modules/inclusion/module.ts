// Inclusion: who raises voices compared with who lives in the city, by sex, age band, area,
// disability and channel, with small cells withheld; the city's population is its baseline.
import type { ModuleManifest } from '../../core/module.ts';
import population from './migrations/0001_population.ts';
import { inclusionPages } from './routes/pages.tsx';

export const inclusionModule: ModuleManifest = {
  name: 'inclusion',
  migrations: [population],
  pages: inclusionPages,
};
