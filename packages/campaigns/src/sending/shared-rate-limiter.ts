import type { Redis } from 'ioredis';

/**
 * Token bucket in one Redis hash, shared by every process that sends through the same transport.
 * Time comes from Redis (`TIME`), so clocks of different machines do not matter.
 *
 * Fields: tk tokens, ts last refill (ms), f back-pressure factor at fs (ms).
 * ARGV: rate (tokens/s at full speed), burst, wanted, priority (1: may borrow below zero),
 *       throttle (1: halve the factor), recoverMs (time for the factor to climb back from 0 to 1).
 * Returns { granted, waitMs, factor*1000 }.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local priority = ARGV[4] == '1'
local throttle = ARGV[5] == '1'
local recover = tonumber(ARGV[6])
local s = redis.call('HMGET', KEYS[1], 'tk', 'ts', 'f', 'fs')
local tokens = tonumber(s[1]) or burst
local ts = tonumber(s[2]) or now
local f = tonumber(s[3]) or 1
local fs = tonumber(s[4]) or now
local factor = math.min(1, f + (now - fs) / recover)
if throttle then
  factor = math.max(0.05, factor / 2)
end
local effective = rate * factor
tokens = math.min(burst, tokens + math.max(0, now - ts) * effective / 1000)
local granted = 0
local wait = 0
if priority then
  granted = wanted
  tokens = math.max(tokens - wanted, -burst * 4)
elseif tokens >= 1 then
  granted = math.min(wanted, math.floor(tokens))
  tokens = tokens - granted
else
  wait = math.ceil((1 - tokens) * 1000 / effective)
end
redis.call('HSET', KEYS[1], 'tk', tokens, 'ts', now, 'f', factor, 'fs', now)
redis.call('PEXPIRE', KEYS[1], 3600000)
return { granted, wait, math.floor(factor * 1000) }
`;

type TakeReply = [number, number, number];

interface RedisWithTake extends Redis {
  regiokitTakeTokens(
    key: string,
    rate: number,
    burst: number,
    wanted: number,
    priority: 0 | 1,
    throttle: 0 | 1,
    recoverMs: number,
  ): Promise<TakeReply>;
}

/** Settings of a {@link SharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  /** Redis key of the bucket, one per transport. */
  key: string;
  /** Messages per second at full speed, for all processes together. */
  ratePerSecond: number;
  /** How long after a halving the rate needs to climb back to full speed. Default 60 s. */
  recoverMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A rate limit per mail transport shared across processes. Each process takes tokens from Redis in
 * small lots (about 50 ms worth) so that Redis is asked rarely; {@link throttle} halves the shared
 * rate when a server answers 421/451/452, and the rate climbs back linearly.
 */
export class SharedRateLimiter {
  readonly #redis: RedisWithTake;
  readonly #key: string;
  readonly #rate: number;
  readonly #burst: number;
  readonly #lot: number;
  readonly #recoverMs: number;
  #local = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #factor = 1;

  constructor(redis: Redis, options: SharedRateLimiterOptions) {
    if (!('regiokitTakeTokens' in redis)) {
      redis.defineCommand('regiokitTakeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    }
    this.#redis = redis as RedisWithTake;
    this.#key = options.key;
    this.#rate = options.ratePerSecond;
    this.#lot = Math.max(1, Math.floor(options.ratePerSecond / 20));
    this.#burst = Math.max(this.#lot, Math.ceil(options.ratePerSecond / 10));
    this.#recoverMs = options.recoverMs ?? 60_000;
  }

  /** Messages per second at full speed, for all processes together. */
  get ratePerSecond(): number {
    return this.#rate;
  }

  /** The current share of the full rate (1 = full speed), as last seen in Redis. */
  get factor(): number {
    return this.#factor;
  }

  /** Takes a token this process already holds, without waiting; false when it holds none. */
  tryTake(): boolean {
    if (this.#local === 0) return false;
    this.#local--;
    return true;
  }

  /**
   * Waits until one message may be sent. Calls are served in order. With `signal`, an abort ends
   * the wait early without a token: the caller checks `signal.aborted` and does not send.
   */
  take(signal?: AbortSignal): Promise<void> {
    if (this.#local > 0) {
      this.#local--;
      return Promise.resolve();
    }
    const next = this.#queue.then(() => this.#takeOne(signal));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Takes one token at once, borrowing from the future if needed: for service mail ahead of bulk. */
  async takePriority(): Promise<void> {
    await this.#call(1, 1, 0);
  }

  /** Halves the shared rate (back-pressure after 421/451/452). */
  async throttle(): Promise<void> {
    this.#local = 0;
    await this.#call(0, 0, 1);
  }

  async #takeOne(signal: AbortSignal | undefined): Promise<void> {
    while (this.#local === 0) {
      if (signal?.aborted) return;
      const [granted, wait] = await this.#call(this.#lot, 0, 0);
      if (granted > 0) {
        this.#local = granted;
        break;
      }
      await sleep(Math.min(Math.max(wait, 1), 1_000));
    }
    this.#local--;
  }

  async #call(wanted: number, priority: 0 | 1, throttle: 0 | 1): Promise<TakeReply> {
    const reply = await this.#redis.regiokitTakeTokens(
      this.#key,
      this.#rate,
      this.#burst,
      wanted,
      priority,
      throttle,
      this.#recoverMs,
    );
    this.#factor = reply[2] / 1000;
    return reply;
  }
}
