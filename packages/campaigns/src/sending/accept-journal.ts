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
const ID = /^[0-9a-f-]{36}$/;
/** Ends the line of a retracted entry: `<key> <id> -`. */
const RETRACTED = ' -';

/** Journal files in the order they were written: by process, its start, then sequence. */
function byAge(a: RegExpExecArray, b: RegExpExecArray): number {
  for (let i = 1; i <= 3; i++) {
    const d = Number(a[i]) - Number(b[i]);
    if (d !== 0) return d;
  }
  return 0;
}

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
 * The journal of messages delivered, per campaign: written right before a message's final dot goes
 * to the kernel on its way to the server (or when the server said 250), taken back if the server
 * refuses it or the connection breaks, and read after a crash to tell which claimed recipients were
 * mailed already. Recovery reads it from Redis (a set per campaign), so any worker on any machine
 * can take over a batch.
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
  readonly #retracted = new Map<string, string[]>();
  #file: JournalFile | undefined;
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
    const files = names
      .map((name) => FILE.exec(name))
      .filter((match) => match !== null)
      .sort(byAge);
    for (const match of files) {
      const pid = Number(match[1]);
      if (pid !== process.pid && isAlive(pid)) continue;
      const path = join(dir, match[0]);
      // the last word about an id wins: a retraction follows its entry, maybe in a later file
      const byKey = new Map<string, Map<string, boolean>>();
      for (const line of readFileSync(path, 'latin1').split('\n')) {
        const retracted = line.endsWith(RETRACTED);
        const entry = retracted ? line.slice(0, -RETRACTED.length) : line;
        const space = entry.indexOf(' ');
        // a line cut short by the crash has no id after the key, or only part of one: skipped
        if (space <= 0 || !ID.test(entry.slice(space + 1))) continue;
        const key = entry.slice(0, space);
        let ids = byKey.get(key);
        if (!ids) {
          ids = new Map();
          byKey.set(key, ids);
        }
        ids.set(entry.slice(space + 1), !retracted);
      }
      for (const [key, ids] of byKey) {
        const added = [...ids].filter(([, v]) => v).map(([id]) => id);
        const removed = [...ids].filter(([, v]) => !v).map(([id]) => id);
        if (added.length > 0) await redis.sadd(key, ...added);
        if (removed.length > 0) await redis.srem(key, ...removed);
        copied += added.length;
      }
      unlinkSync(path);
    }
    if (copied > 0) logger.info({ copied }, 'accept journal of a stopped worker copied to Redis');
    return copied;
  }

  /**
   * Records that the message for `subscriberId` in the journal `key` was delivered, or as good
   * as: the server accepted it, or all of it is about to go to the operating system in one write.
   */
  record(key: string, subscriberId: string): void {
    this.#note(this.#pending, key, subscriberId, '\n');
  }

  /**
   * Takes back an entry of {@link record}: what was on its way was refused or cut off after all,
   * so a retry must send it. Reaches Redis after the entry (a retry settles first, which flushes).
   */
  retract(key: string, subscriberId: string): void {
    this.#note(this.#retracted, key, subscriberId, `${RETRACTED}\n`);
  }

  #note(into: Map<string, string[]>, key: string, subscriberId: string, end: string) {
    if (this.#dir !== undefined) {
      // at once: the sender writes the message to the server right after this returns
      this.#file ??= this.#open();
      writeSync(this.#file.fd, `${key} ${subscriberId}${end}`);
    }
    let ids = into.get(key);
    if (!ids) {
      ids = [];
      into.set(key, ids);
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
    if (this.#pending.size === 0 && this.#retracted.size === 0) return;
    const added = [...this.#pending];
    const retracted = [...this.#retracted];
    this.#pending.clear();
    this.#retracted.clear();
    // Every entry of the current file is in this batch or in an earlier one. After about a second
    // the next entries go to a new file, and this one is deleted once Redis has them all (kept for
    // replay if a copy failed); opening a file per flush cost more than the writes.
    const file = this.#file;
    const rotate = file !== undefined && Date.now() - file.openedAt >= this.#rotateMs;
    if (rotate) this.#file = undefined;
    // one connection keeps the order: the entries, then the retractions of this and earlier ones
    const written = Promise.all([
      ...added.map(([key, ids]) => this.#redis.sadd(key, ...ids)),
      ...retracted.map(([key, ids]) => this.#redis.srem(key, ...ids)),
    ]);
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
