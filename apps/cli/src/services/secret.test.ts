import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { ensureSecret } from './secret';

const secretFile = () => join(mkdtempSync(join(tmpdir(), 'regiokit-cli-secret-')), 'secret');

describe('ensureSecret', () => {
  it('creates the file once, then reads it; REGIOKIT_SECRET wins', () => {
    const file = secretFile();
    const created = ensureSecret(undefined, file);
    expect(created.source).toBe('created');
    expect(readFileSync(file, 'utf8').trim()).toBe(created.secret);
    expect(ensureSecret(undefined, file)).toEqual({ secret: created.secret, source: 'file' });
    expect(ensureSecret('e'.repeat(32), file)).toEqual({ secret: 'e'.repeat(32), source: 'env' });
  });

  it('refuses a secret file shorter than 32 characters, as the worker and the web app do', () => {
    const file = secretFile();
    writeFileSync(file, 'abcde\n');
    expect(() => ensureSecret(undefined, file)).toThrow(ConfigError);
    expect(() => ensureSecret(undefined, file)).toThrow(
      `REGIOKIT_SECRET: not set, and ${file} holds 5 characters; expected at least 32 characters`,
    );
    expect(readFileSync(file, 'utf8')).toBe('abcde\n');
  });
});
