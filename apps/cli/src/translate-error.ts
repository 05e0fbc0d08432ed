import { DomainError } from '@regiokit/core';
import type { StoreError } from '@regiokit/store';
import { CliError, createSystemError, createUserError } from './cli-error';
import { ConfigError } from './config';
import type { Messages } from './i18n/messages';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * Turns whatever a command threw into a {@link CliError}: input problems (store validation,
 * illegal status changes, wrong configuration) are the user's, everything else the system's.
 */
export function translateError(error: unknown, m: Messages): CliError {
  if (error instanceof CliError) return error;
  // ours, or the worker's / web app's own ConfigError (same name, same `problems`)
  if (
    error instanceof ConfigError ||
    (error instanceof Error && error.name === 'ConfigError' && 'problems' in error)
  ) {
    return createUserError('CONFIG_INVALID', m.configInvalid, {
      cause: error,
      details: (error as ConfigError).problems,
    });
  }
  // by name: the store's module is loaded only by commands that use it
  if (error instanceof Error && error.name === 'StoreError' && 'code' in error && 'fields' in error) {
    const storeError = error as StoreError;
    const details = storeError.fields.map((f) => (f.path === '' ? f.message : `${f.path}: ${f.message}`));
    switch (storeError.code) {
      case 'INVALID_INPUT':
      case 'INVALID_TOKEN':
        return createUserError(storeError.code, m.storeRejected(storeError.message), {
          cause: storeError,
          details,
        });
      case 'NOT_FOUND':
        return createUserError(storeError.code, m.notFound(storeError.message), {
          cause: storeError,
          details,
        });
      case 'CONFLICT':
        return createUserError(storeError.code, m.conflict(storeError.message), {
          cause: storeError,
          details,
        });
      case 'DATA_DIR_LOCKED':
        return createSystemError(storeError.code, m.dataDirLocked, {
          cause: storeError,
          details: [storeError.message],
          hint: m.dataDirLockedHint,
        });
      default:
        return createSystemError(storeError.code, m.databaseFailed(storeError.message), {
          cause: storeError,
          details,
        });
    }
  }
  if (error instanceof DomainError) {
    return createUserError(error.code, m.illegalTransition(error.message), { cause: error });
  }
  if (error instanceof Error && error.name === 'ProducerError') {
    return createUserError('NOT_POSSIBLE', m.illegalTransition(error.message), { cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return createSystemError(code, (error as Error).message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return createSystemError('UNEXPECTED', m.unexpected(message), { cause: error });
}
