import { randomUUID } from 'node:crypto';
import { assertTransition, CAMPAIGN_LIFECYCLE, type Campaign, type CampaignStatus } from '@regiokit/core';
import type { Redis } from 'ioredis';
import type {
  CampaignProgress,
  ClaimResult,
  RecipientRecord,
  SendingStore,
  SendOutcome,
} from '../../src/sending/sending-store';

// Claims rows that are free (absent, retry, released) for ARGV[1]; returns claimed then, after a
// '|' marker, rows this owner claimed before.
const CLAIM = `
local claimed, reclaimed = {}, {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local cur = redis.call('HGET', KEYS[1], id)
  if (not cur) or cur == 'retry' or cur == 'released' then
    redis.call('HSET', KEYS[1], id, 'claimed:' .. ARGV[1])
    claimed[#claimed + 1] = id
  elseif cur == 'claimed:' .. ARGV[1] then
    reclaimed[#reclaimed + 1] = id
  end
end
local out = claimed
out[#out + 1] = '|'
for _, id in ipairs(reclaimed) do out[#out + 1] = id end
return out
`;

// Sets the status to ARGV[1] when it is one of ARGV[2..]; returns 1 when it changed.
const TRANSITION = `
local cur = redis.call('HGET', KEYS[1], 'status')
for i = 2, #ARGV do
  if cur == ARGV[i] then
    redis.call('HSET', KEYS[1], 'status', ARGV[1])
    return 1
  end
end
return 0
`;

/**
 * The sending part of the store kept in Redis, for the worker's tests and benchmark until
 * `@regiokit/store` ships its send ledger: the same contract (atomic claims per owner, idempotent
 * settle, compare-and-set status), shared by every process that talks to the same Redis.
 */
export class RedisSendingStore implements SendingStore {
  readonly #redis: Redis;
  readonly #p: string;
  readonly publicUrl: string;

  constructor(redis: Redis, prefix: string, publicUrl = 'https://news.kielregion.example') {
    this.#redis = redis;
    this.#p = `${prefix}:store`;
    this.publicUrl = publicUrl;
  }

  #k(name: string, id = '') {
    return `${this.#p}:${name}${id ? `:${id}` : ''}`;
  }

  /** Adds a campaign record. */
  async putCampaign(campaign: Campaign): Promise<void> {
    await this.#redis.hset(this.#k('campaign', campaign.id), {
      json: JSON.stringify(campaign),
      status: campaign.status,
      reason: '',
    });
  }

  /** Adds `count` active subscribers to the audience; returns them. */
  async addSubscribers(
    count: number,
    make?: (i: number) => Partial<RecipientRecord>,
  ): Promise<RecipientRecord[]> {
    const records: RecipientRecord[] = [];
    let pipeline = this.#redis.pipeline();
    for (let i = 0; i < count; i++) {
      const record: RecipientRecord = {
        id: randomUUID(),
        email: `abonnent${i}@example.org`,
        firstName: `Jörg${i}`,
        lastName: 'Müller',
        salutation: 'herr',
        language: 'de',
        ...make?.(i),
      };
      records.push(record);
      pipeline.hset(this.#k('subscribers'), record.id, JSON.stringify(record));
      pipeline.zadd(this.#k('audience'), 0, record.id);
      if (records.length % 1000 === 0) {
        await pipeline.exec();
        pipeline = this.#redis.pipeline();
      }
    }
    await pipeline.exec();
    return records;
  }

  async suppressedEmails(): Promise<string[]> {
    return this.#redis.smembers(this.#k('suppressed'));
  }

  async ledger(campaignId: string): Promise<Record<string, string>> {
    return this.#redis.hgetall(this.#k('ledger', campaignId));
  }

  async statusReason(campaignId: string): Promise<string | null> {
    return this.#redis.hget(this.#k('campaign', campaignId), 'reason');
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const [json, status, reason] = await this.#redis.hmget(
      this.#k('campaign', id),
      'json',
      'status',
      'reason',
    );
    if (!json) return undefined;
    const campaign = JSON.parse(json) as Campaign;
    return { ...campaign, status: status as CampaignStatus, statusReason: reason || undefined };
  }

  async getCampaignStatus(id: string): Promise<CampaignStatus | undefined> {
    return ((await this.#redis.hget(this.#k('campaign', id), 'status')) ?? undefined) as
      | CampaignStatus
      | undefined;
  }

  async transitionCampaign(
    id: string,
    from: readonly CampaignStatus[],
    to: CampaignStatus,
    reason?: string,
  ): Promise<boolean> {
    for (const f of from) assertTransition(CAMPAIGN_LIFECYCLE, f, to);
    const changed = (await this.#redis.eval(TRANSITION, 1, this.#k('campaign', id), to, ...from)) === 1;
    if (changed) await this.#redis.hset(this.#k('campaign', id), 'reason', reason ?? '');
    return changed;
  }

  async createOccurrence(campaign: Campaign, at: Date): Promise<Campaign> {
    const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
    const id = `${campaign.id.slice(0, 50)}-${stamp}`;
    const occurrence: Campaign = {
      ...campaign,
      id: id as Campaign['id'],
      plan: { kind: 'at', at: at.toISOString(), timeZone: 'Europe/Berlin' },
      status: 'scheduled',
    };
    const key = this.#k('campaign', id);
    await this.#redis.hsetnx(key, 'json', JSON.stringify(occurrence));
    await this.#redis.hsetnx(key, 'status', 'scheduled');
    return (await this.getCampaign(id)) as Campaign;
  }

  async audiencePage(_campaignId: string, afterId: string | undefined, limit: number): Promise<string[]> {
    const ids = await this.#redis.zrangebylex(
      this.#k('audience'),
      afterId ? `(${afterId}` : '-',
      '+',
      'LIMIT',
      0,
      limit,
    );
    if (ids.length === 0) return ids;
    const suppressed = await this.#suppressedAmong(ids);
    return ids.filter((id) => !suppressed.has(id));
  }

  async #suppressedAmong(ids: readonly string[]): Promise<Set<string>> {
    const records = await this.#records(ids);
    if (records.length === 0) return new Set();
    const flags = await this.#redis.smismember(this.#k('suppressed'), ...records.map((r) => r.email));
    return new Set(records.filter((_, i) => flags[i] === 1).map((r) => r.id));
  }

  async #records(ids: readonly string[]): Promise<RecipientRecord[]> {
    if (ids.length === 0) return [];
    const values = await this.#redis.hmget(this.#k('subscribers'), ...ids);
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as RecipientRecord);
  }

  async loadRecipients(_campaignId: string, ids: readonly string[]): Promise<RecipientRecord[]> {
    const suppressed = await this.#suppressedAmong(ids);
    return (await this.#records(ids)).filter((r) => !suppressed.has(r.id));
  }

  async claim(campaignId: string, ids: readonly string[], owner: string): Promise<ClaimResult> {
    if (ids.length === 0) return { claimed: [], reclaimed: [] };
    const reply = (await this.#redis.eval(
      CLAIM,
      1,
      this.#k('ledger', campaignId),
      owner,
      ...ids,
    )) as string[];
    const marker = reply.indexOf('|');
    return { claimed: reply.slice(0, marker), reclaimed: reply.slice(marker + 1) };
  }

  async settle(campaignId: string, outcomes: readonly SendOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const pipeline = this.#redis.pipeline();
    const ledger = this.#k('ledger', campaignId);
    const failed: string[] = [];
    const states: string[] = [];
    const minutes = new Map<string, number>();
    for (const o of outcomes) {
      states.push(o.subscriberId, o.state);
      if (o.state === 'sent') {
        const minute = o.at.toISOString().slice(0, 16);
        minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
      }
      if (o.state === 'failed' && o.hardBounce) failed.push(o.subscriberId);
      if (o.state === 'failed') pipeline.hset(this.#k('failures', campaignId), o.subscriberId, o.reason);
    }
    pipeline.hset(ledger, ...states);
    for (const [minute, n] of minutes) pipeline.hincrby(this.#k('minutes', campaignId), minute, n);
    await pipeline.exec();
    if (failed.length > 0) {
      const emails = (await this.#records(failed)).map((r) => r.email);
      await this.#redis.sadd(this.#k('suppressed'), ...emails);
    }
  }

  async progress(campaignId: string): Promise<CampaignProgress> {
    const [states, minutes, audience] = await Promise.all([
      this.#redis.hvals(this.#k('ledger', campaignId)),
      this.#redis.hgetall(this.#k('minutes', campaignId)),
      this.#redis.zcard(this.#k('audience')),
    ]);
    const counts: Record<string, number> = {};
    for (const s of states) {
      const state = s.startsWith('claimed:') ? 'claimed' : s;
      counts[state] = (counts[state] ?? 0) + 1;
    }
    const sentPerMinute = Object.entries(minutes)
      .map(([minute, sent]) => ({ minute, sent: Number(sent) }))
      .sort((a, b) => a.minute.localeCompare(b.minute));
    return { audience, counts, sentPerMinute };
  }

  recipientLinks(subscriberId: string, campaignId: string) {
    const token = Buffer.from(`${campaignId}.${subscriberId}`).toString('base64url');
    return {
      unsubscribeUrl: `${this.publicUrl}/u/${token}`,
      preferencesUrl: `${this.publicUrl}/p/${token}`,
      webVersionUrl: `${this.publicUrl}/w/${campaignId}`,
    };
  }

  /** Removes every key of this store. */
  async destroy(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.#redis.scan(cursor, 'MATCH', `${this.#p}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await this.#redis.del(...keys);
    } while (cursor !== '0');
  }
}
