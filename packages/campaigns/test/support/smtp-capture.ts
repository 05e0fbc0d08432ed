import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** A reply that refuses: `code` 4xx (temporary) or 5xx (permanent). */
export interface Refusal {
  code: number;
  message: string;
}

/** Settings of the in-process SMTP server. */
export interface SmtpCaptureOptions {
  /** Refuse the sender at MAIL FROM. */
  onMailFrom?: (address: string) => Refusal | undefined;
  /** Refuse a recipient at RCPT TO. */
  onRcpt?: (address: string) => Refusal | undefined;
  /** Refuse a message after DATA; `n` counts DATA commands from 1. */
  onData?: (n: number, to: string) => Refusal | undefined;
}

/** A real SMTP server in the test process that keeps every accepted message per recipient. */
export interface SmtpCapture {
  port: number;
  url: string;
  /** Accepted messages per envelope recipient. */
  received: Map<string, Buffer[]>;
  /** When each accepted message arrived (ms since the epoch), in order. */
  arrivals: number[];
  /** Accepted messages per EHLO name of the sending client. */
  bySender: Map<string, number>;
  /** EHLO names of the clients that delivered to each recipient, in order. */
  sendersOf: Map<string, string[]>;
  total(): number;
  stop(): Promise<void>;
}

/** Starts an SMTP server on a free port of 127.0.0.1. */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const received = new Map<string, Buffer[]>();
  const arrivals: number[] = [];
  const bySender = new Map<string, number>();
  const sendersOf = new Map<string, string[]>();
  let dataCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onMailFrom(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error) => void) {
      const refusal = options.onMailFrom?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error) => void) {
      const refusal = options.onRcpt?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('error', () => {});
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        const refusal = options.onData?.(++dataCount, to);
        if (refusal)
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const list = received.get(to) ?? [];
        list.push(Buffer.concat(chunks));
        received.set(to, list);
        arrivals.push(Date.now());
        bySender.set(session.hostNameAppearsAs, (bySender.get(session.hostNameAppearsAs) ?? 0) + 1);
        sendersOf.set(to, [...(sendersOf.get(to) ?? []), session.hostNameAppearsAs]);
        callback();
      });
    },
  });
  // A worker killed in the middle of a conversation resets its connections; the crash tests do
  // exactly that, so a reset is expected here and anything else is reported.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') console.error('SMTP capture server error', error);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    arrivals,
    bySender,
    sendersOf,
    total: () => [...received.values()].reduce((n, l) => n + l.length, 0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
