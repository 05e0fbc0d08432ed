import { createHash } from 'node:crypto';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
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

/**
 * How the connection is secured:
 * - `implicit`: TLS from the first byte (`smtps://`, port 465);
 * - `starttls`: STARTTLS is required; without it (not offered, or stripped on the way) nothing is
 *   sent, least of all credentials. The default for `smtp://` URLs with credentials;
 * - `opportunistic`: STARTTLS when offered, else in clear. The default for `smtp://` without
 *   credentials;
 * - `none`: never TLS (a relay on the same host). Credentials then go in clear: only on request.
 *
 * Also settable as `?tls=<mode>` on the URL.
 */
export type SmtpTlsMode = 'implicit' | 'starttls' | 'opportunistic' | 'none';

const TLS_MODES: readonly SmtpTlsMode[] = ['implicit', 'starttls', 'opportunistic', 'none'];

/** Settings of {@link createPipelinedSmtpTransport}. */
export interface PipelinedSmtpOptions {
  url: string;
  /** Connections of this process. */
  poolSize: number;
  heloName?: string;
  /** Accept any certificate (tests, local relays with self-signed certificates). */
  insecureTls?: boolean;
  /** See {@link SmtpTlsMode}; default from the URL (its `tls` parameter, scheme and credentials). */
  tls?: SmtpTlsMode;
  /** Longest wait for a reply before the connection counts as dead. Default 60 s. */
  replyTimeoutMs?: number;
  /** Longest wait for the TCP connection and a TLS handshake. Default 30 s. */
  connectTimeoutMs?: number;
  /** Longest wait for the server's 220 greeting. Default 30 s. */
  greetingTimeoutMs?: number;
  /** Messages sent over one connection before it is replaced by a new one. Default 1000. */
  maxMessagesPerConnection?: number;
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
  /** Where the transaction is: what a broken connection is reported as. */
  phase: SmtpPhase;
  failed?: SmtpError;
  /** Resolved or rejected: nothing more is reported for it. */
  done?: boolean;
}

/** What the server announced in its EHLO reply. */
interface Extensions {
  pipelining: boolean;
  starttls: boolean;
  smtputf8: boolean;
  /** Maximum message size in bytes, 0 when the server gives none. */
  size: number | undefined;
  auth: readonly string[];
}

/** Reads the keywords of an EHLO reply (RFC 5321 § 4.1.1.1). */
function readExtensions(text: string): Extensions {
  const keywords = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const [keyword = '', ...params] = line.slice(4).trim().split(/\s+/);
    keywords.set(keyword.toUpperCase(), params.join(' '));
  }
  const size = keywords.get('SIZE');
  return {
    pipelining: keywords.has('PIPELINING'),
    starttls: keywords.has('STARTTLS'),
    smtputf8: keywords.has('SMTPUTF8'),
    size: size === undefined ? undefined : Number(size) || 0,
    auth: [keywords.get('AUTH'), keywords.get('AUTH=PLAIN') === undefined ? undefined : 'PLAIN']
      .filter((m): m is string => m !== undefined)
      .join(' ')
      .toUpperCase()
      .split(/\s+/)
      .filter((m) => m !== ''),
  };
}

/** The TLS mode of a URL and settings, see {@link SmtpTlsMode}. */
export function tlsModeOf(url: URL, explicit?: SmtpTlsMode): SmtpTlsMode {
  const parameter = url.searchParams.get('tls');
  if (parameter !== null && !(TLS_MODES as readonly string[]).includes(parameter)) {
    throw new TypeError(`SMTP URL: tls expected one of ${TLS_MODES.join(', ')}, got "${parameter}"`);
  }
  const mode = explicit ?? (parameter as SmtpTlsMode | null) ?? undefined;
  if (url.protocol === 'smtps:') {
    if (mode !== undefined && mode !== 'implicit')
      throw new TypeError(`SMTP URL: smtps:// is implicit TLS, got tls=${mode}`);
    return 'implicit';
  }
  if (mode === 'implicit') throw new TypeError('SMTP URL: tls=implicit needs an smtps:// URL');
  return mode ?? (url.username ? 'starttls' : 'opportunistic');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: CR, LF and other controls are what it refuses
const BAD_ADDRESS = /[\u0000-\u001f\u007f<>\s]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is what it tests for
const NON_ASCII = /[^\u0000-\u007f]/;

/** Refuses an envelope address that would break the command line (RFC 5321 § 4.1.2). */
function checkAddress(address: string, field: 'from' | 'to'): SmtpError | undefined {
  const phase = field === 'from' ? 'MAIL' : 'RCPT';
  if ((field === 'to' && address === '') || BAD_ADDRESS.test(address)) {
    return new SmtpError(
      'EADDRESS',
      `envelope ${field}: expected an address without CR, LF, spaces or <>, got ${JSON.stringify(address)}`,
      { phase },
    );
  }
  return undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;

/**
 * Dot-stuffing (RFC 5321 § 4.5.2): a dot that starts a line is doubled. A line starts after LF
 * (a bare LF becomes CRLF on the way, as the server would read it as a line end), never after a
 * bare CR. Composed messages say they never need it.
 */
export function stuffDots(message: OutgoingMessage): readonly Buffer[] {
  if (message.dotSafe) return message.chunks;
  const raw = message.chunks.length === 1 ? message.chunks[0]! : Buffer.concat(message.chunks);
  let needed = raw[0] === DOT;
  for (let i = raw.indexOf(LF); i >= 0 && !needed; i = raw.indexOf(LF, i + 1))
    needed = raw[i + 1] === DOT || raw[i - 1] !== CR;
  if (!needed) return [raw];
  const out = Buffer.allocUnsafe(raw.length * 2 + 1);
  let n = 0;
  if (raw[0] === DOT) out[n++] = DOT;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === LF && (i === 0 || raw[i - 1] !== CR)) out[n++] = CR;
    out[n++] = byte;
    if (byte === LF && raw[i + 1] === DOT) out[n++] = DOT;
  }
  return [out.subarray(0, n)];
}

const byteLength = (chunks: readonly Buffer[]) => chunks.reduce((n, c) => n + c.length, 0);

/**
 * One SMTP connection. With PIPELINING (RFC 2920) the envelope and DATA go out in one write, and
 * the next message's envelope follows the previous message's content in the same write, so a
 * message costs one round trip; without it, one command at a time.
 */
class SmtpConnection {
  #socket: Socket | TLSSocket | undefined;
  #buffer = '';
  #lines: string[] = [];
  readonly #waiting: ((reply: Reply) => void)[] = [];
  readonly #queue: Transaction[] = [];
  readonly #active: Transaction[] = [];
  #extensions: Extensions = {
    pipelining: false,
    starttls: false,
    smtputf8: false,
    size: undefined,
    auth: [],
  };
  #awaiting354 = false;
  #timer: NodeJS.Timeout | undefined;
  #opening = true;
  /** The step of the handshake, for errors while opening. */
  #phase: SmtpPhase = 'connection';
  /** Whatever the server sent after its reply to STARTTLS is dropped: it came in clear. */
  #discardAfterReply = false;
  #error: SmtpError | undefined;
  #started = 0;
  #closing = false;
  readonly closed: Promise<void>;
  #onClosed!: () => void;
  dead = false;

  constructor(
    readonly options: PipelinedSmtpOptions,
    readonly tlsMode: SmtpTlsMode,
  ) {
    this.closed = new Promise((resolve) => {
      this.#onClosed = resolve;
    });
  }

  get load(): number {
    return this.#queue.length + this.#active.length;
  }

  /** Takes no more messages: the limit per connection is reached, or it is closing. */
  get full(): boolean {
    return (
      this.dead ||
      this.#closing ||
      this.#started + this.#queue.length >= (this.options.maxMessagesPerConnection ?? 1000)
    );
  }

  async open(): Promise<void> {
    const url = new URL(this.options.url);
    const implicit = this.tlsMode === 'implicit';
    const port = Number(url.port || (implicit ? 465 : 587));
    const tls = {
      rejectUnauthorized: !this.options.insecureTls,
      // SNI takes host names only (RFC 6066 § 3)
      ...(isIP(url.hostname) ? {} : { servername: url.hostname }),
    };
    const connectTimeout = this.options.connectTimeoutMs ?? 30_000;
    this.#attach(
      await this.#connecting(connectTimeout, `cannot connect to ${url.host}`, 'ECONNECTION', (done) =>
        implicit
          ? connectTls({ host: url.hostname, port, ...tls }, done)
          : connectTcp({ host: url.hostname, port }, done),
      ),
    );
    this.#phase = 'greeting';
    await this.#expect(await this.#reply(this.options.greetingTimeoutMs ?? 30_000), 220, 'greeting');
    let ehlo = await this.#hello();
    if (this.tlsMode === 'starttls' || this.tlsMode === 'opportunistic') {
      if (ehlo.starttls) {
        this.#phase = 'STARTTLS';
        this.#discardAfterReply = true;
        await this.#command('STARTTLS', 220);
        const plain = this.#socket as Socket;
        plain.removeAllListeners('data');
        plain.removeAllListeners('close');
        plain.removeAllListeners('error');
        this.#attach(
          await this.#connecting(connectTimeout, 'STARTTLS failed', 'ETLS', (done) =>
            connectTls({ socket: plain, ...tls }, done),
          ),
        );
        ehlo = await this.#hello();
      } else if (this.tlsMode === 'starttls') {
        throw new SmtpError(
          'ETLSREQUIRED',
          `${url.host} does not offer STARTTLS (or something on the way removed it): TLS is required, nothing is sent in clear`,
          { phase: 'STARTTLS', command: 'STARTTLS' },
        );
      }
    }
    this.#extensions = ehlo;
    if (url.username)
      await this.#authenticate(decodeURIComponent(url.username), decodeURIComponent(url.password));
    this.#opening = false;
  }

  /** Opens a socket within `timeoutMs`; errors and the timeout are `code` errors of the connection phase. */
  #connecting<S extends Socket>(
    timeoutMs: number,
    what: string,
    code: string,
    start: (done: () => void) => S,
  ): Promise<S> {
    return new Promise<S>((resolve, reject) => {
      const socket = start(() => {
        clearTimeout(timer);
        resolve(socket);
      });
      const phase = this.#phase;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new SmtpError('ETIMEDOUT', `${what}: no connection within ${timeoutMs} ms`, { phase }));
      }, timeoutMs);
      socket.once('error', (cause) => {
        clearTimeout(timer);
        reject(new SmtpError(code, `${what}: ${cause.message}`, { cause, phase }));
      });
    });
  }

  /** EHLO, or HELO for a server that does not know EHLO; returns the extensions. */
  async #hello(): Promise<Extensions> {
    this.#phase = 'EHLO';
    const name = this.options.heloName ?? hostname();
    const reply = await this.#send(`EHLO ${name}`);
    if (this.#error) throw this.#error;
    if (reply.code === 250) return readExtensions(reply.text);
    if (reply.code === 500 || reply.code === 502) {
      await this.#command(`HELO ${name}`, 250);
      return { pipelining: false, starttls: false, smtputf8: false, size: undefined, auth: [] };
    }
    return this.#expect(reply, 250, 'EHLO').then(() => readExtensions(reply.text));
  }

  /** AUTH PLAIN or LOGIN, as offered (RFC 4954). */
  async #authenticate(user: string, password: string) {
    this.#phase = 'AUTH';
    const offered = this.#extensions.auth;
    const method = ['PLAIN', 'LOGIN'].find((m) => offered.includes(m));
    if (!method) {
      throw new SmtpError(
        'EAUTHMETHOD',
        `the URL has credentials, but the server offers ${offered.length ? `only AUTH ${offered.join(' ')}` : 'no AUTH'}; expected PLAIN or LOGIN`,
        { phase: 'AUTH', command: 'AUTH' },
      );
    }
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    let reply: Reply;
    if (method === 'PLAIN') {
      reply = await this.#send(`AUTH PLAIN ${b64(`\0${user}\0${password}`)}`);
    } else {
      reply = await this.#send('AUTH LOGIN');
      if (reply.code === 334) reply = await this.#send(b64(user));
      if (reply.code === 334) reply = await this.#send(b64(password));
    }
    if (this.#error) throw this.#error;
    if (reply.code !== 235) {
      throw new SmtpError('EAUTH', `authentication failed: ${reply.text}`, {
        responseCode: reply.code,
        response: reply.text,
        command: `AUTH ${method}`,
        phase: 'AUTH',
      });
    }
  }

  /** Queues a message on this connection. */
  send(transaction: Transaction): void {
    if (this.dead) {
      transaction.reject(withPhase(this.#error ?? new SmtpError('ECONNECTION', 'connection closed'), 'MAIL'));
      return;
    }
    this.#queue.push(transaction);
    this.#pump();
  }

  #attach(socket: Socket | TLSSocket) {
    this.#socket = socket;
    this.#buffer = '';
    this.#lines = [];
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.#onData(chunk));
    socket.on('error', (cause) =>
      this.#fail(new SmtpError('ECONNECTION', `connection error: ${cause.message}`, { cause })),
    );
    socket.on('close', () => {
      this.#fail(new SmtpError('ECONNECTION', 'connection closed by the server'));
      this.#onClosed();
    });
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
      if (this.#discardAfterReply) {
        // RFC 3207 § 4.2: anything after the reply to STARTTLS was sent in clear (possibly
        // injected by someone on the way) and must not be read as a reply inside TLS
        this.#discardAfterReply = false;
        this.#buffer = '';
        handler?.({ code, text });
        return;
      }
      handler?.({ code, text });
      if (this.dead) return;
    }
    this.#buffer = start < data.length ? data.slice(start) : '';
  }

  /**
   * Waits for the next reply. One timer per connection, restarted by each reply and each wait
   * that starts while nothing was waiting: it fires only when a reply is overdue.
   */
  #onReply(handler: (reply: Reply) => void, timeoutMs = this.options.replyTimeoutMs ?? 60_000) {
    this.#waiting.push(handler);
    if (this.#waiting.length > 1) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#waiting.length > 0)
        this.#fail(
          new SmtpError(
            'ETIMEDOUT',
            this.#phase === 'greeting'
              ? `no greeting from the SMTP server within ${timeoutMs} ms`
              : `timeout waiting for the SMTP server (${timeoutMs} ms)`,
          ),
        );
    }, timeoutMs);
    this.#timer.unref();
  }

  #reply(timeoutMs?: number): Promise<Reply> {
    return new Promise((resolve) => this.#onReply(resolve, timeoutMs));
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
        phase: this.#phase,
      });
    }
    return reply;
  }

  /**
   * Writes the next envelope when the pipeline allows it: with PIPELINING as soon as no envelope
   * waits for its 354 (so it follows the previous message's content), else one transaction at a time.
   */
  #pump() {
    if (this.dead || !this.#socket || this.#opening) return;
    if (this.#queue.length === 0) {
      if (this.#closing && this.#active.length === 0) this.#quit();
      return;
    }
    if (this.#awaiting354) return;
    if (!this.#extensions.pipelining && this.#active.length > 0) return;
    const t = this.#queue.shift()!;
    const refused = this.#check(t);
    if (refused) {
      t.done = true;
      t.reject(refused);
      this.#pump();
      return;
    }
    this.#started++;
    this.#active.push(t);
    this.#awaiting354 = true;
    this.#writeEnvelope(t);
  }

  /** Refusals the client makes itself, before the server is asked. */
  #check(t: Transaction): SmtpError | undefined {
    const bad = checkAddress(t.envelope.from, 'from') ?? checkAddress(t.envelope.to, 'to');
    if (bad) return bad;
    if (!this.#extensions.smtputf8) {
      for (const field of ['from', 'to'] as const) {
        if (NON_ASCII.test(t.envelope[field])) {
          return new SmtpError(
            'ESMTPUTF8',
            `envelope ${field} ${JSON.stringify(t.envelope[field])} is not ASCII and the server does not offer SMTPUTF8`,
            { phase: field === 'from' ? 'MAIL' : 'RCPT' },
          );
        }
      }
    }
    const limit = this.#extensions.size;
    if (limit) {
      const size = byteLength(t.message.chunks);
      if (size > limit) {
        return new SmtpError(
          'ESIZE',
          `message ${t.message.messageId} has ${size} bytes, the server takes at most ${limit} (SIZE)`,
          { phase: 'MAIL', command: 'MAIL FROM' },
        );
      }
    }
    return undefined;
  }

  #mailFrom(t: Transaction): string {
    const parameters: string[] = [];
    if (this.#extensions.size !== undefined) parameters.push(`SIZE=${byteLength(t.message.chunks)}`);
    if (NON_ASCII.test(t.envelope.from) || NON_ASCII.test(t.envelope.to)) parameters.push('SMTPUTF8');
    return `MAIL FROM:<${t.envelope.from}>${parameters.map((p) => ` ${p}`).join('')}\r\n`;
  }

  #writeEnvelope(t: Transaction) {
    const socket = this.#socket!;
    const pipelining = this.#extensions.pipelining;
    const refuse = (reply: Reply, command: string, code: string, phase: SmtpPhase) => {
      t.failed ??= new SmtpError(code, `${command} refused: ${reply.text}`, {
        responseCode: reply.code,
        response: reply.text,
        command,
        phase,
      });
    };
    // the transaction stays open on the server after a refused envelope: reset it
    const reset = () => {
      this.#awaiting354 = false;
      this.#onReply(() => this.#finish(t));
      socket.write('RSET\r\n');
      this.#pump();
    };
    const onData = (r: Reply) => {
      this.#awaiting354 = false;
      if (r.code !== 354) {
        refuse(r, 'DATA', 'EENVELOPE', 'DATA');
        reset();
        return;
      }
      t.phase = 'end of data';
      this.#onReply((end) => {
        if (end.code >= 300) refuse(end, 'DATA', 'EMESSAGE', 'end of data');
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
      socket.write(last && last[last.length - 1] === LF ? '.\r\n' : '\r\n.\r\n', (error) => {
        if (!error && delayed && !t.done) t.message.onHandOver?.();
      });
      this.#pump();
      socket.uncork();
      if (socket.writableLength > 0 && !t.done) {
        delayed = true;
        t.message.onHandOverDelayed?.();
      }
    };
    const mail = this.#mailFrom(t);
    const rcpt = `RCPT TO:<${t.envelope.to}>\r\n`;
    t.phase = 'MAIL';
    if (pipelining) {
      this.#onReply((r) => {
        t.phase = 'RCPT';
        if (r.code >= 300) refuse(r, 'MAIL FROM', 'EENVELOPE', 'MAIL');
      });
      this.#onReply((r) => {
        t.phase = 'DATA';
        if (r.code >= 300) refuse(r, 'RCPT TO', 'EENVELOPE', 'RCPT');
      });
      this.#onReply(onData);
      socket.write(`${mail}${rcpt}DATA\r\n`);
      return;
    }
    // RFC 2920 § 3.1: without PIPELINING each command waits for the reply to the one before
    this.#onReply((r) => {
      if (r.code >= 300) {
        refuse(r, 'MAIL FROM', 'EENVELOPE', 'MAIL');
        return reset();
      }
      t.phase = 'RCPT';
      this.#onReply((r2) => {
        if (r2.code >= 300) {
          refuse(r2, 'RCPT TO', 'EENVELOPE', 'RCPT');
          return reset();
        }
        t.phase = 'DATA';
        this.#onReply(onData);
        socket.write('DATA\r\n');
      });
      socket.write(rcpt);
    });
    socket.write(mail);
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
    this.#error = error.phase || !this.#opening ? error : withPhase(error, this.#phase);
    clearTimeout(this.#timer);
    this.#socket?.destroy();
    for (const t of [...this.#active.splice(0), ...this.#queue.splice(0)]) {
      t.done = true;
      // a transaction refused by the server already has its own error
      t.reject(t.failed ?? withPhase(error, t.phase));
    }
    // while opening, the handshake waits for replies: let it see the error
    const waiting = this.#waiting.splice(0);
    if (this.#opening) for (const w of waiting) w({ code: 0, text: error.message });
  }

  #quit() {
    if (this.dead) return;
    this.dead = true;
    clearTimeout(this.#timer);
    const socket = this.#socket;
    if (!socket || socket.destroyed) {
      this.#onClosed();
      return;
    }
    // the server answers QUIT and closes; one that does not is closed after the reply timeout
    const timer = setTimeout(() => socket.destroy(), this.options.replyTimeoutMs ?? 60_000);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.end('QUIT\r\n');
  }

  /**
   * Takes no more messages, lets the ones it has finish (each reply within the reply timeout),
   * then says QUIT. Every message it took is settled by the time {@link closed} resolves.
   */
  close(): Promise<void> {
    this.#closing = true;
    if (this.#opening && !this.#socket) this.#onClosed();
    else if (this.#opening)
      this.#fail(new SmtpError('ECONNECTION', 'transport closed', { phase: this.#phase }));
    else this.#pump();
    return this.closed;
  }
}

function withPhase(error: SmtpError, phase: SmtpPhase): SmtpError {
  return new SmtpError(error.code, error.message, {
    responseCode: error.responseCode,
    response: error.response,
    command: error.command,
    phase,
    cause: error.cause,
  });
}

/**
 * A pooled SMTP client for pre-built messages: TLS as set (see {@link SmtpTlsMode}), AUTH PLAIN
 * or LOGIN when the URL has credentials, pipelining when the server offers it (one round trip per
 * message). Each message goes to the open connection with the shortest queue, or to a new one
 * while the pool has room and every open one is busy; a broken connection fails its messages
 * with `ECONNECTION` (temporary) and is replaced on the next send.
 */
export function createPipelinedSmtpTransport(options: PipelinedSmtpOptions): MailTransport {
  const url = new URL(options.url);
  const tlsMode = tlsModeOf(url, options.tls);
  // each slot holds a connection, open or opening
  const slots: (Promise<SmtpConnection> | undefined)[] = new Array(options.poolSize).fill(undefined);
  const ready: (SmtpConnection | undefined)[] = new Array(options.poolSize).fill(undefined);
  const retiring = new Set<SmtpConnection>();
  let closed = false;

  const retire = (slot: number, c: SmtpConnection) => {
    if (ready[slot] === c) {
      ready[slot] = undefined;
      slots[slot] = undefined;
    }
    retiring.add(c);
    void c.close().then(() => retiring.delete(c));
  };

  const open = (slot: number): Promise<SmtpConnection> => {
    const c = new SmtpConnection(options, tlsMode);
    const pending = c.open().then(
      () => {
        if (slots[slot] === pending) ready[slot] = c;
        return c;
      },
      (error: unknown) => {
        if (slots[slot] === pending) slots[slot] = undefined;
        void c.close();
        throw error;
      },
    );
    slots[slot] = pending;
    return pending;
  };

  /** The connection to take the next message: the shortest queue, or a new one beside busy ones. */
  const choose = (): SmtpConnection | Promise<SmtpConnection> => {
    let best: SmtpConnection | undefined;
    let free = -1;
    for (let slot = 0; slot < options.poolSize; slot++) {
      const c = ready[slot];
      if (c && (c.dead || c.full)) retire(slot, c);
      else if (c && (!best || c.load < best.load)) best = c;
      if (!slots[slot] && free < 0) free = slot;
    }
    if (best && (best.load === 0 || free < 0)) return best;
    if (free >= 0) return open(free);
    // every slot is opening: wait for the first to be ready
    return Promise.any(slots.filter((s) => s !== undefined)).catch((error: AggregateError) => {
      throw error.errors[0];
    });
  };

  return {
    id: `smtp-${createHash('sha256').update(`${url.hostname}:${url.port}:${url.username}`).digest('hex').slice(0, 12)}`,
    async send(envelope, message) {
      for (;;) {
        if (closed) throw new SmtpError('ECONNECTION', 'the SMTP transport is closed');
        const c = choose();
        // an open connection takes the message at once; else one is opened (again) first, then
        // the choice is made again, as others may have filled it meanwhile
        if (c instanceof SmtpConnection) {
          return new Promise<{ response: string }>((resolve, reject) => {
            c.send({
              envelope,
              message,
              phase: 'MAIL',
              resolve: (response) => resolve({ response }),
              reject,
            });
          });
        }
        await c;
      }
    },
    async close() {
      closed = true;
      const settled = await Promise.allSettled(slots.splice(0).filter((s) => s !== undefined));
      ready.fill(undefined);
      await Promise.all([
        ...settled.map((c) => (c.status === 'fulfilled' ? c.value.close() : undefined)),
        ...[...retiring].map((c) => c.closed),
      ]);
    },
  };
}
