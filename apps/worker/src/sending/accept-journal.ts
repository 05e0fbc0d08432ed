import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Settings of an {@link AcceptJournal}. */
export interface AcceptJournalOptions {
  /**
   * A local folder for the journal file. With it, each accepted message is appended to a file at
   * once (a write to the page cache, which a killed process cannot undo) and reaches Redis in
   * batches every `flushMs`; without it, each reply is one Redis command.
   */
  dir?: string | undefined;
  /** Longest time between an entry in the file and its copy in Redis. Default 20 ms. */
  flushMs?: number | undefined;
  /**
   * A file takes the entries of about this long, then the next file starts; a file is deleted
   * once Redis has all its entries. Default 1 s.
   */
  rotateMs?: number | undefined;
}

const FILE = /^(\d+)\.(\d+)\.(\d+)\.log$/;

interface JournalFile {
  fd: number;
  path: string;
  openedAt: number;
  /** A copy to Redis of some of its entries failed: kept for replay. */
  lost: boolean;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The journal of messages an SMTP server accepted, per campaign: written the moment the server
 * says 250, read after a crash to tell which claimed recipients were mailed already. Recovery
 * reads it from Redis (a set per campaign), so any worker on any machine can take over a batch.
 *
 * With a local folder, the entry goes to a file first and to Redis a few milliseconds later: a
 * worker killed in between leaves the file, and {@link AcceptJournal.replay} copies it to Redis
 * when a worker starts on that machine again (before it takes jobs, and well within the claim
 * lease that keeps other workers off those recipients).
 */
export class AcceptJournal {
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #dir: string | undefined;
  readonly #flushMs: number;
  readonly #rotateMs: number;
  readonly #stamp = `${process.pid}.${Date.now()}`;
  readonly #pending = new Map<string, string[]>();
  #file: JournalFile | undefined;
  /** Entries recorded in this turn, not yet in the file. */
  #lines = '';
  #sequence = 0;
  #scheduled = false;
  #inFlight: Promise<unknown> = Promise.resolve();

  constructor(redis: Redis, logger: Logger, options: AcceptJournalOptions = {}) {
    this.#redis = redis;
    this.#logger = logger;
    this.#dir = options.dir;
    this.#flushMs = options.flushMs ?? 20;
    this.#rotateMs = options.rotateMs ?? 1_000;
    if (this.#dir !== undefined) mkdirSync(this.#dir, { recursive: true });
  }

  /**
   * Copies the journal files that workers on this machine left behind (their process is gone) to
   * Redis and deletes them. Returns how many entries it copied.
   */
  static async replay(dir: string, redis: Redis, logger: Logger): Promise<number> {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return 0;
    }
    let copied = 0;
    for (const name of names) {
      const match = FILE.exec(name);
      if (!match) continue;
      const pid = Number(match[1]);
      if (pid !== process.pid && isAlive(pid)) continue;
      const path = join(dir, name);
      const byKey = new Map<string, string[]>();
      for (const line of readFileSync(path, 'latin1').split('\n')) {
        const space = line.indexOf(' ');
        // a line cut short by the crash has no id after the key, or only part of one: skipped
        if (space <= 0 || !/^[0-9a-f-]{36}$/.test(line.slice(space + 1))) continue;
        const key = line.slice(0, space);
        let ids = byKey.get(key);
        if (!ids) {
          ids = [];
          byKey.set(key, ids);
        }
        ids.push(line.slice(space + 1));
      }
      for (const [key, ids] of byKey) {
        await redis.sadd(key, ...ids);
        copied += ids.length;
      }
      unlinkSync(path);
    }
    if (copied > 0) logger.info({ copied }, 'accept journal of a stopped worker copied to Redis');
    return copied;
  }

  /** Records that the message for `subscriberId` in the journal `key` was accepted. */
  record(key: string, subscriberId: string): void {
    if (this.#dir !== undefined) {
      // one write for the replies read together: they are handled in the same turn of the event
      // loop, and the write follows before any further I/O is looked at
      if (this.#lines === '') queueMicrotask(() => this.#writeLines());
      this.#lines += `${key} ${subscriberId}\n`;
    }
    let ids = this.#pending.get(key);
    if (!ids) {
      ids = [];
      this.#pending.set(key, ids);
    }
    ids.push(subscriberId);
    if (!this.#scheduled) {
      this.#scheduled = true;
      if (this.#dir === undefined) queueMicrotask(() => this.#flush());
      else setTimeout(() => this.#flush(), this.#flushMs).unref();
    }
  }

  /** Resolves when everything recorded so far is in Redis. */
  async flushed(): Promise<void> {
    if (this.#scheduled) this.#flush();
    await this.#inFlight;
  }

  /** Flushes, then removes this process's journal file. */
  async close(): Promise<void> {
    await this.flushed();
    if (this.#file) {
      this.#retire(this.#file);
      this.#file = undefined;
    }
  }

  #writeLines() {
    if (this.#lines === '') return;
    this.#file ??= this.#open();
    writeSync(this.#file.fd, this.#lines);
    this.#lines = '';
  }

  #open(): JournalFile {
    const path = join(this.#dir as string, `${this.#stamp}.${this.#sequence++}.log`);
    return { fd: openSync(path, 'a'), path, openedAt: Date.now(), lost: false };
  }

  #retire(file: JournalFile) {
    closeSync(file.fd);
    if (!file.lost) unlinkSync(file.path);
  }

  #flush() {
    this.#scheduled = false;
    if (this.#pending.size === 0) return;
    this.#writeLines();
    const batch = [...this.#pending];
    this.#pending.clear();
    // Every entry of the current file is in this batch or in an earlier one. After about a second
    // the next entries go to a new file, and this one is deleted once Redis has them all (kept for
    // replay if a copy failed); opening a file per flush cost more than the writes.
    const file = this.#file;
    const rotate = file !== undefined && Date.now() - file.openedAt >= this.#rotateMs;
    if (rotate) this.#file = undefined;
    const written = Promise.all(batch.map(([key, ids]) => this.#redis.sadd(key, ...ids)));
    this.#inFlight = Promise.all([this.#inFlight, written]).then(
      () => {
        if (rotate && file) this.#retire(file);
      },
      (error: unknown) => {
        if (file) file.lost = true;
        if (rotate && file) this.#retire(file);
        this.#logger.error({ err: error }, 'cannot write the accept journal to Redis');
      },
    );
  }
}
