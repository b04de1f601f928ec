// Who may do what with voices in a city. One named predicate per action; services check them
// (routes only choose which page to show).
import { hasRole, type Actor, type TenantScope } from '../../core/auth/index.ts';
import type { TenantSettings } from '../../core/db/index.ts';

export type City = TenantScope & { settings: TenantSettings };

export const canSubmitVoice = (actor: Actor | null, city: City) => !!actor || city.settings.allowAnonymous === true;
export const canSupportVoice = (actor: Actor | null) => !!actor;
export const canModerate = (actor: Actor | null, city: City) => hasRole(actor, city, ['moderator', 'city-admin']);
export const canConfigureCity = (actor: Actor | null, city: City) => hasRole(actor, city, ['city-admin', 'platform-admin']);
