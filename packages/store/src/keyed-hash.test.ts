import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyedHasher, deriveKey, keyedHash } from './keyed-hash';

describe('createKeyedHasher', () => {
  const key = deriveKey('test-secret-0123456789abcdef-0123456789', 'email-hash');
  const hasher = createKeyedHasher(key);

  it.each([
    ['an address', 'jane.doe@example.org'],
    ['an empty value', ''],
    ['umlauts (UTF-8)', 'jürgen@müller.example'],
    ['a value longer than its buffer', 'x'.repeat(1000)],
    ['a short value after a long one', 'a@b.de'],
  ])('gives the same HMAC-SHA256 as keyedHash for %s', (_, value) => {
    expect(hasher(value)).toBe(keyedHash(key, value));
  });

  it('keeps keys apart', () => {
    const other = randomBytes(32);
    expect(createKeyedHasher(other)('jane@example.org')).toBe(keyedHash(other, 'jane@example.org'));
    expect(createKeyedHasher(other)('jane@example.org')).not.toBe(hasher('jane@example.org'));
  });
});
