import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What {@link ensureSecret} did. */
export type SecretSource = 'env' | 'file' | 'created';

/**
 * The secret that signs tokens: REGIOKIT_SECRET when set, else the data folder's `secret` file,
 * which is created with 32 random bytes on first use (the worker and the web app read the same file).
 */
export function ensureSecret(
  fromEnv: string | undefined,
  file: string,
): { secret: string; source: SecretSource } {
  if (fromEnv !== undefined) return { secret: fromEnv, source: 'env' };
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return { secret: existing, source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    // 'wx': when two processes start together, the first secret written wins
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, source: 'created' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { secret: readFileSync(file, 'utf8').trim(), source: 'file' };
    }
    throw error;
  }
}
