import { createHash } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { SmtpPhase } from './classify-smtp-error';
import type { Envelope, MailTransport, OutgoingMessage } from './mail-transport';

/** An SMTP failure shaped like nodemailer's errors, so `classifySmtpError` reads both alike. */
export class SmtpError extends Error {
  override readonly name = 'SmtpError';
  readonly code: string;
  readonly responseCode: number | undefined;
  readonly response: string | undefined;
  readonly command: string | undefined;
  /** The step of the conversation it happened in (see `classifySmtpError`). */
  readonly phase: SmtpPhase | undefined;
  constructor(
    code: string,
    message: string,
    details: {
      responseCode?: number;
      response?: string;
      command?: string;
      phase?: SmtpPhase;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.responseCode = details.responseCode;
    this.response = details.response;
    this.command = details.command;
    this.phase = details.phase;
  }
}

interface Reply {
  code: number;
  text: string;
}

interface Transaction {
  envelope: Envelope;
  message: OutgoingMessage;
  resolve: (response: string) => void;
  reject: (error: Error) => void;
  failed?: SmtpError;
  /** Resolved or rejected: nothing more is reported for it. */
  done?: boolean;
}

/** Settings of {@link createPipelinedSmtpTransport}. */
export interface PipelinedSmtpOptions {
  url: string;
  /** Connections of this process. */
  poolSize: number;
  heloName?: string;
  insecureTls?: boolean;
  /** Longest wait for a reply before the connection counts as dead. Default 60 s. */
  replyTimeoutMs?: number;
}

const LF_DOT = Buffer.from('\n.');

/** Dot-stuffing (RFC 5321 § 4.5.2); composed messages say they never need it. */
function stuffDots(message: OutgoingMessage): readonly Buffer[] {
  if (message.dotSafe) return message.chunks;
  const raw = message.chunks.length === 1 ? message.chunks[0]! : Buffer.concat(message.chunks);
  if (raw.indexOf(LF_DOT) < 0 && raw[0] !== 0x2e) return [raw];
  return [Buffer.from(raw.toString('latin1').replace(/^\./gm, '..'), 'latin1')];
}

/**
 * One SMTP connection that pipelines (RFC 2920): the envelope and DATA go out in one write, and
 * the next message's envelope follows the previous message's content in the same write, so a
 * message costs one round trip. Falls back to one command at a time without PIPELINING.
 */
class SmtpConnection {
  #socket: Socket | TLSSocket | undefined;
  #buffer = '';
  #lines: string[] = [];
  readonly #waiting: ((reply: Reply) => void)[] = [];
  readonly #queue: Transaction[] = [];
  readonly #active: Transaction[] = [];
  #pipelining = false;
  #awaiting354 = false;
  #timer: NodeJS.Timeout | undefined;
  #opening = true;
  #error: SmtpError | undefined;
  dead = false;

  constructor(
    readonly options: PipelinedSmtpOptions,
    readonly onDead: (connection: SmtpConnection) => void,
  ) {}

  get load(): number {
    return this.#queue.length + this.#active.length;
  }

  async open(): Promise<void> {
    const url = new URL(this.options.url);
    const secure = url.protocol === 'smtps:';
    const port = Number(url.port || (secure ? 465 : 587));
    const tls = { rejectUnauthorized: !this.options.insecureTls, servername: url.hostname };
    this.#attach(
      await new Promise<Socket>((resolve, reject) => {
        const socket = secure
          ? connectTls({ host: url.hostname, port, ...tls }, () => resolve(socket))
          : connectTcp({ host: url.hostname, port }, () => resolve(socket));
        socket.once('error', (cause) =>
          reject(new SmtpError('ECONNECTION', `cannot connect to ${url.host}: ${cause.message}`, { cause })),
        );
      }),
    );
    await this.#expect(await this.#reply(), 220, 'greeting');
    const helo = this.options.heloName ?? hostname();
    let ehlo = await this.#command(`EHLO ${helo}`, 250);
    if (!secure && /^250[- ]STARTTLS\b/im.test(ehlo.text)) {
      await this.#command('STARTTLS', 220);
      const plain = this.#socket as Socket;
      plain.removeAllListeners('data');
      this.#attach(
        await new Promise<TLSSocket>((resolve, reject) => {
          const upgraded = connectTls({ socket: plain, ...tls }, () => resolve(upgraded));
          upgraded.once('error', (cause) =>
            reject(new SmtpError('ETLS', `STARTTLS failed: ${cause.message}`, { cause })),
          );
        }),
      );
      ehlo = await this.#command(`EHLO ${helo}`, 250);
    }
    this.#pipelining = /^250[- ]PIPELINING\b/im.test(ehlo.text);
    if (url.username) {
      const credentials = Buffer.from(
        `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`,
      ).toString('base64');
      const reply = await this.#send(`AUTH PLAIN ${credentials}`);
      if (reply.code !== 235) {
        throw new SmtpError('EAUTH', `authentication failed: ${reply.text}`, {
          responseCode: reply.code,
          response: reply.text,
          command: 'AUTH PLAIN',
        });
      }
    }
    this.#opening = false;
  }

  /** Queues a message on this connection. */
  send(transaction: Transaction): void {
    this.#queue.push(transaction);
    this.#pump();
  }

  #attach(socket: Socket | TLSSocket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('error', (cause) =>
      this.#fail(new SmtpError('ECONNECTION', `connection error: ${cause.message}`, { cause })),
    );
    socket.on('close', () => this.#fail(new SmtpError('ECONNECTION', 'connection closed by the server')));
  }

  /** Reads replies; each goes to the oldest waiting handler, in the turn it arrives. */
  #onData(chunk: string) {
    const data = this.#buffer === '' ? chunk : this.#buffer + chunk;
    let start = 0;
    let end = data.indexOf('\n');
    while (end >= 0) {
      const line = data.slice(start, end > start && data.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
      end = data.indexOf('\n', start);
      if (line.charCodeAt(3) === 45 /* "-": more lines follow */) {
        this.#lines.push(line);
        continue;
      }
      let text = line;
      if (this.#lines.length > 0) {
        this.#lines.push(line);
        text = this.#lines.join('\n');
        this.#lines = [];
      }
      const code = /^[1-5]\d\d/.test(line) ? Number(line.slice(0, 3)) : 0;
      const handler = this.#waiting.shift();
      if (this.#waiting.length > 0) this.#timer?.refresh();
      handler?.({ code, text });
      if (this.dead) return;
    }
    this.#buffer = start < data.length ? data.slice(start) : '';
  }

  /**
   * Waits for the next reply. One timer per connection, restarted by each reply and each wait
   * that starts while nothing was waiting: it fires only when a reply is overdue.
   */
  #onReply(handler: (reply: Reply) => void) {
    this.#waiting.push(handler);
    if (this.#waiting.length > 1) return;
    if (this.#timer) {
      this.#timer.refresh();
    } else {
      this.#timer = setTimeout(() => {
        if (this.#waiting.length > 0)
          this.#fail(new SmtpError('ETIMEDOUT', 'timeout waiting for the SMTP server'));
      }, this.options.replyTimeoutMs ?? 60_000);
      this.#timer.unref();
    }
  }

  #reply(): Promise<Reply> {
    return new Promise((resolve) => this.#onReply(resolve));
  }

  #send(line: string): Promise<Reply> {
    const reply = this.#reply();
    this.#socket?.write(`${line}\r\n`);
    return reply;
  }

  async #command(line: string, expected: number): Promise<Reply> {
    return this.#expect(await this.#send(line), expected, line.split(' ')[0] ?? line);
  }

  async #expect(reply: Reply, expected: number, command: string): Promise<Reply> {
    if (this.#error) throw this.#error;
    if (reply.code !== expected) {
      throw new SmtpError('EPROTOCOL', `${command}: expected ${expected}, got ${reply.text}`, {
        responseCode: reply.code,
        response: reply.text,
        command,
      });
    }
    return reply;
  }

  /**
   * Writes the next envelope when the pipeline allows it: with PIPELINING as soon as no envelope
   * waits for its 354 (so it follows the previous message's content), else one transaction at a time.
   */
  #pump() {
    if (this.dead || !this.#socket || this.#awaiting354 || this.#queue.length === 0) return;
    if (!this.#pipelining && this.#active.length > 0) return;
    const t = this.#queue.shift()!;
    this.#active.push(t);
    this.#awaiting354 = true;
    this.#writeEnvelope(t);
  }

  #writeEnvelope(t: Transaction) {
    const socket = this.#socket!;
    const refuse = (reply: Reply, command: string, code: string) => {
      t.failed ??= new SmtpError(code, `${command} refused: ${reply.text}`, {
        responseCode: reply.code,
        response: reply.text,
        command,
      });
    };
    this.#onReply((r) => r.code >= 300 && refuse(r, 'MAIL FROM', 'EENVELOPE'));
    this.#onReply((r) => r.code >= 300 && refuse(r, 'RCPT TO', 'EENVELOPE'));
    this.#onReply((r) => {
      this.#awaiting354 = false;
      if (r.code !== 354) {
        refuse(r, 'DATA', 'EENVELOPE');
        // the transaction stays open on the server after a refused envelope: reset it
        this.#onReply(() => this.#finish(t));
        socket.write('RSET\r\n');
        this.#pump();
        return;
      }
      this.#onReply((end) => {
        if (end.code >= 300) refuse(end, 'DATA', 'EMESSAGE');
        this.#finish(t, end.text);
      });
      socket.cork();
      const chunks = stuffDots(t.message);
      for (const chunk of chunks) socket.write(chunk);
      const last = chunks.at(-1);
      // Once the final dot is with the kernel, the message reaches the server even if this
      // process dies before the reply is read. The kernel nearly always takes the whole write at
      // once, so the message is journaled right before it; when it does not, the entry waits
      // for the write to complete.
      t.message.onHandOver?.();
      let delayed = false;
      socket.write(last && last[last.length - 1] === 0x0a ? '.\r\n' : '\r\n.\r\n', (error) => {
        if (!error && delayed && !t.done) t.message.onHandOver?.();
      });
      this.#pump();
      socket.uncork();
      if (socket.writableLength > 0 && !t.done) {
        delayed = true;
        t.message.onHandOverDelayed?.();
      }
    });
    socket.write(`MAIL FROM:<${t.envelope.from}>\r\nRCPT TO:<${t.envelope.to}>\r\nDATA\r\n`);
  }

  #finish(t: Transaction, response = '') {
    const index = this.#active.indexOf(t);
    if (index >= 0) this.#active.splice(index, 1);
    t.done = true;
    if (t.failed) {
      t.reject(t.failed);
    } else {
      t.message.onAccepted?.();
      t.resolve(response);
    }
    this.#pump();
  }

  #fail(error: SmtpError) {
    if (this.dead) return;
    this.dead = true;
    this.#error = error;
    clearTimeout(this.#timer);
    this.#socket?.destroy();
    for (const t of [...this.#active.splice(0), ...this.#queue.splice(0)]) {
      t.done = true;
      t.reject(error);
    }
    // while opening, the handshake waits for replies: let it see the error
    const waiting = this.#waiting.splice(0);
    if (this.#opening) for (const w of waiting) w({ code: 0, text: error.message });
    this.onDead(this);
  }

  close() {
    this.dead = true;
    clearTimeout(this.#timer);
    if (this.#socket && !this.#socket.destroyed) this.#socket.end('QUIT\r\n');
    this.#socket?.destroySoon?.();
  }
}

/**
 * A pooled, pipelining SMTP client for pre-built messages: STARTTLS when offered, AUTH PLAIN when
 * the URL has credentials, one round trip per message. Messages go to the connection with the
 * shortest queue; a broken connection fails its messages with `ECONNECTION` (temporary) and is
 * replaced on the next send.
 */
export function createPipelinedSmtpTransport(options: PipelinedSmtpOptions): MailTransport {
  const url = new URL(options.url);
  const slots: (Promise<SmtpConnection> | undefined)[] = new Array(options.poolSize).fill(undefined);
  const ready: (SmtpConnection | undefined)[] = new Array(options.poolSize).fill(undefined);
  let next = 0;
  const connection = async (slot: number): Promise<SmtpConnection> => {
    let pending = slots[slot];
    if (!pending) {
      const c = new SmtpConnection(options, () => undefined);
      pending = c.open().then(
        () => c,
        (error: unknown) => {
          c.close();
          throw error;
        },
      );
      slots[slot] = pending;
    }
    try {
      const c = await pending;
      if (!c.dead) {
        ready[slot] = c;
        return c;
      }
    } catch (error) {
      if (slots[slot] === pending) slots[slot] = undefined;
      throw error;
    }
    // the connection broke since it was last used: open a new one in its place
    if (slots[slot] === pending) slots[slot] = undefined;
    return connection(slot);
  };
  return {
    id: `smtp-${createHash('sha256').update(`${url.hostname}:${url.port}:${url.username}`).digest('hex').slice(0, 12)}`,
    send(envelope, message) {
      const slot = next++ % options.poolSize;
      const open = ready[slot];
      const sendOn = (c: SmtpConnection) =>
        new Promise<{ response: string }>((resolve, reject) => {
          c.send({ envelope, message, resolve: (response) => resolve({ response }), reject });
        });
      // an open connection takes the message at once; else it is opened (again) first
      return open && !open.dead ? sendOn(open) : connection(slot).then(sendOn);
    },
    async close() {
      ready.fill(undefined);
      const settled = await Promise.allSettled(slots.splice(0).filter((s) => s !== undefined));
      for (const c of settled) if (c.status === 'fulfilled') c.value.close();
    },
  };
}
