import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecret, secretFileOf } from './secret';

const dataDir = () => mkdtempSync(join(tmpdir(), 'regiokit-app-config-'));

/** Matches a ConfigError with exactly these problems. */
const configError = (problems: readonly unknown[], more: Record<string, unknown> = {}) =>
  expect.objectContaining({ name: 'ConfigError', problems, ...more });

describe('loadSecret', () => {
  it('takes REGIOKIT_SECRET when it is set, without touching the file', () => {
    const dir = dataDir();
    const fromEnv = 's'.repeat(40);
    expect(loadSecret({ fromEnv, file: secretFileOf(dir) })).toEqual({ secret: fromEnv, source: 'env' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a REGIOKIT_SECRET shorter than 32 characters', () => {
    expect(() => loadSecret({ fromEnv: 'short', file: secretFileOf(dataDir()) })).toThrow(
      configError([
        'REGIOKIT_SECRET: expected at least 32 characters (e.g. `openssl rand -hex 32`), got 5 characters',
      ]),
    );
  });

  it('creates the file once, private, in a data folder that does not exist yet, and reads it back', () => {
    const file = secretFileOf(join(dataDir(), 'nested', '.regiokit'));
    const first = loadSecret({ fromEnv: undefined, file });
    expect(first.source).toBe('created');
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8')).toBe(`${first.secret}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecret({ fromEnv: undefined, file })).toEqual({ secret: first.secret, source: 'file' });
    expect(readdirSync(join(file, '..'))).toEqual(['secret']);
  });

  it('keeps a file written by hand, trimmed', () => {
    const file = secretFileOf(dataDir());
    writeFileSync(file, `  ${'k'.repeat(32)}\n\n`);
    expect(loadSecret({ fromEnv: undefined, file })).toEqual({ secret: 'k'.repeat(32), source: 'file' });
  });

  it.each([
    ['a 5-character file', 'abcde\n', 5],
    ['a 31-character file', `${'k'.repeat(31)}\n`, 31],
    ['an empty file', '', 0],
    ['a file of blanks', '   \n', 0],
  ])('refuses %s, naming the file and the rule, and leaves it as it is', (_what, content, length) => {
    const file = secretFileOf(dataDir());
    writeFileSync(file, content);
    expect(() => loadSecret({ fromEnv: undefined, file })).toThrow(
      configError([
        `REGIOKIT_SECRET: not set, and ${file} holds ${length} characters; expected at least 32 characters (e.g. \`openssl rand -hex 32\`)`,
      ]),
    );
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('does not create the file when that is not allowed', () => {
    const dir = dataDir();
    expect(() => loadSecret({ fromEnv: undefined, file: secretFileOf(dir), create: false })).toThrow(
      configError([`REGIOKIT_SECRET: not set, and ${secretFileOf(dir)} does not exist`]),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so when the file cannot be read or written', () => {
    const dir = dataDir();
    // a folder where the file should be: reading fails with EISDIR
    const unreadable = join(dir, 'secret');
    mkdirSync(unreadable);
    expect(() => loadSecret({ fromEnv: undefined, file: unreadable })).toThrow(
      configError([`REGIOKIT_SECRET: not set, and ${unreadable} cannot be read (EISDIR)`]),
    );
    // a data folder that is a link to nowhere: the folder cannot be created
    const nowhere = join(dir, 'data');
    symlinkSync(join(dir, 'missing', 'data'), nowhere);
    const file = secretFileOf(nowhere);
    expect(() => loadSecret({ fromEnv: undefined, file })).toThrow(
      configError(
        [
          expect.stringMatching(
            /^REGIOKIT_SECRET: not set, and .+\/data\/secret cannot be written \(E[A-Z]+\)$/,
          ),
        ],
        { cause: expect.any(Error) },
      ),
    );
  });
});
