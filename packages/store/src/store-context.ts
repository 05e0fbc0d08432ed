import type { Database } from './database';
import { createKeyedHasher, deriveKey, keyedHash } from './keyed-hash';

/** What every part of the store shares: the database, the secret and the clock. */
export interface StoreContext {
  readonly database: Database;
  readonly secret: string;
  readonly clock: () => Date;
  /** Keyed hash of a normalised address (suppression list, erased addresses). */
  hashEmail(normalisedEmail: string): string;
  /** An IP address or user agent as the `clientData` option says: as given or hashed. */
  protectClientData(value: string | undefined): string | undefined;
}

/** Builds the shared context. */
export function createStoreContext(
  database: Database,
  secret: string,
  clientData: 'hashed' | 'plain',
  clock: () => Date,
): StoreContext {
  const hashEmail = createKeyedHasher(deriveKey(secret, 'email-hash'));
  const clientKey = deriveKey(secret, 'ip-hash');
  return {
    database,
    secret,
    clock,
    hashEmail,
    protectClientData: (value) =>
      value === undefined || clientData === 'plain' ? value : `hmac:${keyedHash(clientKey, value)}`,
  };
}
