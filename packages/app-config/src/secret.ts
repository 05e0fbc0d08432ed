import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from './config-error';
import { SECRET_MIN_LENGTH, SECRET_RULE } from './env-fields';

/** Where the secret came from: the variable, the data folder's file, or a file created just now. */
export type SecretSource = 'env' | 'file' | 'created';

/** The secret that signs tokens, and where it came from. */
export interface LoadedSecret {
  readonly secret: string;
  readonly source: SecretSource;
}

/** The secret file of a data folder: `<data dir>/secret`. */
export function secretFileOf(dataDir: string): string {
  return join(dataDir, 'secret');
}

/** File systems without hard links say so with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * The secret that signs tokens: REGIOKIT_SECRET when set, else the secret file (`<data dir>/secret`),
 * which is created with 32 random bytes (hex, mode 0600) when it does not exist and `create` allows
 * it. Either must hold at least {@link SECRET_MIN_LENGTH} characters; every app and machine of an
 * installation must use the same secret. Throws a {@link ConfigError} naming the file and the rule.
 */
export function loadSecret(options: {
  fromEnv: string | undefined;
  file: string;
  /** Create the file when it does not exist (default true). */
  create?: boolean;
}): LoadedSecret {
  const { fromEnv, file } = options;
  if (fromEnv !== undefined) {
    if (fromEnv.length < SECRET_MIN_LENGTH) {
      throw new ConfigError([`REGIOKIT_SECRET: expected ${SECRET_RULE}, got ${fromEnv.length} characters`]);
    }
    return { secret: fromEnv, source: 'env' };
  }
  const existing = readSecretFile(file);
  if (existing !== undefined) return { secret: existing, source: 'file' };
  if (options.create === false) {
    throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} does not exist`]);
  }
  return createSecretFile(file);
}

/** The file's secret, undefined when there is no file. */
function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} cannot be read (${describe(cause)})`], {
      cause,
    });
  }
  const secret = text.trim();
  if (secret.length < SECRET_MIN_LENGTH) {
    throw new ConfigError([
      `REGIOKIT_SECRET: not set, and ${file} holds ${secret.length} characters; expected ${SECRET_RULE}`,
    ]);
  }
  return secret;
}

function createSecretFile(file: string): LoadedSecret {
  const secret = randomBytes(32).toString('hex');
  // written in full under another name first: a process starting at the same moment sees either
  // no file or the whole secret, never an empty file
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(draft, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      publishSecretFile(draft, file, secret);
      return { secret, source: 'created' };
    } catch (cause) {
      // another process was first: every process keeps the secret written first
      const first = isFileTaken(cause, file) ? readSecretFile(file) : undefined;
      if (first !== undefined) return { secret: first, source: 'file' };
      throw new ConfigError(
        [`REGIOKIT_SECRET: not set, and ${file} cannot be written (${describe(cause)})`],
        {
          cause,
        },
      );
    }
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Whether `cause` says that `file` itself exists (not the folder or the draft). */
function isFileTaken(cause: unknown, file: string): boolean {
  // a link names the existing file as `dest`, a plain write as `path`
  const error = cause as NodeJS.ErrnoException & { dest?: string };
  return error.code === 'EEXIST' && (error.dest === file || error.path === file);
}

/** Gives the draft the file's name unless that exists (EEXIST). */
function publishSecretFile(draft: string, file: string, secret: string): void {
  try {
    linkSync(draft, file);
  } catch (cause) {
    if (!NO_HARD_LINKS.has((cause as NodeJS.ErrnoException).code ?? '')) throw cause;
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  }
}

function describe(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
}
