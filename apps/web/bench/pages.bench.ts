import { KIELREGION } from '@regiokit/core/examples';
import { inputValue } from '../test/support/client';
import { findFreePort, listen } from '../test/support/http-server';
import { type Backend, createWorld } from '../test/support/world';

/**
 * Requests per second and latency of the public pages over real HTTP (Node server, PGlite or
 * PostgreSQL, Redis rate limits), with CONCURRENCY clients in this process for SECONDS each.
 */
const CONCURRENCY = 16;
const SECONDS = 3;
const OPEN = { name: 'bench', limit: 10_000_000, windowSeconds: 60 };

interface Row {
  backend: Backend;
  endpoint: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(run: (n: number) => Promise<number>): Promise<Omit<Row, 'backend' | 'endpoint'>> {
  for (let i = 0; i < 20; i++) await run(-i - 1);
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await run(n++);
        latencies.push(performance.now() - t);
        if (status >= 400) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

async function benchBackend(backend: Backend): Promise<Row[]> {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const world = await createWorld({
    backend,
    publicUrl: base,
    rateLimits: { signUpPerIp: OPEN, signUpPerAddress: OPEN, publicPostPerIp: OPEN },
  });
  const server = await listen(world.app, port);
  try {
    const list = KIELREGION.lists[0]!;
    const requested = await world.store.optIn.request({
      regionId: 'kielregion',
      email: 'bench@example.org',
      listId: list.id,
      consentText: 'Text',
      consentTextVersion: 'bench',
    });
    await world.store.optIn.confirm(requested.confirmToken);
    const unsubscribe = world.store.optIn.createUnsubscribeToken(requested.subscriberId, list.id);
    const form = await fetch(`${base}/kielregion/subscribe`);
    const html = await form.text();
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    const signUp = new URLSearchParams({
      _csrf: inputValue(html, '_csrf')!,
      consentVersion: inputValue(html, 'consentVersion')!,
      consent: 'yes',
    });
    const get = (path: string) => async () => (await drain(await fetch(`${base}${path}`))).status;
    const endpoints: [string, (n: number) => Promise<number>][] = [
      ['GET /health', get('/health')],
      ['GET /{region}/subscribe', get('/kielregion/subscribe')],
      ['GET /{region}/archive', get('/kielregion/archive')],
      [
        'POST /{region}/subscribe (new address)',
        async (n) => {
          const body = new URLSearchParams(signUp);
          body.set('email', `bench-${backend}-${n}@example.org`);
          const res = await fetch(`${base}/kielregion/subscribe`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
            body,
          });
          return (await drain(res)).status;
        },
      ],
      [
        'POST /u/{token} one-click',
        async () =>
          (
            await drain(
              await fetch(`${base}/u/${unsubscribe}`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: 'List-Unsubscribe=One-Click',
              }),
            )
          ).status,
      ],
    ];
    const rows: Row[] = [];
    for (const [endpoint, run] of endpoints) rows.push({ backend, endpoint, ...(await measure(run)) });
    return rows;
  } finally {
    await server.close();
    await world.cleanup();
  }
}

async function drain(res: Response): Promise<Response> {
  await res.arrayBuffer();
  return res;
}

const rows = [...(await benchBackend('pglite')), ...(await benchBackend('postgres'))];
console.log(
  `\nweb pages over HTTP, ${CONCURRENCY} concurrent clients, ${SECONDS} s each (node ${process.version})\n`,
);
console.table(
  rows.map((r) => ({
    backend: r.backend,
    endpoint: r.endpoint,
    'requests/s': Math.round(r.perSecond),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    errors: r.errors,
  })),
);
