import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { createKeyedHasher, deriveKey } from './keyed-hash';

/** What a token allows: confirm a sign-up, unsubscribe, or change preferences. */
export const TokenPurpose = z.enum(['confirm', 'unsubscribe', 'preferences']);
export type TokenPurpose = z.infer<typeof TokenPurpose>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Default lifetime per purpose in milliseconds; `null` never expires. Unsubscribe and preference
 * links sit in every mail sent, so they must keep working for as long as the mail is kept.
 */
export const TOKEN_LIFETIMES: Readonly<Record<TokenPurpose, number | null>> = {
  confirm: 7 * DAY_MS,
  unsubscribe: null,
  preferences: null,
};

/** What a valid token says. */
export interface TokenClaims {
  readonly purpose: TokenPurpose;
  readonly subscriberId: string;
  /** Purpose-specific reference: the consent request for `confirm`, a list id or `''` otherwise. */
  readonly ref: string;
  readonly expiresAt: Date | null;
}

/** Input of {@link createToken}. */
export interface CreateTokenInput {
  readonly purpose: TokenPurpose;
  readonly subscriberId: string;
  readonly ref?: string;
  /** Defaults to the current time. */
  readonly now?: Date;
  /** Defaults to {@link TOKEN_LIFETIMES}; `null` never expires. */
  readonly lifetimeMs?: number | null;
}

/** Result of {@link verifyToken}. */
export type TokenCheck =
  | { readonly valid: true; readonly claims: TokenClaims }
  | { readonly valid: false; readonly reason: 'malformed' | 'signature' | 'purpose' | 'expired' };

const PURPOSE_CODES: Readonly<Record<TokenPurpose, string>> = {
  confirm: 'c',
  unsubscribe: 'u',
  preferences: 'p',
};
const PURPOSES_BY_CODE = new Map(Object.entries(PURPOSE_CODES).map(([p, c]) => [c, p as TokenPurpose]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REF = /^[a-z0-9-]{0,64}$/;
const MAC_BYTES = 32;

const signers = new Map<string, (value: string) => string>();

/**
 * HMAC-SHA256 with the token key of `secret`, base64url; the hasher (its key blocks) is made once
 * per secret.
 */
function sign(secret: string, payload: string): string {
  let signer = signers.get(secret);
  if (signer === undefined) {
    signer = createKeyedHasher(deriveKey(secret, 'token'), 'base64url');
    signers.set(secret, signer);
  }
  // a worker signs two tokens per message: the one-shot hasher costs half of a new HMAC object
  return signer(`regiokit-token/v1\n${payload}`);
}

/**
 * Creates a URL-safe token, HMAC-SHA256-signed with the secret, bound to one purpose and one
 * subscriber (and, for `confirm`, one sign-up request).
 *
 * @example createToken(secret, { purpose: 'unsubscribe', subscriberId })
 */
export function createToken(secret: string, input: CreateTokenInput): string {
  const ref = input.ref ?? '';
  if (!UUID.test(input.subscriberId))
    throw new Error(`expected a subscriber UUID, got "${input.subscriberId}"`);
  if (!REF.test(ref)) throw new Error(`expected a token reference of a-z, 0-9 and "-", got "${ref}"`);
  const lifetime = input.lifetimeMs === undefined ? TOKEN_LIFETIMES[input.purpose] : input.lifetimeMs;
  const expires =
    lifetime === null ? '' : Math.ceil(((input.now ?? new Date()).getTime() + lifetime) / 1000).toString(36);
  const payload = `${PURPOSE_CODES[input.purpose]}.${input.subscriberId}.${ref}.${expires}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

/**
 * Checks a token for one purpose: its signature (compared in constant time), its purpose and its
 * expiry. A genuine token for another purpose is rejected.
 */
export function verifyToken(
  secret: string,
  token: string,
  purpose: TokenPurpose,
  now: Date = new Date(),
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || parts[0] === undefined || parts[1] === undefined) {
    return { valid: false, reason: 'malformed' };
  }
  const payload = Buffer.from(parts[0], 'base64url').toString();
  const mac = Buffer.from(parts[1], 'base64url');
  const fields = payload.split('.');
  const [code, subscriberId, ref, expires] = fields;
  if (
    fields.length !== 4 ||
    mac.length !== MAC_BYTES ||
    code === undefined ||
    subscriberId === undefined ||
    ref === undefined ||
    expires === undefined ||
    !UUID.test(subscriberId) ||
    !REF.test(ref) ||
    !/^[0-9a-z]*$/.test(expires)
  ) {
    return { valid: false, reason: 'malformed' };
  }
  if (!timingSafeEqual(mac, Buffer.from(sign(secret, payload), 'base64url'))) {
    return { valid: false, reason: 'signature' };
  }
  const tokenPurpose = PURPOSES_BY_CODE.get(code);
  if (tokenPurpose !== purpose) return { valid: false, reason: 'purpose' };
  const expiresAt = expires === '' ? null : new Date(Number.parseInt(expires, 36) * 1000);
  if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, claims: { purpose, subscriberId, ref, expiresAt } };
}
