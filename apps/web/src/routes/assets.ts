import { renderNewsletterPageStyleSheet, type Theme } from '@regiokit/content';
import type { Hono } from 'hono';
import { renderThemeStyleSheet, SITE_CSS, SITE_CSS_PATH } from '../pages/style-sheets';
import { loadRegionView } from '../services/region-view';
import type { WebContext } from '../web-context';

/**
 * Serves the style sheets: the app's (immutable, hashed name), each region's colours, and each
 * region's sheet of the newsletter web version.
 */
export function registerAssetRoutes(app: Hono, web: WebContext): void {
  app.get(SITE_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(SITE_CSS);
  });
  const regionSheets: readonly [string, (theme: Theme) => string][] = [
    ['/assets/theme/:file', renderThemeStyleSheet],
    ['/assets/newsletter/:file', renderNewsletterPageStyleSheet],
  ];
  for (const [path, render] of regionSheets) {
    app.get(path, async (c) => {
      const match = /^([a-z0-9-]{1,64})\.css$/.exec(c.req.param('file') ?? '');
      const view = match === null ? undefined : await loadRegionView(web.deps.store, match[1]!);
      if (view === undefined) return c.text('not found', 404);
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(render(view.theme));
    });
  }
}
