// Who may do what with voices in a city. One named predicate per action; services check them
// (routes only choose which page to show).
import { hasRole, type Actor, type TenantScope } from '../../core/auth/index.ts';
import type { TenantSettings } from '../../core/db/index.ts';
import type { Channel } from './schema.ts';

export type City = TenantScope & { settings: TenantSettings };

/**
 * Gateway channels arrive only through an authenticated gateway: phone channels (USSD, SMS,
 * WhatsApp) carry the caller's number, and Open311 partners post with the key the city issued
 * them. So they are not anonymous, even where the web form requires signing in.
 */
export const canSubmitVoice = (actor: Actor | null, city: City, channel?: Channel) =>
  !!actor || city.settings.allowAnonymous === true || (channel !== undefined && GATEWAY_CHANNELS.has(channel));
const GATEWAY_CHANNELS: ReadonlySet<Channel> = new Set(['ussd', 'sms', 'whatsapp', 'open311']);
export const canSupportVoice = (actor: Actor | null) => !!actor;
/** Enter a voice on someone's behalf, with their consent. */
export const canAssist = (actor: Actor | null, city: City) => hasRole(actor, city, ['facilitator', 'moderator', 'city-admin']);
export const canModerate = (actor: Actor | null, city: City) => hasRole(actor, city, ['moderator', 'city-admin']);
export const canConfigureCity = (actor: Actor | null, city: City) => hasRole(actor, city, ['city-admin', 'platform-admin']);
