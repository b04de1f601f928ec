// Who may do what with a city's inclusion figures. The dashboard is public: it shows only
// aggregates, with small cells withheld.
import { hasRole, type Actor, type TenantScope } from '../../core/auth/index.ts';

export const canLoadPopulation = (actor: Actor | null, city: TenantScope) => hasRole(actor, city, ['city-admin', 'platform-admin']);
