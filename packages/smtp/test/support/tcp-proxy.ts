import { connect, createServer, type Server, type Socket } from 'node:net';

/** What passed through the proxy, in the order it arrived. */
export interface ProxyEvent {
  from: 'client' | 'server';
  data: string;
}

/** Settings of {@link startTcpProxy}. */
export interface TcpProxyOptions {
  /** Changes what the server sends before the client sees it (e.g. strips STARTTLS). */
  rewriteServer?: (chunk: string, client: string) => string;
  /** Cuts both connections, before forwarding, once the client's bytes so far match. */
  cutWhen?: (client: string) => boolean;
}

/**
 * A TCP proxy on 127.0.0.1 in front of a real SMTP server: it records both directions and can
 * rewrite or cut them, as a middlebox on the way would.
 */
export interface TcpProxy {
  port: number;
  /** Per connection, everything in both directions. */
  transcripts: ProxyEvent[][];
  /** Whether any connection was cut by `cutWhen`. */
  cut: () => boolean;
  stop(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const transcripts: ProxyEvent[][] = [];
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    const events: ProxyEvent[] = [];
    transcripts.push(events);
    let fromClient = '';
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      fromClient += text;
      events.push({ from: 'client', data: text });
      if (options.cutWhen?.(fromClient)) {
        cut = true;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const text = options.rewriteServer
        ? options.rewriteServer(chunk.toString('latin1'), fromClient)
        : undefined;
      events.push({ from: 'server', data: text ?? chunk.toString('latin1') });
      client.write(text === undefined ? chunk : Buffer.from(text, 'latin1'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    transcripts,
    cut: () => cut,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The most SMTP commands a client had sent at once without their replies, over one plaintext
 * transcript: 1 for a client that waits for each reply, 3 or more for one that pipelines
 * MAIL, RCPT and DATA. Message content (after a 354, up to the final dot) is no command.
 */
export function maxCommandsInFlight(events: readonly ProxyEvent[]): number {
  let outstanding = 0;
  let max = 0;
  let inContent = false;
  let clientRest = '';
  let serverRest = '';
  for (const event of events) {
    if (event.from === 'server') {
      serverRest += event.data;
      let end = serverRest.indexOf('\n');
      while (end >= 0) {
        const line = serverRest.slice(0, end);
        serverRest = serverRest.slice(end + 1);
        end = serverRest.indexOf('\n');
        if (line[3] === '-') continue;
        if (line.startsWith('220') && outstanding === 0) continue; // the greeting
        outstanding = Math.max(0, outstanding - 1);
        if (line.startsWith('354')) inContent = true;
      }
      continue;
    }
    clientRest += event.data;
    for (;;) {
      if (inContent) {
        const end = clientRest.indexOf('\r\n.\r\n');
        if (end < 0) break;
        clientRest = clientRest.slice(end + 5);
        inContent = false;
        outstanding++; // the final dot awaits its reply
        max = Math.max(max, outstanding);
        continue;
      }
      const end = clientRest.indexOf('\r\n');
      if (end < 0) break;
      clientRest = clientRest.slice(end + 2);
      outstanding++;
      max = Math.max(max, outstanding);
    }
  }
  return max;
}
