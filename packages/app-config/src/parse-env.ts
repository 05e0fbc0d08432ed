import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error';

/** The environment as a process sees it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the variables `schema` names out of `env`: values are trimmed, empty ones count as not set,
 * other variables are ignored. Throws a {@link ConfigError} that lists every wrong variable as
 * `NAME: message`.
 */
export function parseEnv<Schema extends z.ZodObject>(schema: Schema, env: Environment): z.output<Schema> {
  const relevant: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') relevant[name] = value;
  }
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** The absolute data folder: REGIOKIT_DATA_DIR resolved against the working directory. */
export function resolveDataDir(dataDir: string, cwd: string): string {
  return resolve(cwd, dataDir);
}
