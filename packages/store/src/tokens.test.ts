import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey } from './keyed-hash';
import { createToken, TOKEN_LIFETIMES, type TokenPurpose, verifyToken } from './tokens';

const SECRET = 'a-secret-of-at-least-32-characters-length';
const SUBSCRIBER = '0b8c9a52-5a3e-4a7e-9d1c-2f8f3a1b6c01';
const NOW = new Date('2026-11-21T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('tokens', () => {
  it.each<TokenPurpose>(['confirm', 'unsubscribe', 'preferences'])('round-trips a %s token', (purpose) => {
    const token = createToken(SECRET, { purpose, subscriberId: SUBSCRIBER, ref: '42', now: NOW });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(SECRET, token, purpose, NOW)).toEqual({
      valid: true,
      claims: {
        purpose,
        subscriberId: SUBSCRIBER,
        ref: '42',
        expiresAt: purpose === 'confirm' ? new Date(NOW.getTime() + 7 * DAY) : null,
      },
    });
  });

  it('signs with HMAC-SHA256 of the token key, so links in mails sent earlier keep working', () => {
    const token = createToken(SECRET, { purpose: 'unsubscribe', subscriberId: SUBSCRIBER, ref: 'news' });
    const [payload, mac] = token.split('.') as [string, string];
    const expected = createHmac('sha256', deriveKey(SECRET, 'token'))
      .update(`regiokit-token/v1\n${Buffer.from(payload, 'base64url').toString()}`)
      .digest('base64url');
    expect(mac).toBe(expected);
  });

  it.each<[TokenPurpose, TokenPurpose]>([
    ['confirm', 'unsubscribe'],
    ['confirm', 'preferences'],
    ['unsubscribe', 'confirm'],
    ['unsubscribe', 'preferences'],
    ['preferences', 'confirm'],
    ['preferences', 'unsubscribe'],
  ])('never accepts a %s token as %s', (made, used) => {
    const token = createToken(SECRET, { purpose: made, subscriberId: SUBSCRIBER, now: NOW });
    expect(verifyToken(SECRET, token, used, NOW)).toEqual({ valid: false, reason: 'purpose' });
  });

  it('expires confirm tokens after 7 days, keeps unsubscribe tokens valid', () => {
    expect(TOKEN_LIFETIMES.confirm).toBe(7 * DAY);
    const confirm = createToken(SECRET, { purpose: 'confirm', subscriberId: SUBSCRIBER, now: NOW });
    expect(verifyToken(SECRET, confirm, 'confirm', new Date(NOW.getTime() + 7 * DAY - 1000)).valid).toBe(
      true,
    );
    expect(verifyToken(SECRET, confirm, 'confirm', new Date(NOW.getTime() + 7 * DAY + 1000))).toEqual({
      valid: false,
      reason: 'expired',
    });
    const unsubscribe = createToken(SECRET, { purpose: 'unsubscribe', subscriberId: SUBSCRIBER, now: NOW });
    expect(verifyToken(SECRET, unsubscribe, 'unsubscribe', new Date(NOW.getTime() + 3650 * DAY)).valid).toBe(
      true,
    );
  });

  it('rejects tokens signed with another secret or changed in any way', () => {
    const token = createToken(SECRET, { purpose: 'unsubscribe', subscriberId: SUBSCRIBER, now: NOW });
    const other = createToken(`${SECRET}x`, { purpose: 'unsubscribe', subscriberId: SUBSCRIBER, now: NOW });
    expect(verifyToken(SECRET, other, 'unsubscribe', NOW)).toEqual({ valid: false, reason: 'signature' });
    const [payload, mac] = token.split('.') as [string, string];
    const otherSubscriber = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace(SUBSCRIBER, SUBSCRIBER.replace('0b8c', '1b8c')),
    ).toString('base64url');
    expect(verifyToken(SECRET, `${otherSubscriber}.${mac}`, 'unsubscribe', NOW)).toEqual({
      valid: false,
      reason: 'signature',
    });
    const flipped = `${mac.slice(0, -2)}${mac.endsWith('A') ? 'B' : 'A'}${mac.slice(-1)}`;
    expect(verifyToken(SECRET, `${payload}.${flipped}`, 'unsubscribe', NOW).valid).toBe(false);
  });

  it.each([
    '',
    'abc',
    'a.b.c',
    'x.',
    '.y',
    `${Buffer.from('c.not-a-uuid..').toString('base64url')}.AAAA`,
  ])('reports %j as malformed', (token) => {
    expect(verifyToken(SECRET, token, 'confirm', NOW)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('refuses to sign a reference that could break the format', () => {
    expect(() => createToken(SECRET, { purpose: 'confirm', subscriberId: SUBSCRIBER, ref: 'a.b' })).toThrow(
      /token reference/,
    );
  });
});
