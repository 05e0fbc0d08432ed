import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** Sender and recipient of one SMTP transaction. */
export interface Envelope {
  from: string;
  to: string;
}

/** A finished message as the transports take it. */
export interface OutgoingMessage {
  messageId: string;
  /** The message in pieces, CRLF line ends; sent with one vectored write where possible. */
  chunks: readonly Buffer[];
  /** No line starts with `.`, so SMTP needs no dot-stuffing (true for composed messages). */
  dotSafe?: boolean;
  /**
   * Called right before the whole message, final dot included, goes to the operating system: from
   * then on a process killed before the server's reply still delivers it. The sender journals the
   * delivery here, so a crash does not send it twice; a failure reported later (a refusal, a
   * broken connection) must take that back. Transports that cannot tell call only `onAccepted`.
   */
  onHandOver?: () => void;
  /**
   * The kernel did not take all of it at once: not on its way yet after all. `onHandOver` is called
   * again when it is.
   */
  onHandOverDelayed?: () => void;
  /** Called the moment the server's acceptance is read, before anything else runs. */
  onAccepted?: () => void;
}

/** The whole message as one buffer. */
export function joinChunks(message: OutgoingMessage): Buffer {
  return message.chunks.length === 1 ? message.chunks[0]! : Buffer.concat(message.chunks);
}

/** Where finished messages go: an SMTP server, or the capture folder. */
export interface MailTransport {
  /** Identifies the transport for the shared rate limit (the same server → the same id). */
  readonly id: string;
  /** Sends one message; rejects with the server's error (see `classifySmtpError`). */
  send(envelope: Envelope, message: OutgoingMessage): Promise<{ response: string }>;
  close(): Promise<void>;
}

/** Settings of {@link createSmtpTransport}. */
export interface SmtpTransportOptions {
  url: string;
  /** Parallel connections of this process. */
  poolSize: number;
  /** Allow self-signed certificates (tests, local relays). */
  insecureTls?: boolean;
  /** Name given in EHLO; defaults to the host name. */
  heloName?: string;
}

/**
 * A pooled nodemailer SMTP transport that sends pre-built messages as they are (`raw`), with
 * PIPELINING when the server offers it. The id hides the credentials of the URL.
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const url = new URL(options.url);
  const transporter = nodemailer.createTransport({
    pool: true,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    maxConnections: options.poolSize,
    maxMessages: Number.POSITIVE_INFINITY,
    tls: options.insecureTls ? { rejectUnauthorized: false } : undefined,
    name: options.heloName,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    id: `smtp-${createHash('sha256').update(`${url.hostname}:${url.port}:${url.username}`).digest('hex').slice(0, 12)}`,
    async send(envelope, message) {
      const info: { response?: unknown } = await transporter.sendMail({
        envelope: { from: envelope.from, to: [envelope.to] },
        raw: joinChunks(message),
      });
      message.onAccepted?.();
      return { response: String(info.response ?? '') };
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Capture mode (no `SMTP_URL`): every message is written as `<dir>/<message-id>.eml`. Writing the
 * same message again overwrites the file, so a retried message still leaves one file.
 */
export function createCaptureTransport(dir: string): MailTransport {
  mkdirSync(dir, { recursive: true });
  return {
    id: 'capture',
    async send(_envelope, message) {
      const name = message.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9@._-]/g, '_');
      await writeFile(join(dir, `${name}.eml`), joinChunks(message));
      message.onAccepted?.();
      return { response: `250 captured ${name}.eml` };
    },
    async close() {},
  };
}
