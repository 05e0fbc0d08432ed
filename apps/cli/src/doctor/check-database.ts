import type { Store } from '@regiokit/store';
import type { CliConfig } from '../config';
import type { Messages } from '../i18n/messages';
import { translateError } from '../translate-error';
import { hidePassword } from './check-redis';
import type { CheckResult } from './check-result';

/** The database: opens the store (which brings the schema up to date) and reads from it. */
export async function checkDatabase(
  config: CliConfig,
  openStore: () => Promise<Store>,
  m: Messages,
): Promise<CheckResult> {
  const where =
    config.databaseUrl === undefined ? `PGlite ${config.dataDir}/pglite` : hidePassword(config.databaseUrl);
  try {
    const store = await openStore();
    await store.campaigns.list({ status: 'sending' });
    return { id: 'database', label: m.checkDatabase, status: 'ok', detail: where };
  } catch (error) {
    const failure = translateError(error, m);
    if (failure.code === 'DATA_DIR_LOCKED') {
      return {
        id: 'database',
        label: m.checkDatabase,
        status: 'warn',
        detail: failure.message,
        fix: failure.hint ?? '',
      };
    }
    return {
      id: 'database',
      label: m.checkDatabase,
      status: 'fail',
      detail: `${where}: ${failure.message}`,
      fix: m.fixDatabase,
    };
  }
}
