// The inclusion module's public face.
export { inclusionModule } from './module.ts';
export { loadPopulation } from './services/load-population.ts';
export { inclusionDashboard, type InclusionDashboard } from './queries/inclusion-dashboard.ts';
export { suppress, MIN_CELL, type PublishedTable, type PublishedCell } from './analysis/suppression.ts';
