import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A free TCP port on 127.0.0.1 (so PUBLIC_URL can be known before the app is built). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `app` with the Node server on `port`; resolves once it listens. */
export async function listen(app: Hono, port: number): Promise<{ close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
