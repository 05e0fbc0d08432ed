// Opening the store

// API tokens (web app, CLI)
export type { ApiToken, ApiTokenQuery, ApiTokenRepository, ApiTokenState } from './api-tokens';
export { ALL_REGIONS, ApiTokenInput, apiTokenCoversRegion, apiTokenState } from './api-tokens';
// Audiences and the suppression list (worker)
export type { AudienceReader, Recipient } from './audience';
export { AudienceOptions } from './audience';
// Audit log of staff actions
export type { AuditEntry, AuditLog, AuditQuery } from './audit-log';
export { Actor, AuditInput } from './audit-log';
// Campaigns and the send ledger (worker)
export type { CampaignQuery, CampaignRepository } from './campaigns';
export { CampaignChange, CampaignInput, StoredCampaign } from './campaigns';
// Subscribers and the consent log
export type { ConsentEntry, ConsentLog, ConsentSummary } from './consent-log';
export { ExportOptions } from './csv-export';
// CSV import and export of subscribers
export type { CsvColumn, ImportProgress, ImportReport, ImportRowResult } from './csv-import';
export { CSV_COLUMNS, ImportOptions, SkipReason } from './csv-import';
export type { CsvDelimiter, CsvSource } from './csv-source';
// Data-subject requests: access and erasure
export type { DataSubjectRequests, SubjectDelivery, SubjectErasure, SubjectExport } from './data-subject';
export { SubjectRequest } from './data-subject';
export type { Backend } from './database';
// Domain records, lists and topics
export type { MailingListRepository } from './mailing-lists';
export type { OpenStoreExtras, Store } from './open-store';
export { openStore } from './open-store';

// Double opt-in, unsubscribe and preferences (web app)
export type { ClientContext, OptInRequested, OptInService } from './opt-in';
export { OptInRequest, PreferencesChange } from './opt-in';
export type {
  EntryKind,
  PublicationChange,
  PublicationInfo,
  PublishableKind,
  RecordEntry,
  RecordKind,
  RecordOf,
  RecordRepository,
  RecordWriteOptions,
} from './records';
export { isPublishableKind, RECORD_SCHEMAS } from './records';
export type {
  Claim,
  LedgerEntry,
  LedgerProgress,
  MinuteProgress,
  SendLedger,
  SettleResult,
} from './send-ledger';
export { ClaimOptions, LedgerState, Outcome } from './send-ledger';
// Errors
export type { StoreErrorCode } from './store-error';
export { StoreError } from './store-error';
export { StoreOptions } from './store-options';
export type { SubscriberQuery, SubscriberRepository } from './subscribers';
export { SubscriberProfile } from './subscribers';
export type { SuppressionList } from './suppressions';
export { SuppressionInput, SuppressionReason } from './suppressions';
// Tokens for confirm, unsubscribe and preference links (usable without a store)
export type { CreateTokenInput, TokenCheck, TokenClaims } from './tokens';
export { createToken, TOKEN_LIFETIMES, TokenPurpose, verifyToken } from './tokens';
export type { TopicRepository } from './topics';
