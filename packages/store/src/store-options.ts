import { z } from 'zod';
import { MIN_SECRET_LENGTH } from './keyed-hash';

/**
 * Options of `openStore`, taken from the app's config (the store itself never reads the
 * environment). With `databaseUrl` the store uses PostgreSQL; without it, embedded PGlite in
 * `<dataDir>/pglite`.
 */
export const StoreOptions = z
  .object({
    /** `postgres://user@host:5432/db` (DATABASE_URL). */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
    /** The app's data folder (REGIOKIT_DATA_DIR); `memory://` keeps PGlite in memory (tests). */
    dataDir: z.string().min(1, { error: 'expected a folder path' }).optional(),
    /** REGIOKIT_SECRET: signs tokens and keys the address and IP hashes. */
    secret: z.string().min(MIN_SECRET_LENGTH, {
      error: (i) =>
        `expected a secret of at least ${MIN_SECRET_LENGTH} characters, got ${String((i.input as string).length)}`,
    }),
    /**
     * How the IP address and user agent of a sign-up are kept in the consent log: `hashed`
     * (keyed HMAC, default: enough to check a claimed IP, nothing to leak) or `plain`.
     */
    clientData: z.enum(['hashed', 'plain']).default('hashed'),
    /** Pool size on PostgreSQL. */
    maxConnections: z.int().positive().max(100).default(10),
  })
  .refine((o) => o.databaseUrl !== undefined || o.dataDir !== undefined, {
    path: ['dataDir'],
    error: 'expected a data folder when no databaseUrl is given',
  });
export type StoreOptions = z.input<typeof StoreOptions>;
