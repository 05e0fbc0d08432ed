import type { ClientContext } from '@regiokit/store';
import type { Context } from 'hono';
import { type Logger, pino } from 'pino';
import { type AppDeps, DEFAULT_RATE_LIMITS, type RateLimits } from './app-deps';
import { choosePageLanguage, type PageLanguage } from './i18n/language';
import { readClientIp } from './security/client-ip';
import { CsrfGuard } from './security/csrf';

/** What the route modules share, built once by {@link createApp}. */
export interface WebContext {
  readonly deps: AppDeps;
  readonly csrf: CsrfGuard;
  readonly limits: RateLimits;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly publicUrl: string;
  clientIp(c: Context): string;
  /** Where a click came from, for the consent log: IP, user agent (cut to what the store keeps), source. */
  clientContext(c: Context, source: 'form' | 'api'): ClientContext;
  pageLanguage(c: Context): PageLanguage;
}

/** Builds the {@link WebContext} from the dependencies. */
export function createWebContext(deps: AppDeps): WebContext {
  const publicUrl = new URL(deps.publicUrl).origin;
  const trustProxy = deps.trustProxy ?? 0;
  return {
    deps,
    csrf: new CsrfGuard(deps.secret, publicUrl),
    limits: { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits },
    now: deps.now ?? (() => new Date()),
    logger: deps.logger ?? pino({ level: 'silent' }),
    publicUrl,
    clientIp: (c) => readClientIp(c, trustProxy),
    clientContext(c, source) {
      const userAgent = c.req.header('user-agent')?.trim().slice(0, 1000);
      return {
        ip: readClientIp(c, trustProxy),
        ...(userAgent === undefined || userAgent === '' ? {} : { userAgent }),
        source,
      };
    },
    pageLanguage: (c) => choosePageLanguage(c.req.query('lang'), c.req.header('accept-language')),
  };
}
