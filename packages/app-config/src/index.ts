// biome-ignore-all assist/source/organizeImports: exports are grouped by concept, one comment per group

// Errors
export { ConfigError } from './config-error';

// Reading the environment
export { parseEnv, resolveDataDir } from './parse-env';
export type { Environment } from './parse-env';

// Field schemas the apps compose their own environment schema from
export {
  DataDir,
  DatabaseUrl,
  DEFAULT_DATA_DIR,
  DEFAULT_REDIS_URL,
  DKIM_FIELDS,
  DkimDomain,
  DkimPrivateKey,
  DkimPrivateKeyFile,
  DkimSelector,
  LOG_LEVELS,
  LogLevel,
  PublicUrl,
  QueuePrefix,
  RedisUrl,
  Secret,
  SECRET_MIN_LENGTH,
  SECRET_RULE,
  SmtpUrl,
  describeExpected,
  quoteValue,
  urlField,
} from './env-fields';

// The secret that signs tokens
export { loadSecret, secretFileOf } from './secret';
export type { LoadedSecret, SecretSource } from './secret';
