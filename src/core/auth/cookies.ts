export const SESSION_COOKIE = 'baraza_session';
