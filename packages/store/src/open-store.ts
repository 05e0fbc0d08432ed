import { join } from 'node:path';
import { type ApiTokenRepository, createApiTokenRepository } from './api-tokens';
import { type AudienceReader, createAudienceReader } from './audience';
import { type AuditLog, createAuditLog } from './audit-log';
import { type CampaignRepository, createCampaignRepository } from './campaigns';
import { type ConsentLog, createConsentLog } from './consent-log';
import { createDataSubjectRequests, type DataSubjectRequests } from './data-subject';
import { type Backend, connectDatabase, type Database } from './database';
import { createMailingListRepository, type MailingListRepository } from './mailing-lists';
import { migrate, readMigrations } from './migrate';
import { createOptInService, type OptInService } from './opt-in';
import { parseInput } from './parse-input';
import { createRecordRepository, type RecordRepository } from './records';
import { createSendLedger, type SendLedger } from './send-ledger';
import { createStoreContext } from './store-context';
import { StoreOptions } from './store-options';
import { createSubscriberRepository, type SubscriberRepository } from './subscribers';
import { createSuppressionList, type SuppressionList } from './suppressions';
import { createTopicRepository, type TopicRepository } from './topics';

/** The store: every repository on one database. Close it when done. */
export interface Store {
  /** `postgres` with a databaseUrl, else `pglite`. */
  readonly backend: Backend;
  /** Regions, newsletter issues, press releases, events, articles (validated by core). */
  readonly records: RecordRepository;
  readonly lists: MailingListRepository;
  readonly topics: TopicRepository;
  readonly subscribers: SubscriberRepository;
  /** Consent log (read side) and consent texts. */
  readonly consent: ConsentLog;
  /** Double opt-in, unsubscribe, preferences and their tokens (web app). */
  readonly optIn: OptInService;
  readonly suppressions: SuppressionList;
  /** Access and erasure requests for one address (GDPR Art. 15 and 17). */
  readonly dataSubjects: DataSubjectRequests;
  /** Campaign audiences in batches (the worker). */
  readonly audience: AudienceReader;
  readonly campaigns: CampaignRepository;
  /** Claim and settle recipients of a campaign (the worker); progress counts. */
  readonly ledger: SendLedger;
  readonly audit: AuditLog;
  /** Tokens of the JSON API and other tooling, scoped to one region or all. */
  readonly apiTokens: ApiTokenRepository;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** Extra knobs for tests and tools. */
export interface OpenStoreExtras {
  /** Current time for tokens (defaults to the system clock). */
  readonly clock?: () => Date;
}

/**
 * Opens the store on PostgreSQL (`databaseUrl`) or embedded PGlite (`<dataDir>/pglite`) and
 * brings the schema up to date before returning.
 *
 * @example const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, secret: config.secret })
 */
export async function openStore(options: StoreOptions & OpenStoreExtras): Promise<Store> {
  const parsed = parseInput(StoreOptions, options, 'store options');
  const database = await connectDatabase(
    parsed.databaseUrl !== undefined
      ? { url: parsed.databaseUrl, maxConnections: parsed.maxConnections }
      : { pgliteDir: pgliteDir(parsed.dataDir ?? '') },
  );
  try {
    await migrate(database, await readMigrations());
  } catch (error) {
    await database.close();
    throw error;
  }
  return assembleStore(database, parsed.secret, parsed.clientData, options.clock ?? (() => new Date()));
}

function pgliteDir(dataDir: string): string {
  return dataDir.startsWith('memory://') ? 'memory://' : join(dataDir, 'pglite');
}

function assembleStore(
  database: Database,
  secret: string,
  clientData: 'hashed' | 'plain',
  clock: () => Date,
): Store {
  const ctx = createStoreContext(database, secret, clientData, clock);
  return {
    backend: database.backend,
    records: createRecordRepository(ctx),
    lists: createMailingListRepository(ctx),
    topics: createTopicRepository(ctx),
    subscribers: createSubscriberRepository(ctx),
    consent: createConsentLog(ctx),
    optIn: createOptInService(ctx),
    suppressions: createSuppressionList(ctx),
    dataSubjects: createDataSubjectRequests(ctx),
    audience: createAudienceReader(ctx),
    campaigns: createCampaignRepository(ctx),
    ledger: createSendLedger(ctx),
    audit: createAuditLog(ctx),
    apiTokens: createApiTokenRepository(ctx),
    close: () => database.close(),
  };
}
