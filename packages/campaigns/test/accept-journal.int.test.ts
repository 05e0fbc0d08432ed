import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceptJournal } from '../src/sending/accept-journal';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });
const id = (n: number) => `0190a8f2-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('the accept journal', () => {
  let redis: Redis;
  const key = `rk-test-journal-${process.pid}-${Date.now()}`;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await redis.del(key, `${key}:b`);
    await redis.quit();
  });

  it('writes each entry to its file at once and to Redis in batches, then deletes the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    const journal = new AcceptJournal(redis, logger, { dir, flushMs: 10_000, rotateMs: 0 });
    journal.record(key, id(1));
    journal.record(key, id(2));
    // in the file before record returns: the sender writes the message right after
    const [file] = readdirSync(dir);
    expect(readFileSync(join(dir, file!), 'latin1')).toBe(`${key} ${id(1)}\n${key} ${id(2)}\n`);
    expect(await readFile(join(dir, file!), 'latin1')).toBe(`${key} ${id(1)}\n${key} ${id(2)}\n`);
    expect(await redis.smembers(key)).toEqual([]);
    await journal.flushed();
    expect((await redis.smembers(key)).sort()).toEqual([id(1), id(2)]);
    expect(await readdir(dir)).toEqual([]);
    journal.record(key, id(3));
    await journal.close();
    expect(await redis.sismember(key, id(3))).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps writing to one file for a while and deletes it once Redis has all of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    const journal = new AcceptJournal(redis, logger, { dir, flushMs: 10_000, rotateMs: 200 });
    journal.record(`${key}:d`, id(5));
    await journal.flushed();
    journal.record(`${key}:d`, id(6));
    await journal.flushed();
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(await readFile(join(dir, files[0]!), 'latin1')).toBe(`${key}:d ${id(5)}\n${key}:d ${id(6)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    journal.record(`${key}:d`, id(10));
    await journal.flushed();
    expect(await readdir(dir)).toEqual([]);
    expect((await redis.smembers(`${key}:d`)).sort()).toEqual([id(5), id(6), id(10)].sort());
    await journal.close();
    await redis.del(`${key}:d`);
  });

  it('copies the file a killed worker left to Redis, skipping a line the crash cut short', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    // pid 2^22 + 1 is above Linux's pid_max: a process that is surely gone
    const dead = join(dir, `${2 ** 22 + 1}.1700000000000.0.log`);
    await writeFile(dead, `${key}:b ${id(7)}\n${key}:b ${id(8)}\n${key}:b 0190a8f2-00`);
    // a live process's file (this one's parent) is its own business
    const live = join(dir, `${process.ppid}.1700000000000.0.log`);
    await writeFile(live, `${key}:b ${id(9)}\n`);
    await writeFile(join(dir, 'notes.txt'), 'not a journal');
    expect(await AcceptJournal.replay(dir, redis, logger)).toBe(2);
    expect((await redis.smembers(`${key}:b`)).sort()).toEqual([id(7), id(8)]);
    expect((await readdir(dir)).sort()).toEqual([`${process.ppid}.1700000000000.0.log`, 'notes.txt']);
  });

  it('takes an entry back when what was on its way is refused after all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    const journal = new AcceptJournal(redis, logger, { dir, flushMs: 10_000, rotateMs: 10_000 });
    const k = `${key}:r`;
    journal.record(k, id(11));
    journal.record(k, id(12));
    await journal.flushed();
    journal.retract(k, id(12));
    journal.record(k, id(13));
    journal.retract(k, id(13));
    const [file] = await readdir(dir);
    expect(await readFile(join(dir, file!), 'latin1')).toBe(
      `${k} ${id(11)}\n${k} ${id(12)}\n${k} ${id(12)} -\n${k} ${id(13)}\n${k} ${id(13)} -\n`,
    );
    await journal.flushed();
    expect(await redis.smembers(k)).toEqual([id(11)]);
    await journal.close();
    await redis.del(k);
  });

  it('replays the files of a killed worker in the order written, retractions included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    const k = `${key}:o`;
    const gone = 2 ** 22 + 1;
    // file 10 was written after file 2 (a name sort would put it first) and takes id 21 back
    await writeFile(join(dir, `${gone}.1700000000000.2.log`), `${k} ${id(20)}\n${k} ${id(21)}\n`);
    await writeFile(join(dir, `${gone}.1700000000000.10.log`), `${k} ${id(21)} -\n${k} ${id(22)}\n`);
    expect(await AcceptJournal.replay(dir, redis, logger)).toBe(3);
    expect((await redis.smembers(k)).sort()).toEqual([id(20), id(22)]);
    expect(await readdir(dir)).toEqual([]);
    await redis.del(k);
  });

  it('without a folder, sends each turn of replies to Redis directly', async () => {
    const journal = new AcceptJournal(redis, logger);
    journal.record(`${key}:c`, id(4));
    await journal.flushed();
    expect(await redis.smembers(`${key}:c`)).toEqual([id(4)]);
    await redis.del(`${key}:c`);
  });
});
