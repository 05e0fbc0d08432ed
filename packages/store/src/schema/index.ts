export { apiTokens } from './api-tokens';
export { auditLog } from './audit-log';
export { CAMPAIGN_STATUSES, campaigns } from './campaigns';
export { CONSENT_ACTIONS, CONSENT_SOURCES, consentLog, consentTexts } from './consent';
export { mailingLists, topics } from './mailing-lists';
export { records } from './records';
export { LEDGER_STATES, sendLedger } from './send-ledger';
export { SUBSCRIBER_STATUSES, subscriberLists, subscribers, subscriberTopics } from './subscribers';
export { SUPPRESSION_REASONS, suppressions } from './suppressions';
