import { createServer, type Server, type Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { classifySmtpError } from '../src/classify-smtp-error';
import type { MailTransport } from '../src/mail-transport';
import { createPipelinedSmtpTransport, type PipelinedSmtpOptions } from '../src/smtp-client';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';
import { maxCommandsInFlight, startTcpProxy, type TcpProxy } from './support/tcp-proxy';

const message = (i: number, body = `Hallo Nummer ${i}\r\n`) =>
  Buffer.from(
    `Message-ID: <m${i}@kielregion.example>\r\nFrom: a@kielregion.example\r\nTo: b${i}@example.org\r\nSubject: Nummer ${i}\r\n\r\n${body}`,
  );
const envelope = (i: number) => ({ from: 'bounce@kielregion.example', to: `b${i}@example.org` });
const outgoing = (i: number, body?: string) => ({ messageId: `<m${i}>`, chunks: [message(i, body)] });

/** What an in-process smtp-server saw. */
interface Seen {
  port: number;
  connections: number;
  auth: { method: string; user: string; secure: boolean }[];
  mailFrom: { address: string; args: unknown }[];
  /** Accepted messages per recipient. */
  received: Map<string, Buffer>;
  /** DATA streams that ended, answered or not. */
  dataEnded: number;
  /** Replies held back by `answerData`: call one to send it. */
  held: (() => void)[];
}

describe('pipelined SMTP client against a real server', () => {
  let transport: MailTransport | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await transport?.close();
    transport = undefined;
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** Starts an smtp-server with these options that records what it sees. */
  async function startServer(
    options: SMTPServerOptions & { answerData?: (n: number) => boolean } = {},
  ): Promise<Seen> {
    const seen: Seen = {
      port: 0,
      connections: 0,
      auth: [],
      mailFrom: [],
      received: new Map(),
      dataEnded: 0,
      held: [],
    };
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: options.authMethods ? [] : ['AUTH'],
      ...options,
      onConnect(session, callback) {
        seen.connections++;
        if (options.onConnect) return options.onConnect(session, callback);
        callback();
      },
      onAuth(auth, session, callback) {
        seen.auth.push({ method: auth.method, user: auth.username ?? '', secure: session.secure });
        if (auth.username === 'regiokit' && auth.password === 'geh eim')
          return callback(null, { user: 'regiokit' });
        callback(new Error('535 5.7.8 bad credentials'));
      },
      onMailFrom(address, session, callback) {
        seen.mailFrom.push({ address: address.address, args: address.args });
        if (options.onMailFrom) return options.onMailFrom(address, session, callback);
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const n = ++seen.dataEnded;
          const to = session.envelope.rcptTo[0]?.address ?? '';
          const accept = () => {
            seen.received.set(to, Buffer.concat(chunks));
            callback();
          };
          if (options.answerData && !options.answerData(n)) seen.held.push(accept);
          else accept();
        });
      },
    });
    server.on('error', () => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    seen.port = (server.server.address() as { port: number }).port;
    cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
    return seen;
  }

  async function proxy(port: number, options?: Parameters<typeof startTcpProxy>[1]): Promise<TcpProxy> {
    const p = await startTcpProxy(port, options);
    cleanups.push(() => p.stop());
    return p;
  }

  const client = (options: Partial<PipelinedSmtpOptions> & { url: string }) => {
    transport = createPipelinedSmtpTransport({ poolSize: 1, insecureTls: true, ...options });
    return transport;
  };

  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((r) => setTimeout(r, 10));
  };

  describe('defect 4: pipelining only when announced (RFC 2920)', () => {
    it('waits for each reply when the server does not announce PIPELINING', async () => {
      const server = await startServer({ hidePIPELINING: true, disabledCommands: ['STARTTLS', 'AUTH'] });
      const p = await proxy(server.port);
      const t = client({ url: `smtp://127.0.0.1:${p.port}` });
      await Promise.all([0, 1, 2].map((i) => t.send(envelope(i), outgoing(i))));
      expect(server.received.size).toBe(3);
      expect(maxCommandsInFlight(p.transcripts[0]!)).toBe(1);
    });

    it('pipelines MAIL, RCPT and DATA, and the next envelope after the content, when announced', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const p = await proxy(server.port);
      const t = client({ url: `smtp://127.0.0.1:${p.port}` });
      await Promise.all([0, 1, 2].map((i) => t.send(envelope(i), outgoing(i))));
      expect(server.received.size).toBe(3);
      expect(maxCommandsInFlight(p.transcripts[0]!)).toBeGreaterThanOrEqual(3);
    });

    it('sends no RCPT after a refused MAIL FROM without PIPELINING, and goes on after RSET', async () => {
      const server = await startServer({
        hidePIPELINING: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        onMailFrom(address, _session, callback) {
          if (address.address === 'refused@kielregion.example')
            return callback(
              Object.assign(new Error('553 5.1.8 sender address rejected'), { responseCode: 553 }),
            );
          callback();
        },
      });
      const p = await proxy(server.port);
      const t = client({ url: `smtp://127.0.0.1:${p.port}` });
      const [refused, accepted] = await Promise.allSettled([
        t.send({ from: 'refused@kielregion.example', to: 'b0@example.org' }, outgoing(0)),
        t.send(envelope(1), outgoing(1)),
      ]);
      expect(refused.status).toBe('rejected');
      expect(classifySmtpError((refused as PromiseRejectedResult).reason)).toMatchObject({
        phase: 'MAIL',
        action: 'pause-campaign',
        hardBounce: false,
      });
      expect(accepted.status).toBe('fulfilled');
      const client0 = p.transcripts[0]!.filter((e) => e.from === 'client')
        .map((e) => e.data)
        .join('');
      expect(client0).not.toContain('RCPT TO:<b0@example.org>');
      expect(maxCommandsInFlight(p.transcripts[0]!)).toBe(1);
    });
  });

  describe('defect 5: TLS modes and AUTH', () => {
    it('refuses to send credentials when a proxy strips STARTTLS from the EHLO reply', async () => {
      const server = await startServer({ authMethods: ['PLAIN', 'LOGIN'], allowInsecureAuth: true });
      const p = await proxy(server.port, {
        rewriteServer: (chunk) => chunk.replace(/STARTTLS/g, 'XSTRIPPED'),
      });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${p.port}` });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ETLSREQUIRED' });
      expect(classifySmtpError(error)).toMatchObject({ phase: 'STARTTLS', action: 'pause-campaign' });
      const sent = p.transcripts
        .flat()
        .filter((e) => e.from === 'client')
        .map((e) => e.data)
        .join('');
      expect(sent).not.toMatch(/AUTH|MAIL FROM/);
      expect(server.auth).toEqual([]);
    });

    it('refuses a server without STARTTLS when tls=starttls is set, even without credentials', async () => {
      const smtp: SmtpCapture = await startSmtpCapture();
      cleanups.push(() => smtp.stop());
      const t = client({ url: `${smtp.url}?tls=starttls` });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ETLSREQUIRED' });
      expect(smtp.total()).toBe(0);
    });

    it('sends credentials in clear only with the explicit tls=none', async () => {
      const server = await startServer({
        authMethods: ['PLAIN'],
        allowInsecureAuth: true,
        hideSTARTTLS: true,
      });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${server.port}?tls=none` });
      await t.send(envelope(0), outgoing(0));
      expect(server.auth).toEqual([{ method: 'PLAIN', user: 'regiokit', secure: false }]);
    });

    it('speaks implicit TLS to smtps://', async () => {
      const server = await startServer({ secure: true, authMethods: ['PLAIN'] });
      const t = client({ url: `smtps://regiokit:geh%20eim@127.0.0.1:${server.port}` });
      await t.send(envelope(0), outgoing(0));
      expect(server.auth).toEqual([{ method: 'PLAIN', user: 'regiokit', secure: true }]);
      expect(server.received.has('b0@example.org')).toBe(true);
    });

    it('uses AUTH LOGIN when the server offers only LOGIN, after STARTTLS', async () => {
      const server = await startServer({ authMethods: ['LOGIN'] });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${server.port}` });
      await t.send(envelope(0), outgoing(0));
      expect(server.auth).toEqual([{ method: 'LOGIN', user: 'regiokit', secure: true }]);
    });

    it('says which mechanisms are missing when the server offers neither PLAIN nor LOGIN', async () => {
      const server = await startServer({ authMethods: ['XOAUTH2'] });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${server.port}` });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'EAUTHMETHOD', message: expect.stringContaining('XOAUTH2') });
      expect(classifySmtpError(error)).toMatchObject({
        phase: 'AUTH',
        kind: 'permanent',
        scope: 'transport',
      });
    });

    it('discards plaintext injected after the reply to STARTTLS (RFC 3207 § 4.2)', async () => {
      // after TLS the server offers LOGIN; the injected text would offer only XOAUTH2, and its
      // unfinished last line would swallow the first line of the real EHLO reply
      const server = await startServer({ authMethods: ['LOGIN'] });
      let injected = false;
      const p = await proxy(server.port, {
        rewriteServer: (chunk, sent) => {
          if (injected || !sent.endsWith('STARTTLS\r\n') || !chunk.startsWith('220')) return chunk;
          injected = true;
          return `${chunk}250-AUTH XOAUTH2\r\n250 `;
        },
      });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${p.port}` });
      await t.send(envelope(0), outgoing(0));
      expect(injected).toBe(true);
      expect(server.auth).toEqual([{ method: 'LOGIN', user: 'regiokit', secure: true }]);
      expect(server.received.has('b0@example.org')).toBe(true);
    });

    it('reports a connection dropped during AUTH as a temporary transport failure', async () => {
      const server = await startServer({
        authMethods: ['PLAIN'],
        allowInsecureAuth: true,
        hideSTARTTLS: true,
      });
      const p = await proxy(server.port, { cutWhen: (sent) => sent.includes('AUTH ') });
      const t = client({ url: `smtp://regiokit:geh%20eim@127.0.0.1:${p.port}?tls=none` });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(p.cut()).toBe(true);
      expect(classifySmtpError(error)).toMatchObject({
        phase: 'AUTH',
        kind: 'temporary',
        scope: 'transport',
        action: 'wait-for-transport',
      });
    });

    it('reports a connection dropped mid-DATA as a temporary transport failure', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const p = await proxy(server.port, { cutWhen: (sent) => sent.includes('Hallo Nummer 1') });
      const t = client({ url: `smtp://127.0.0.1:${p.port}` });
      const error = await t.send(envelope(1), outgoing(1)).catch((e: unknown) => e);
      expect(classifySmtpError(error)).toMatchObject({
        phase: 'end of data',
        kind: 'temporary',
        scope: 'transport',
        hardBounce: false,
      });
      expect(server.received.size).toBe(0);
    });
  });

  describe('defect 6: timeouts, close, pool, limits, envelope, SIZE, SMTPUTF8, dots', () => {
    it('gives up a TLS handshake that never completes after connectTimeoutMs', async () => {
      const accepted: Socket[] = [];
      const silent: Server = createServer((socket) => accepted.push(socket));
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      cleanups.push(
        () =>
          new Promise((r) => {
            for (const s of accepted) s.destroy();
            silent.close(() => r(undefined));
          }),
      );
      const port = (silent.address() as { port: number }).port;
      const t = client({ url: `smtps://127.0.0.1:${port}`, connectTimeoutMs: 200 });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(classifySmtpError(error)).toMatchObject({
        phase: 'connection',
        kind: 'temporary',
        status: 'ETIMEDOUT',
      });
      // close() returns after the socket is gone; with a hung socket the test would time out
      await t.close();
    }, 10_000);

    it('gives up a server that never greets after greetingTimeoutMs', async () => {
      const server = await startServer({ onConnect: () => undefined });
      const t = client({ url: `smtp://127.0.0.1:${server.port}`, greetingTimeoutMs: 200 });
      const error = await t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ETIMEDOUT', message: expect.stringContaining('greeting') });
      expect(classifySmtpError(error)).toMatchObject({ phase: 'greeting', action: 'wait-for-transport' });
    }, 10_000);

    it('close() lets sent messages finish, then settles every one of them', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const t = client({ url: `smtp://127.0.0.1:${server.port}` });
      const sends = [0, 1, 2, 3].map((i) => t.send(envelope(i), outgoing(i)));
      await until(() => server.dataEnded > 0);
      await t.close();
      const results = await Promise.allSettled(sends);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      await expect(t.send(envelope(9), outgoing(9))).rejects.toMatchObject({ code: 'ECONNECTION' });
    });

    it('close() settles a message whose reply never comes', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], answerData: () => false });
      const t = client({ url: `smtp://127.0.0.1:${server.port}`, replyTimeoutMs: 300 });
      const send = t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      await until(() => server.dataEnded > 0);
      await t.close();
      expect(await send).toMatchObject({ code: 'ETIMEDOUT', phase: 'end of data' });
    }, 10_000);

    it('gives each message to the connection with the shortest queue', async () => {
      // the first message's reply is held until the end
      const held = await startServer({
        disabledCommands: ['STARTTLS', 'AUTH'],
        answerData: (n) => n !== 1,
      });
      const t = client({ url: `smtp://127.0.0.1:${held.port}`, poolSize: 2 });
      const first = t.send(envelope(0), outgoing(0)).catch((e: unknown) => e);
      await until(() => held.dataEnded === 1);
      // the first connection is busy: each of these goes to the other one, one after another
      for (const i of [1, 2, 3, 4]) await t.send(envelope(i), outgoing(i));
      expect([...held.received.keys()].sort()).toEqual([
        'b1@example.org',
        'b2@example.org',
        'b3@example.org',
        'b4@example.org',
      ]);
      expect(held.connections).toBe(2);
      held.held[0]?.();
      expect(await first).toEqual({ response: expect.stringMatching(/^250/) });
      expect(held.received.has('b0@example.org')).toBe(true);
    });

    it('opens a new connection after maxMessagesPerConnection messages', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const t = client({ url: `smtp://127.0.0.1:${server.port}`, maxMessagesPerConnection: 3 });
      await Promise.all(Array.from({ length: 10 }, (_, i) => t.send(envelope(i), outgoing(i))));
      expect(server.received.size).toBe(10);
      expect(server.connections).toBe(4);
    });

    it('refuses CR, LF and <> in envelope addresses and sends nothing for them', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const t = client({ url: `smtp://127.0.0.1:${server.port}` });
      const bad = [
        { from: 'bounce@kielregion.example', to: 'b0@example.org>\r\nRCPT TO:<evil@example.org' },
        { from: 'bounce@kielregion.example>\r\nRCPT TO:<evil@example.org', to: 'b0@example.org' },
        { from: 'bounce@kielregion.example', to: 'b0@example.org\r' },
        { from: 'bounce@kielregion.example', to: '' },
      ];
      const results = await Promise.allSettled(bad.map((e, i) => t.send(e, outgoing(i))));
      for (const [i, r] of results.entries()) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toMatchObject({
          code: 'EADDRESS',
          phase: i === 1 ? 'MAIL' : 'RCPT',
        });
      }
      expect(classifySmtpError((results[0] as PromiseRejectedResult).reason)).toMatchObject({
        action: 'fail-recipient',
      });
      expect(classifySmtpError((results[1] as PromiseRejectedResult).reason)).toMatchObject({
        action: 'pause-campaign',
      });
      await t.send(envelope(5), outgoing(5));
      expect([...server.received.keys()]).toEqual(['b5@example.org']);
      expect(server.mailFrom).toHaveLength(1);
    });

    it('refuses a message over the announced SIZE before DATA, and names the size in MAIL FROM', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], size: 1000 });
      const t = client({ url: `smtp://127.0.0.1:${server.port}` });
      const error = await t
        .send(envelope(0), outgoing(0, `${'x'.repeat(76)}\r\n`.repeat(20)))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ESIZE' });
      expect(classifySmtpError(error)).toMatchObject({ phase: 'MAIL', action: 'pause-campaign' });
      expect(server.mailFrom).toEqual([]);
      await t.send(envelope(1), outgoing(1));
      expect(server.mailFrom).toEqual([
        { address: 'bounce@kielregion.example', args: { SIZE: String(message(1).length) } },
      ]);
    });

    it('sends SMTPUTF8 only for a non-ASCII address, and refuses one when the server lacks it', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const t = client({ url: `smtp://127.0.0.1:${server.port}` });
      await t.send(envelope(0), outgoing(0));
      await t.send({ from: 'bounce@kielregion.example', to: 'jürgen@example.org' }, outgoing(1));
      // this server announces no SIZE: no SIZE parameter either
      expect(server.mailFrom.map((m) => m.args)).toEqual([false, { SMTPUTF8: true }]);
      expect(server.received.has('jürgen@example.org')).toBe(true);
      await t.close();

      const ascii = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'], hideSMTPUTF8: true });
      const t2 = client({ url: `smtp://127.0.0.1:${ascii.port}` });
      const error = await t2
        .send({ from: 'bounce@kielregion.example', to: 'jürgen@example.org' }, outgoing(2))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'ESMTPUTF8',
        message: expect.stringContaining('jürgen@example.org'),
      });
      expect(classifySmtpError(error)).toMatchObject({ phase: 'RCPT', action: 'fail-recipient' });
      expect(ascii.mailFrom).toEqual([]);
    });

    it('stuffs a dot only at the start of a line, never after a bare CR', async () => {
      const server = await startServer({ disabledCommands: ['STARTTLS', 'AUTH'] });
      const t = client({ url: `smtp://127.0.0.1:${server.port}` });
      const body = 'a\r.b\r\n.c\r\n..d\r\nend\r\n';
      await t.send(envelope(0), outgoing(0, body));
      expect(server.received.get('b0@example.org')?.toString('latin1')).toBe(
        message(0, body).toString('latin1'),
      );
      const parsed = await simpleParser(server.received.get('b0@example.org')!);
      expect(parsed.subject).toBe('Nummer 0');
    });
  });
});
