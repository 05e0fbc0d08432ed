import { type LoadedSecret, loadSecret } from '@regiokit/app-config';

export type { SecretSource } from '@regiokit/app-config';

/**
 * The secret that signs tokens: REGIOKIT_SECRET when set, else the data folder's `secret` file,
 * which is created on first use (the worker and the web app read the same file). A secret shorter
 * than 32 characters, from either, is a `ConfigError`.
 */
export function ensureSecret(fromEnv: string | undefined, file: string): LoadedSecret {
  return loadSecret({ fromEnv, file });
}
