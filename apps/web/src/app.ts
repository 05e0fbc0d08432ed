import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { registerApiRoutes } from './api/api-router';
import { API_ROUTES } from './api/api-routes';
import type { AppDeps } from './app-deps';
import { sendErrorPage } from './pages/error-page';
import { createPageContext } from './pages/page-context';
import { registerArchiveRoutes } from './routes/archive';
import { registerAssetRoutes } from './routes/assets';
import { registerConfirmRoutes } from './routes/confirm';
import { registerHealthRoute } from './routes/health';
import { registerPreferencesRoutes } from './routes/preferences';
import { registerSignUpRoutes } from './routes/sign-up';
import { registerUnsubscribeRoutes } from './routes/unsubscribe';
import { securityHeaders } from './security/security-headers';
import { createWebContext } from './web-context';

/** Largest body a public form may send. */
const FORM_BODY_LIMIT = 32 * 1024;

/**
 * Builds the web app: public subscriber pages, the archive, the JSON API and the health endpoint,
 * with security headers on every answer. Listening is the caller's job (see `main.ts`).
 */
export function createApp(deps: AppDeps): Hono {
  const web = createWebContext(deps);
  const app = new Hono();
  app.use(securityHeaders({ https: web.publicUrl.startsWith('https:') }));
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return bodyLimit({
      maxSize: FORM_BODY_LIMIT,
      onError: (cc) => sendErrorPage(cc, createPageContext(web.pageLanguage(cc), cc.req.path), 'bad-request'),
    })(c, next);
  });

  registerHealthRoute(app, web);
  registerApiRoutes(app, web, API_ROUTES);
  registerAssetRoutes(app, web);
  registerConfirmRoutes(app, web);
  registerUnsubscribeRoutes(app, web);
  registerPreferencesRoutes(app, web);
  registerSignUpRoutes(app, web);
  registerArchiveRoutes(app, web);

  app.notFound((c) => sendErrorPage(c, createPageContext(web.pageLanguage(c), c.req.path), 'not-found'));
  app.onError((error, c) => {
    web.logger.error({ err: error, method: c.req.method, path: c.req.routePath }, 'request failed');
    return sendErrorPage(c, createPageContext(web.pageLanguage(c), c.req.path), 'server');
  });
  return app;
}
