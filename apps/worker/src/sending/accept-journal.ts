import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * The Redis journal of messages an SMTP server accepted, per campaign: written the moment the
 * server says 250, read after a crash to tell which claimed recipients were mailed already.
 * Ids recorded while one chunk of SMTP replies is handled go out as one SADD per campaign.
 */
export class AcceptJournal {
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #pending = new Map<string, string[]>();
  #scheduled = false;
  #inFlight: Promise<unknown> = Promise.resolve();

  constructor(redis: Redis, logger: Logger) {
    this.#redis = redis;
    this.#logger = logger;
  }

  /** Records that the message for `subscriberId` in the journal `key` was accepted. */
  record(key: string, subscriberId: string): void {
    let ids = this.#pending.get(key);
    if (!ids) {
      ids = [];
      this.#pending.set(key, ids);
    }
    ids.push(subscriberId);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  /** Resolves when everything recorded so far is in Redis. */
  async flushed(): Promise<void> {
    if (this.#scheduled) this.#flush();
    await this.#inFlight;
  }

  #flush() {
    this.#scheduled = false;
    if (this.#pending.size === 0) return;
    const writes: Promise<unknown>[] = [];
    for (const [key, ids] of this.#pending) writes.push(this.#redis.sadd(key, ...ids));
    this.#pending.clear();
    this.#inFlight = Promise.all(writes).catch((error: unknown) => {
      this.#logger.error({ err: error }, 'cannot write the accept journal');
    });
  }
}
