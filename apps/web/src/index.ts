// The app factory and what it needs

export { createApp } from './app';
export type { AppDeps, RateLimits, ServiceMailRequest, WorkerProducer } from './app-deps';
export { DEFAULT_RATE_LIMITS } from './app-deps';
// Configuration from the environment
export type { WebConfig } from './config';
export { ConfigError, loadConfig, WebEnv } from './config';
// The public addresses that mails link to
export { absoluteUrl, PATHS } from './http/links';
// Running the server (main.ts and `regiokit web`)
export type { WebServer } from './run-web';
export { runWebServer } from './run-web';
// Shared rate limits on Redis
export type { RateDecision, RateLimiter, RateRule } from './security/rate-limiter';
export { createRedisRateLimiter } from './security/rate-limiter';
