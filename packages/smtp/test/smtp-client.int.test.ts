import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { classifySmtpError } from '../src/classify-smtp-error';
import type { MailTransport } from '../src/mail-transport';
import { createPipelinedSmtpTransport } from '../src/smtp-client';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';

const message = (i: number, body = `Hallo Nummer ${i}\r\n`) =>
  Buffer.from(
    `Message-ID: <m${i}@kielregion.example>\r\nFrom: a@kielregion.example\r\nTo: b${i}@example.org\r\nSubject: Nummer ${i}\r\n\r\n${body}`,
  );
const envelope = (i: number) => ({ from: 'bounce@kielregion.example', to: `b${i}@example.org` });

describe('createPipelinedSmtpTransport', () => {
  let smtp: SmtpCapture | undefined;
  let transport: MailTransport | undefined;
  const servers: SMTPServer[] = [];
  afterEach(async () => {
    await transport?.close();
    await smtp?.stop();
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
  });

  it('delivers many messages over a pool, byte for byte, with dot-stuffing where needed', async () => {
    smtp = await startSmtpCapture();
    transport = createPipelinedSmtpTransport({ url: smtp.url, poolSize: 3 });
    const sent = Array.from({ length: 300 }, (_, i) =>
      message(i, i % 50 === 0 ? '.dot first\r\n..two\r\nend\r\n' : undefined),
    );
    const replies = await Promise.all(
      sent.map((raw, i) => transport!.send(envelope(i), { messageId: `<m${i}>`, chunks: [raw] })),
    );
    expect(replies.every((r) => r.response.startsWith('250'))).toBe(true);
    expect(smtp.total()).toBe(300);
    for (let i = 0; i < 300; i++)
      expect(smtp.received.get(`b${i}@example.org`)?.[0]?.equals(sent[i]!)).toBe(true);
    const parsed = await simpleParser(smtp.received.get('b0@example.org')?.[0] as Buffer);
    expect(parsed.text).toBe('.dot first\n..two\nend\n');
  });

  it('fails one recipient with 550 and goes on with the next on the same connection', async () => {
    smtp = await startSmtpCapture({
      onRcpt: (a) => (a === 'b3@example.org' ? { code: 550, message: '550 5.1.1 User unknown' } : undefined),
      onData: (n) => (n === 5 ? { code: 451, message: '451 4.3.0 Try later' } : undefined),
    });
    transport = createPipelinedSmtpTransport({ url: smtp.url, poolSize: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        transport!.send(envelope(i), { messageId: '', chunks: [message(i)] }),
      ),
    );
    const errors = results.map((r) => (r.status === 'rejected' ? classifySmtpError(r.reason) : undefined));
    expect(errors[3]).toMatchObject({ kind: 'permanent', scope: 'recipient', hardBounce: true, code: 550 });
    const refusedAtData = errors.filter((e) => e?.code === 451);
    expect(refusedAtData).toHaveLength(1);
    expect(refusedAtData[0]).toMatchObject({ kind: 'temporary', scope: 'recipient', throttle: true });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    expect(smtp.total()).toBe(6);
  });

  it('reports a message handed over before its reply, and not one refused at the envelope', async () => {
    smtp = await startSmtpCapture({
      onRcpt: (a) => (a === 'b1@example.org' ? { code: 550, message: '550 5.1.1 User unknown' } : undefined),
      onData: (n) => (n === 2 ? { code: 451, message: '451 4.3.0 Try later' } : undefined),
    });
    transport = createPipelinedSmtpTransport({ url: smtp.url, poolSize: 1 });
    const events: string[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        transport!
          .send(envelope(i), {
            messageId: '',
            chunks: [message(i)],
            onHandOver: () => events.push(`handed ${i}`),
            onHandOverDelayed: () => events.push(`delayed ${i}`),
            onAccepted: () => events.push(`accepted ${i}`),
          })
          .catch((error: unknown) => {
            events.push(`failed ${i}`);
            throw error;
          }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    // b1 never got to DATA; b2 (the second DATA) was all on its way, then refused with 451
    for (const i of [0, 2, 3]) expect(events.indexOf(`handed ${i}`)).toBeGreaterThanOrEqual(0);
    expect(events).not.toContain('handed 1');
    expect(events.indexOf('handed 0')).toBeLessThan(events.indexOf('accepted 0'));
    expect(events.indexOf('handed 2')).toBeLessThan(events.indexOf('failed 2'));
    expect(events).not.toContain('accepted 2');
    // 4 small messages: the kernel takes each whole at once
    expect(events.filter((e) => e.startsWith('delayed'))).toEqual([]);
  });

  it('reports a refused connection as temporary and recovers when the server is back', async () => {
    transport = createPipelinedSmtpTransport({ url: 'smtp://127.0.0.1:1', poolSize: 1 });
    const error = await transport
      .send(envelope(0), { messageId: '', chunks: [message(0)] })
      .catch((e: unknown) => e);
    expect(classifySmtpError(error)).toMatchObject({
      kind: 'temporary',
      scope: 'transport',
      status: 'ECONNECTION',
    });
  });

  it('fails a connection whose reply is overdue, but not one that is merely idle', async () => {
    let n = 0;
    let connections = 0;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        // the third message is never answered
        stream.on('end', () => (++n === 3 ? undefined : callback()));
      },
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    transport = createPipelinedSmtpTransport({
      url: `smtp://127.0.0.1:${port}`,
      poolSize: 1,
      replyTimeoutMs: 300,
    });
    await transport.send(envelope(1), { messageId: '', chunks: [message(1)] });
    // idle for longer than the timeout: the connection is still good
    await new Promise((r) => setTimeout(r, 700));
    const second = await transport.send(envelope(2), { messageId: '', chunks: [message(2)] });
    expect(second.response).toMatch(/^250/);
    expect(connections).toBe(1);
    const started = Date.now();
    const error = await transport
      .send(envelope(3), { messageId: '', chunks: [message(3)] })
      .catch((e: unknown) => e);
    expect(classifySmtpError(error)).toMatchObject({ kind: 'temporary', status: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('upgrades with STARTTLS and authenticates with AUTH PLAIN', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      logger: false,
      authMethods: ['PLAIN'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'regiokit' && auth.password === 'geh eim')
          return callback(null, { user: auth.username });
        callback(new Error('535 5.7.8 bad credentials'));
      },
      onData(stream, session, callback) {
        received.push(`${session.secure}:${session.user}`);
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    transport = createPipelinedSmtpTransport({
      url: `smtp://regiokit:geh%20eim@127.0.0.1:${port}`,
      poolSize: 1,
      insecureTls: true,
    });
    await transport.send(envelope(1), { messageId: '', chunks: [message(1)] });
    expect(received).toEqual(['true:regiokit']);
    await transport.close();
    transport = createPipelinedSmtpTransport({
      url: `smtp://regiokit:wrong@127.0.0.1:${port}`,
      poolSize: 1,
      insecureTls: true,
    });
    const error = await transport
      .send(envelope(2), { messageId: '', chunks: [message(2)] })
      .catch((e: unknown) => e);
    expect(classifySmtpError(error)).toMatchObject({ kind: 'permanent', scope: 'transport' });
  });
});
