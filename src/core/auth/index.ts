export { hasRole, isPlatformAdmin, type Actor, type Membership, type TenantScope } from './actor.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { createSession, loadActor } from './sessions.ts';
export { registerUser } from './services/register-user.ts';
export { logIn, MAX_FAILED_LOGINS } from './services/log-in.ts';
export { grantRole } from './services/grant-role.ts';
export { accountPages } from './routes.tsx';
export { SESSION_COOKIE } from './cookies.ts';
