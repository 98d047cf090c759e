import { randomBytes } from 'node:crypto';
import { link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Config } from '../config/config.ts';
import type { Mailer } from '../domain/messages/ports.ts';
import { headerSafe, PermanentDeliveryError } from '../domain/messages/outbox.ts';
import type { MailSetup, Message } from '../shared/contract/index.ts';

// Mail transports for the outbox: RFC 5322 .eml files in <dataDir>/outbox (the default, so the app
// needs no mail server) or SMTP through nodemailer when SMTP_URL is set.

/** What a mailer needs from the configuration. */
export type MailerConfig = Pick<Config, 'dataDir'> & Partial<Pick<Config, 'smtpUrl' | 'mailFrom' | 'accountingFrom'>>;

/** The address part of a configured sender such as `makegood <makegood@localhost>`. */
export function senderAddress(configured: string): string {
  const match = /<([^<>\s]+)>\s*$/u.exec(configured);
  return (match?.[1] ?? configured).trim();
}

const addressPattern = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+$/u;

/**
 * The nodemailer options for one outbox message. Names and the subject pass through headerSafe
 * again here (rows may come from anywhere), and nodemailer encodes names as RFC 2047 words, so no
 * value can end a header line and start another.
 */
export function mailOptions(
  message: Message,
  sentAt: Date,
  from: { mailFrom: string; accountingFrom: string },
): Mail.Options {
  const fromAddress = senderAddress(message.kind === 'accounting' ? from.accountingFrom : from.mailFrom);
  if (!addressPattern.test(message.toAddress)) {
    throw new PermanentDeliveryError(`toAddress "${headerSafe(message.toAddress)}" is not an email address`);
  }
  const replyTo =
    message.replyToAddress && addressPattern.test(message.replyToAddress)
      ? { name: headerSafe(message.replyToName ?? ''), address: message.replyToAddress }
      : undefined;
  return {
    from: { name: headerSafe(message.fromName), address: fromAddress },
    ...(replyTo && { replyTo }),
    to: { name: headerSafe(message.toName), address: message.toAddress },
    subject: headerSafe(message.subject),
    text: message.body,
    messageId: message.messageId,
    date: sentAt,
    // A stable id for the message across retries; never a second, different message.
    headers: { 'X-Makegood-Message-Id': message.id },
  };
}

/** The domain of a configured sender (`makegood <mail@studio.example>` → `studio.example`). */
export function senderDomain(configured: string): string {
  const address = senderAddress(configured);
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).trim().toLowerCase() : '';
  return /^[a-z0-9.-]+$/u.test(domain) && domain.length > 0 ? domain : 'makegood.invalid';
}

/** The default sender addresses when MAIL_FROM / ACCOUNTING_FROM are not set. */
export const defaultSenders = {
  mailFrom: 'makegood <makegood@localhost>',
  accountingFrom: 'Accounting <accounting@localhost>',
};

/** Where mail goes, for Settings: the transport, its destination (no credentials) and the sender addresses. */
export function mailSetupOf(config: MailerConfig): MailSetup {
  const fromAddress = senderAddress(config.mailFrom ?? defaultSenders.mailFrom);
  const accountingFromAddress = senderAddress(config.accountingFrom ?? defaultSenders.accountingFrom);
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    return { transport: 'smtp', destination: `${url.protocol}//${url.host}`, fromAddress, accountingFromAddress };
  }
  return { transport: 'file', destination: join(config.dataDir, 'outbox'), fromAddress, accountingFromAddress };
}

/** The file an outbox message is written to: its id, made safe for a file name. */
export function emlFileName(message: Message): string {
  return `${message.id.replace(/[^A-Za-z0-9_-]/gu, '_')}.eml`;
}

/**
 * Writes each message as an RFC 5322 .eml file (CRLF line ends) into `dir`. Atomic: the bytes go to a
 * temp file that is fsynced and then hard-linked to the final name, which fails if the name exists,
 * so a message is written at most once; a file already there means it was delivered.
 */
export function fileMailer(dir: string, from: { mailFrom: string; accountingFrom: string }): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `file:${dir}`,
    async send(message, sentAt) {
      const final = join(dir, emlFileName(message));
      if (await exists(final)) return;
      const info = await transport.sendMail(mailOptions(message, sentAt, from));
      const bytes = info.message;
      if (!Buffer.isBuffer(bytes)) throw new Error('stream transport returned no buffer');
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `.${emlFileName(message)}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await link(temp, final);
      } catch (error) {
        // Someone else delivered it between our check and now: theirs stands.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        await unlink(temp);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** Sends through SMTP (smtp:// or smtps:// URL, credentials in the URL). 5xx replies are permanent. */
export function smtpMailer(url: string, from: { mailFrom: string; accountingFrom: string }): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const safe = new URL(url);
  return {
    description: `${safe.protocol}//${safe.host}`,
    async send(message, sentAt) {
      try {
        await transport.sendMail(mailOptions(message, sentAt, from));
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) {
          throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The configured transport: SMTP when SMTP_URL is set, else .eml files in <dataDir>/outbox. */
export function createMailer(config: MailerConfig): Mailer {
  const from = {
    mailFrom: config.mailFrom ?? defaultSenders.mailFrom,
    accountingFrom: config.accountingFrom ?? defaultSenders.accountingFrom,
  };
  return config.smtpUrl ? smtpMailer(config.smtpUrl, from) : fileMailer(join(config.dataDir, 'outbox'), from);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
