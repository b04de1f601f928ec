// Outgoing e-mail: SMTP when SMTP_URL is set, otherwise a mailer that writes each message to
// the log (development and the demo), so password resets work with zero setup.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (mail) => {
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  return {
    send: async (mail) => {
      options.logger.info({ mail }, `mail to ${mail.to}: ${mail.subject}`);
    },
  };
}

/** Keeps messages in memory; tests read them. */
export function createMemoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return { sent, send: async (mail) => void sent.push(mail) };
}
