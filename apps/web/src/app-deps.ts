import type { Language, Salutation, TimePlan } from '@regiokit/core';
import type { Store } from '@regiokit/store';
import type { Logger } from 'pino';
import type { RateLimiter, RateRule } from './security/rate-limiter';

/** A service mail for one person, queued through the worker's service-mail queue. */
export type ServiceMailRequest =
  | ({ kind: 'double-opt-in'; confirmUrl: string } & ServiceMailRecipient)
  | ({ kind: 'unsubscribe-confirmation'; resubscribeUrl?: string } & ServiceMailRecipient);

/** Who a service mail goes to. */
export interface ServiceMailRecipient {
  regionId: string;
  subscriberId: string;
  email: string;
  language: Language;
  firstName?: string;
  lastName?: string;
  salutation?: Salutation;
}

/**
 * What the web app needs of the worker's producer API: the service-mail queue and campaign
 * control. Campaigns are named by region and id (ids are unique per region); the composition root
 * adapts the worker's `Producer` to this.
 */
export interface WorkerProducer {
  sendServiceMail(job: ServiceMailRequest): Promise<{ jobId: string }>;
  scheduleCampaign(
    regionId: string,
    campaignId: string,
    plan: TimePlan,
  ): Promise<{ jobId: string; runAt: Date | undefined }>;
  /** Replaces the plan of a campaign that has not started; the old time never fires. */
  rescheduleCampaign(
    regionId: string,
    campaignId: string,
    plan: TimePlan,
  ): Promise<{ jobId: string; runAt: Date | undefined }>;
  pauseCampaign(regionId: string, campaignId: string): Promise<void>;
  resumeCampaign(regionId: string, campaignId: string): Promise<void>;
  cancelCampaign(regionId: string, campaignId: string): Promise<void>;
  /** Sends the test variant of a campaign to one address. */
  sendTest(regionId: string, campaignId: string, email: string): Promise<{ jobId: string }>;
}

/** The rate limits of the app; each can be replaced (tests use small windows). */
export interface RateLimits {
  /** Sign-up form posts per client IP. */
  signUpPerIp: RateRule;
  /** Sign-ups per address: more are answered the same way but send nothing. */
  signUpPerAddress: RateRule;
  /** Other public form posts (confirm, unsubscribe, preferences) per client IP. */
  publicPostPerIp: RateRule;
  /** API calls per token. */
  apiPerToken: RateRule;
  /** Failed API authentications per client IP. */
  apiAuthFailuresPerIp: RateRule;
}

/** Default {@link RateLimits}. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  signUpPerIp: { name: 'sign-up-ip', limit: 10, windowSeconds: 15 * 60 },
  signUpPerAddress: { name: 'sign-up-address', limit: 3, windowSeconds: 60 * 60 },
  publicPostPerIp: { name: 'public-post-ip', limit: 60, windowSeconds: 60 },
  apiPerToken: { name: 'api-token', limit: 600, windowSeconds: 60 },
  apiAuthFailuresPerIp: { name: 'api-auth-failure-ip', limit: 20, windowSeconds: 15 * 60 },
};

/** Everything {@link createApp} needs; the composition root (or a test) builds it. */
export interface AppDeps {
  store: Store;
  producer: WorkerProducer;
  rateLimiter: RateLimiter;
  /** REGIOKIT_SECRET: the store's token key; the app derives its CSRF key from it. */
  secret: string;
  /** Origin of links in mails and pages, e.g. `https://newsletter.kielregion.de`. */
  publicUrl: string;
  /** Proxies in front that add to `X-Forwarded-For` (0: use the socket's address). */
  trustProxy?: number;
  /** The clock (embargoes, token expiry); defaults to the system clock. */
  now?: () => Date;
  logger?: Logger;
  rateLimits?: Partial<RateLimits>;
}
