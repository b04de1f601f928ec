// Configuration comes from the environment only, parsed once at the edge so the rest of the
// code can trust its types. Every variable is documented in the README.
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().optional(),
  BARAZA_DATA_DIR: z.string().default('.data/pglite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BARAZA_SECRET: z.string().optional(),
  BARAZA_PUBLIC_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Baraza <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BARAZA_RATE_LIMIT_POSTS: z.coerce.number().int().min(0).default(30),
  BARAZA_RATE_LIMIT_LOGINS: z.coerce.number().int().min(0).default(20),
  BARAZA_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  BARAZA_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  NODE_ENV: z.string().optional(),
  BARAZA_TEXT_OUTBOUND: z.enum(['log', 'live']).default('log'),
  BARAZA_TEXT_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  AFRICASTALKING_USERNAME: z.string().optional(),
  AFRICASTALKING_API_KEY: z.string().optional(),
  AFRICASTALKING_SENDER: z.string().optional(),
  AFRICASTALKING_API_URL: z.url().default('https://api.africastalking.com/version1/messaging'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_API_URL: z.url().default('https://graph.facebook.com/v21.0'),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  secret: string;
  secretIsDefault: boolean;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Public posts (voices, supports, registrations) per client address per 10 minutes; 0 turns the limit off. */
  rateLimitPosts: number;
  /** Login attempts per client address per 10 minutes; 0 turns the limit off. */
  rateLimitLogins: number;
  secureCookies: 'auto' | 'true' | 'false';
  /**
   * How many reverse proxies stand in front of the app. With 0 the socket's address is the
   * client's; with N the client is the Nth address from the right of X-Forwarded-For (the one
   * the outermost trusted proxy saw), so rate limits count people, not the proxy.
   */
  trustedProxies: number;
  texts: TextsConfig;
}

/** SMS and WhatsApp gateways: credentials to verify what arrives and to send replies. */
export interface TextsConfig {
  /** 'log' writes each outbound text to the log instead of sending it (development, the demo). */
  outbound: 'log' | 'live';
  /** Seconds before an outbound text that failed is tried again; doubled on each later try. */
  retryDelaySeconds: number;
  africasTalking: { username?: string | undefined; apiKey?: string | undefined; sender?: string | undefined; apiUrl: string };
  twilio: { accountSid?: string | undefined; authToken?: string | undefined; from?: string | undefined; apiUrl: string };
  whatsapp: { appSecret?: string | undefined; verifyToken?: string | undefined; accessToken?: string | undefined; phoneNumberId?: string | undefined; apiUrl: string };
}

// A fixed development secret keeps the demo to two commands; production must set its own,
// and `serve` refuses to start in production without one.
const DEVELOPMENT_SECRET = 'baraza-development-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.BARAZA_DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    secret: e.BARAZA_SECRET ?? DEVELOPMENT_SECRET,
    secretIsDefault: !e.BARAZA_SECRET,
    publicUrl: e.BARAZA_PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    rateLimitPosts: e.BARAZA_RATE_LIMIT_POSTS,
    rateLimitLogins: e.BARAZA_RATE_LIMIT_LOGINS,
    secureCookies: e.BARAZA_SECURE_COOKIES,
    trustedProxies: e.BARAZA_TRUSTED_PROXIES,
    texts: {
      outbound: e.BARAZA_TEXT_OUTBOUND,
      retryDelaySeconds: e.BARAZA_TEXT_RETRY_DELAY_SECONDS,
      africasTalking: { username: e.AFRICASTALKING_USERNAME, apiKey: e.AFRICASTALKING_API_KEY, sender: e.AFRICASTALKING_SENDER, apiUrl: e.AFRICASTALKING_API_URL },
      twilio: { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiUrl: e.TWILIO_API_URL },
      whatsapp: {
        appSecret: e.WHATSAPP_APP_SECRET, verifyToken: e.WHATSAPP_VERIFY_TOKEN, accessToken: e.WHATSAPP_ACCESS_TOKEN,
        phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID, apiUrl: e.WHATSAPP_API_URL,
      },
    },
  };
}
