import type { Hono } from 'hono';
import type { WebContext } from '../web-context';

/** `GET /health`: 200 when the database and Redis answer, else 503; says which, nothing more. */
export function registerHealthRoute(app: Hono, web: WebContext): void {
  app.get('/health', async (c) => {
    const [database, redis] = await Promise.all([
      web.deps.store.records
        .get('region', 'health-check', 'health-check')
        .then(() => true)
        .catch((error: unknown) => {
          web.logger.warn({ err: error }, 'health: database check failed');
          return false;
        }),
      web.deps.rateLimiter.ping(),
    ]);
    const ok = database && redis;
    return c.json(
      {
        status: ok ? 'ok' : 'unavailable',
        checks: { database: database ? 'ok' : 'failing', redis: redis ? 'ok' : 'failing' },
      },
      ok ? 200 : 503,
    );
  });
}
