import { createServer, type Server } from 'node:http';

/** What the health endpoint asks the process. */
export interface HealthProbe {
  /** Liveness: the process runs and is not shutting down. */
  live(): boolean;
  /** Readiness: Redis and the database answer. */
  ready(): Promise<{ ok: boolean; checks: Record<string, string> }>;
  /** Prometheus text. */
  metrics(): Promise<string>;
}

/** Serves `/healthz`, `/readyz` and `/metrics` on `port` (0 picks a free port). */
export async function startHealthServer(
  port: number,
  probe: HealthProbe,
): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/healthz') {
        const live = probe.live();
        res
          .writeHead(live ? 200 : 503, { 'content-type': 'text/plain' })
          .end(live ? 'ok\n' : 'shutting down\n');
      } else if (req.url === '/readyz') {
        const { ok, checks } = await probe.ready();
        res
          .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
          .end(`${JSON.stringify({ ok, checks })}\n`);
      } else if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(await probe.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : port };
}
