import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { SMTPServer } from 'smtp-server';
import type { Services } from '../src/bootstrap/index.ts';
import { addContact, createClient } from '../src/domain/clients/clients.ts';
import type { Actor } from '../src/domain/ports.ts';
import { createApiToken } from '../src/domain/workspaces/api-tokens.ts';
import { clientInputSchema, contactInputSchema } from '../src/shared/contract/index.ts';

// Helpers of the SMTP relay tests (issue 15 A): a self-signed certificate, an upstream SMTP server
// that records what it receives, a submission client and a workspace with a known contact.

/** A self-signed certificate for 127.0.0.1/localhost made with openssl (key and cert PEM, and their files). */
export function selfSignedCert(): { key: Buffer; cert: Buffer; keyPath: string; certPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'makegood-relay-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyPath),
    cert: readFileSync(certPath),
    keyPath,
    certPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One message as the upstream received it. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** An upstream SMTP server on loopback (no auth, no TLS) that records every message. */
export async function startUpstream(port = 0): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null, 'upstream ok');
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (taken and given back at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A mail client submitting to the relay with STARTTLS (required) and the token as password. */
export function submissionClient(port: number, token: string, ca: Buffer, user = 'dana@studio.example') {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: true,
    tls: { ca: [ca], servername: 'localhost' },
    auth: { user, pass: token },
  });
}

/** RFC 5322 bytes of a message (CRLF line ends), as a mail client would submit them. */
export async function composeRaw(options: {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string }[];
}): Promise<Buffer> {
  const composer = new MailComposer({ ...options, newline: '\r\n' } as ConstructorParameters<typeof MailComposer>[0]);
  const bytes = await composer.compile().build();
  return bytes.toString('latin1').endsWith('\r\n') ? bytes : Buffer.concat([bytes, Buffer.from('\r\n')]);
}

/** A client "Lumen Labs" with the contact Ms Jane Lee <jane@lumen.example>, and a read_write token of `actor`. */
export async function relayWorkspace(services: Services, actor: Actor, scope: 'read' | 'read_write' = 'read_write') {
  const client = await createClient(services.deps, actor, clientInputSchema.parse({ name: 'Lumen Labs' }));
  await addContact(
    services.deps,
    actor,
    client.id,
    contactInputSchema.parse({ fullName: 'Jane Lee', honorific: 'Ms', email: 'jane@lumen.example' }),
  );
  const { token } = await createApiToken(
    services.deps,
    actor,
    { name: 'Mail client', scope, expiresAt: null },
    { viaToken: false },
  );
  return { client, token };
}
