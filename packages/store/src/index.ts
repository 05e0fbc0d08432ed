// Opening the store

export type { Backend } from './database';
export type { OpenStoreExtras, Store } from './open-store';
export { openStore } from './open-store';
// Errors
export type { StoreErrorCode } from './store-error';
export { StoreError } from './store-error';
export { StoreOptions } from './store-options';

// Tokens for confirm, unsubscribe and preference links (usable without a store)
export type { CreateTokenInput, TokenCheck, TokenClaims } from './tokens';
export { createToken, TOKEN_LIFETIMES, TokenPurpose, verifyToken } from './tokens';
