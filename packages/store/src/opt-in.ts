import {
  ConsentSource,
  canTransition,
  Language,
  Line,
  ListId,
  RegionId,
  Salutation,
  SUBSCRIBER_LIFECYCLE,
  type Subscriber,
  type SubscriberStatus,
  TopicId,
} from '@regiokit/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Actor, writeAudit } from './audit-log';
import { appendConsent, ensureConsentText } from './consent-log';
import { type Executor, queryRows } from './database';
import { requireList, topicsOfList } from './mailing-lists';
import { NormalisedEmail } from './normalised-email';
import { parseInput } from './parse-input';
import type { StoreContext } from './store-context';
import { StoreError } from './store-error';
import {
  changeSubscriberStatus,
  isUuid,
  requireSubscriber,
  SubscriberProfile,
  writeProfile,
} from './subscribers';
import { createToken, TOKEN_LIFETIMES, type TokenClaims, type TokenPurpose, verifyToken } from './tokens';
import { assertKnownTopics, loadTopicIds } from './topics';
import { createUuidV7 } from './uuid-v7';

/** A sign-up (double opt-in, step 1) from a form or the API. */
export const OptInRequest = z.object({
  regionId: RegionId,
  email: NormalisedEmail,
  listId: ListId,
  topics: z.array(TopicId).default([]),
  firstName: Line.max(100).optional(),
  lastName: Line.max(100).optional(),
  salutation: Salutation.optional(),
  language: Language.optional(),
  source: ConsentSource.exclude(['import']).default('form'),
  /** The consent text shown, verbatim; needed the first time a version is used. */
  consentText: z.string().trim().min(1).optional(),
  /** Version of the consent text, e.g. `2026-01`. */
  consentTextVersion: Line.max(50),
  ip: z.string().trim().min(1).max(100).optional(),
  userAgent: z.string().trim().min(1).max(1000).optional(),
});
export type OptInRequest = z.input<typeof OptInRequest>;

/** Result of {@link OptInService.request}. */
export interface OptInRequested {
  readonly subscriberId: string;
  /** `pending`, or `active` when the address was already confirmed (the token then adds the new list or topics). */
  readonly status: SubscriberStatus;
  /** True when the subscriber is already active on the list: no confirmation mail is needed. */
  readonly alreadySubscribed: boolean;
  /** Consent log entry of this request. */
  readonly requestId: number;
  /** Goes into the confirmation link; valid for {@link TOKEN_LIFETIMES}.confirm. */
  readonly confirmToken: string;
}

/** Where a click came from, kept in the consent log (hashed unless the `clientData` option says plain). */
export interface ClientContext {
  readonly ip?: string;
  readonly userAgent?: string;
  /** `form` (a page, the default) or `api` (e.g. a one-click List-Unsubscribe POST). */
  readonly source?: 'form' | 'api';
}

/** New choices of a subscriber on the preferences page. */
export const PreferencesChange = SubscriberProfile.extend({ topics: z.array(TopicId).optional() });
export type PreferencesChange = z.input<typeof PreferencesChange>;

/**
 * Double opt-in and self-service, for the web app: request → confirm, unsubscribe, preferences.
 * Links carry tokens signed with the store secret (see `createToken`); every change is logged
 * in the consent log.
 */
export interface OptInService {
  /** Step 1: records the request (subscriber `pending` unless already active) and returns the confirm token. */
  request(input: OptInRequest): Promise<OptInRequested>;
  /** Step 2: the confirm link's POST. Makes the subscriber `active` on the requested list; idempotent. */
  confirm(
    token: string,
    client?: ClientContext,
  ): Promise<{ subscriber: Subscriber; alreadyConfirmed: boolean }>;
  /** A fresh confirm token for the latest unconfirmed sign-up (resend, or after an import). */
  createConfirmToken(subscriberId: string): Promise<string>;
  /** The unsubscribe link's POST: leaves the token's list, or everything; idempotent. */
  unsubscribe(token: string, client?: ClientContext): Promise<{ subscriber: Subscriber; changed: boolean }>;
  /** Unsubscribes without a token (staff or API; audited when `actor` is given). */
  unsubscribeSubscriber(
    subscriberId: string,
    options?: ClientContext & { listId?: string; actor?: string },
  ): Promise<{ subscriber: Subscriber; changed: boolean }>;
  /** The subscriber a preferences link belongs to (for rendering the page). */
  preferences(token: string): Promise<Subscriber>;
  /** The preferences page's POST: topics (replaced), name, salutation, language. */
  updatePreferences(token: string, change: PreferencesChange, client?: ClientContext): Promise<Subscriber>;
  /** Token for the unsubscribe link and List-Unsubscribe header; never expires, survives topic changes. */
  createUnsubscribeToken(subscriberId: string, listId?: string): string;
  /** Token for the preferences link; never expires. */
  createPreferencesToken(subscriberId: string): string;
}

const TOKEN_PROBLEMS = {
  malformed: 'the link is incomplete or damaged',
  signature: 'the link is not valid',
  purpose: 'the link is meant for something else',
  expired: 'the link has expired; please sign up again',
} as const;

/** Builds the {@link OptInService}. */
export function createOptInService(ctx: StoreContext): OptInService {
  const { database } = ctx;

  function claimsOf(token: string, purpose: TokenPurpose): TokenClaims {
    const check = verifyToken(ctx.secret, token, purpose, ctx.clock());
    if (!check.valid)
      throw new StoreError('INVALID_TOKEN', `${purpose} token: ${TOKEN_PROBLEMS[check.reason]}`);
    return check.claims;
  }

  async function subscriberOf(tx: Executor, claims: TokenClaims): Promise<Subscriber> {
    try {
      return await requireSubscriber(tx, claims.subscriberId, true);
    } catch (error) {
      throw new StoreError('INVALID_TOKEN', `${claims.purpose} token: the subscriber no longer exists`, {
        cause: error,
      });
    }
  }

  function confirmToken(subscriberId: string, requestId: number): string {
    return createToken(ctx.secret, {
      purpose: 'confirm',
      subscriberId,
      ref: String(requestId),
      now: ctx.clock(),
    });
  }

  async function leave(
    tx: Executor,
    subscriber: Subscriber,
    listId: string | undefined,
    client: ClientContext,
  ): Promise<boolean> {
    const lists = listId === undefined ? subscriber.listIds : subscriber.listIds.filter((l) => l === listId);
    const remaining = subscriber.listIds.filter((l) => !lists.includes(l));
    const leavesAll = remaining.length === 0;
    const statusChanges = leavesAll && canTransition(SUBSCRIBER_LIFECYCLE, subscriber.status, 'unsubscribed');
    if (lists.length === 0 && !statusChanges) return false;
    await tx.execute(sql`delete from subscriber_lists where subscriber_id = ${subscriber.id}
      and list_id in (select value from json_array_elements_text(${JSON.stringify(lists)}::json))`);
    if (statusChanges) await changeSubscriberStatus(tx, subscriber, 'unsubscribed');
    await appendConsent(tx, [
      {
        subscriberId: subscriber.id,
        regionId: subscriber.regionId,
        email: subscriber.email,
        action: 'withdrawn',
        source: client.source ?? 'form',
        ...(listId === undefined ? {} : { listId }),
        ...protectClient(ctx, client),
      },
    ]);
    return true;
  }

  return {
    request: (input) =>
      database.transaction(async (tx) => {
        const r = parseInput(OptInRequest, input, 'sign-up');
        const list = await requireList(tx, r.regionId, r.listId);
        assertKnownTopics(
          r.topics,
          await topicsOfList(tx, list),
          'sign-up',
          'topics',
          ` on list "${list.id}"`,
        );
        await ensureConsentText(tx, r.regionId, r.consentTextVersion, r.consentText, 'sign-up');
        const [inserted] = await queryRows<{ id: string }>(
          tx,
          sql`insert into subscribers (id, region_id, email, email_hash, first_name, last_name, salutation, language, status)
              values (${createUuidV7()}, ${r.regionId}, ${r.email}, ${ctx.hashEmail(r.email)}, ${r.firstName ?? null},
                ${r.lastName ?? null}, ${r.salutation ?? 'none'}, ${r.language ?? list.language}, 'pending')
              on conflict (region_id, email) do nothing
              returning id`,
        );
        let subscriber: Subscriber;
        if (inserted === undefined) {
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`select id from subscribers where region_id = ${r.regionId} and email = ${r.email}`,
          );
          if (row === undefined)
            throw new StoreError('CONFLICT', 'email: the address changed meanwhile; try again');
          subscriber = await requireSubscriber(tx, row.id, true);
          if (subscriber.status !== 'active' && subscriber.status !== 'pending') {
            // Coming back after leaving, a bounce or a complaint starts afresh: only the lists
            // this sign-up names, once confirmed.
            await changeSubscriberStatus(tx, subscriber, 'pending');
            await tx.execute(sql`delete from subscriber_lists where subscriber_id = ${subscriber.id}`);
            subscriber = { ...subscriber, status: 'pending', listIds: [] };
          }
          await writeProfile(tx, subscriber.id, {
            firstName: r.firstName,
            lastName: r.lastName,
            salutation: r.salutation,
            language: r.language,
          });
        } else {
          subscriber = await requireSubscriber(tx, inserted.id);
        }
        const alreadySubscribed =
          subscriber.status === 'active' &&
          subscriber.listIds.includes(r.listId) &&
          r.topics.every((t) => subscriber.topics.includes(t));
        // A pending subscriber receives nothing, so the list and topics can be recorded now; an
        // active one gets them only once this request is confirmed.
        if (subscriber.status === 'pending') await addToList(tx, subscriber, r.listId, r.topics);
        const [requestId] = await appendConsent(tx, [
          {
            subscriberId: subscriber.id,
            regionId: r.regionId,
            email: r.email,
            action: 'requested',
            source: r.source,
            listId: r.listId,
            topics: r.topics,
            consentTextVersion: r.consentTextVersion,
            ...protectClient(ctx, r),
          },
        ]);
        return {
          subscriberId: subscriber.id,
          status: subscriber.status,
          alreadySubscribed,
          requestId: requestId!,
          confirmToken: confirmToken(subscriber.id, requestId!),
        };
      }),

    confirm: (token, client = {}) =>
      database.transaction(async (tx) => {
        const claims = claimsOf(token, 'confirm');
        const subscriber = await subscriberOf(tx, claims);
        const [request] = await queryRows<{
          id: number;
          list_id: string | null;
          topics: string[];
          consent_text_version: string | null;
          confirmed: boolean;
        }>(
          tx,
          sql`select r.id, r.list_id, r.topics, r.consent_text_version,
                exists (select 1 from consent_log c where c.subscriber_id = r.subscriber_id and c.request_id = r.id
                  and c.action = 'confirmed') as confirmed
              from consent_log r
              where r.id = ${Number(claims.ref)} and r.subscriber_id = ${subscriber.id} and r.action = 'requested'`,
        );
        if (request === undefined) {
          throw new StoreError('INVALID_TOKEN', 'confirm token: the sign-up it confirms no longer exists');
        }
        if (request.confirmed) return { subscriber, alreadyConfirmed: true };
        if (subscriber.status !== 'pending' && subscriber.status !== 'active') {
          throw new StoreError(
            'INVALID_TOKEN',
            `confirm token: the subscriber is ${subscriber.status} since this link was sent; please sign up again`,
          );
        }
        await changeSubscriberStatus(tx, subscriber, 'active');
        if (request.list_id !== null) await addToList(tx, subscriber, request.list_id, request.topics);
        // The confirmation proves fresh consent, so an earlier bounce, complaint or erasure no longer applies.
        await tx.execute(sql`delete from suppressions
          where region_id = ${subscriber.regionId} and email_hash = ${ctx.hashEmail(subscriber.email)}`);
        await appendConsent(tx, [
          {
            subscriberId: subscriber.id,
            regionId: subscriber.regionId,
            email: subscriber.email,
            action: 'confirmed',
            source: client.source ?? 'form',
            ...(request.list_id === null ? {} : { listId: request.list_id }),
            topics: request.topics,
            ...(request.consent_text_version === null
              ? {}
              : { consentTextVersion: request.consent_text_version }),
            requestId: Number(request.id),
            ...protectClient(ctx, client),
          },
        ]);
        return { subscriber: await requireSubscriber(tx, subscriber.id), alreadyConfirmed: false };
      }),

    async createConfirmToken(subscriberId) {
      const [row] = await queryRows<{ status: SubscriberStatus; request_id: number | null }>(
        database.db,
        sql`select s.status, (select max(r.id) from consent_log r
              where r.subscriber_id = s.id and r.action = 'requested'
                and not exists (select 1 from consent_log c
                  where c.subscriber_id = r.subscriber_id and c.request_id = r.id)) as request_id
            from subscribers s where s.id = ${isUuid(subscriberId) ? subscriberId : null}::uuid`,
      );
      if (row === undefined) throw new StoreError('NOT_FOUND', `no subscriber ${subscriberId}`);
      if ((row.status !== 'pending' && row.status !== 'active') || row.request_id === null) {
        throw new StoreError(
          'CONFLICT',
          `subscriber ${subscriberId} is ${row.status}${row.request_id === null ? ' without an unconfirmed sign-up' : ''}; only an unconfirmed sign-up can be confirmed`,
        );
      }
      return confirmToken(subscriberId, Number(row.request_id));
    },

    unsubscribe: (token, client = {}) =>
      database.transaction(async (tx) => {
        const claims = claimsOf(token, 'unsubscribe');
        const subscriber = await subscriberOf(tx, claims);
        const changed = await leave(tx, subscriber, claims.ref === '' ? undefined : claims.ref, client);
        return { subscriber: await requireSubscriber(tx, subscriber.id), changed };
      }),

    unsubscribeSubscriber: (subscriberId, options = {}) =>
      database.transaction(async (tx) => {
        if (options.actor !== undefined) parseInput(Actor, options.actor, 'unsubscribe', 'actor');
        const subscriber = await requireSubscriber(tx, subscriberId, true);
        const changed = await leave(tx, subscriber, options.listId, {
          ...options,
          source: options.source ?? 'api',
        });
        if (changed && options.actor !== undefined) {
          await writeAudit(tx, {
            actor: options.actor,
            action: 'subscriber.unsubscribed',
            regionId: subscriber.regionId,
            target: `subscriber:${subscriber.id}`,
            details: options.listId === undefined ? {} : { listId: options.listId },
          });
        }
        return { subscriber: await requireSubscriber(tx, subscriber.id), changed };
      }),

    preferences: (token) => database.transaction((tx) => subscriberOf(tx, claimsOf(token, 'preferences'))),

    updatePreferences: (token, input, client = {}) =>
      database.transaction(async (tx) => {
        const claims = claimsOf(token, 'preferences');
        const change = parseInput(PreferencesChange, input, 'preferences');
        const subscriber = await subscriberOf(tx, claims);
        if (change.topics !== undefined) {
          assertKnownTopics(
            change.topics,
            await loadTopicIds(tx, subscriber.regionId),
            'preferences',
            'topics',
            ` in region "${subscriber.regionId}"`,
          );
          await tx.execute(sql`delete from subscriber_topics where subscriber_id = ${subscriber.id}`);
          await addTopics(tx, subscriber, change.topics);
        }
        await writeProfile(tx, subscriber.id, change);
        if (change.topics !== undefined) {
          await appendConsent(tx, [
            {
              subscriberId: subscriber.id,
              regionId: subscriber.regionId,
              email: subscriber.email,
              action: 'preferences-changed',
              source: client.source ?? 'form',
              topics: change.topics,
              ...protectClient(ctx, client),
            },
          ]);
        }
        return requireSubscriber(tx, subscriber.id);
      }),

    createUnsubscribeToken: (subscriberId, listId) =>
      createToken(ctx.secret, { purpose: 'unsubscribe', subscriberId, ref: listId ?? '', now: ctx.clock() }),

    createPreferencesToken: (subscriberId) =>
      createToken(ctx.secret, { purpose: 'preferences', subscriberId, now: ctx.clock() }),
  };
}

async function addToList(tx: Executor, subscriber: Subscriber, listId: string, topics: readonly string[]) {
  await tx.execute(sql`insert into subscriber_lists (region_id, list_id, subscriber_id)
    values (${subscriber.regionId}, ${listId}, ${subscriber.id}) on conflict do nothing`);
  await addTopics(tx, subscriber, topics);
}

async function addTopics(tx: Executor, subscriber: Subscriber, topics: readonly string[]) {
  if (topics.length === 0) return;
  await tx.execute(sql`insert into subscriber_topics (subscriber_id, region_id, topic_id)
    select ${subscriber.id}, ${subscriber.regionId}, value from json_array_elements_text(${JSON.stringify(topics)}::json)
    on conflict do nothing`);
}

function protectClient(
  ctx: StoreContext,
  client: { ip?: string | undefined; userAgent?: string | undefined },
) {
  const ip = ctx.protectClientData(client.ip);
  const userAgent = ctx.protectClientData(client.userAgent);
  return { ...(ip === undefined ? {} : { ip }), ...(userAgent === undefined ? {} : { userAgent }) };
}
