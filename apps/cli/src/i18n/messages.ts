/**
 * Everything the CLI says, in German (default) and English, composed from one catalogue per
 * command (`src/commands/<command>.messages.ts`) and the shared part (`common.messages.ts`).
 * Each part types its English half as its German half, so a key missing in English (or a
 * function with other parameters) fails the type check. Field errors from the schemas of
 * `@regiokit/core` stay as they are (English, naming the field); the sentences around them are
 * translated.
 */
import { API_TOKEN_DE, API_TOKEN_EN, type ApiTokenMessages } from '../commands/api-token.messages';
import { CAMPAIGN_DE, CAMPAIGN_EN, type CampaignMessages } from '../commands/campaign.messages';
import { COVERAGE_DE, COVERAGE_EN, type CoverageMessages } from '../commands/coverage.messages';
import { DEMO_DE, DEMO_EN, type DemoMessages } from '../commands/demo.messages';
import { DOCTOR_DE, DOCTOR_EN, type DoctorMessages } from '../commands/doctor.messages';
import { IMPORT_DE, IMPORT_EN, type ImportMessages } from '../commands/import.messages';
import { INIT_DE, INIT_EN, type InitMessages } from '../commands/init.messages';
import { LIST_DE, LIST_EN, type ListMessages } from '../commands/list.messages';
import { PREVIEW_DE, PREVIEW_EN, type PreviewMessages } from '../commands/preview.messages';
import { PROCESSES_DE, PROCESSES_EN, type ProcessesMessages } from '../commands/processes.messages';
import { PUBLICATION_DE, PUBLICATION_EN, type PublicationMessages } from '../commands/publication.messages';
import { SEND_TEST_DE, SEND_TEST_EN, type SendTestMessages } from '../commands/send-test.messages';
import { SUBSCRIBERS_DE, SUBSCRIBERS_EN, type SubscribersMessages } from '../commands/subscribers.messages';
import { COMMON_DE, COMMON_EN, type CommonMessages } from './common.messages';

/** The parts, in the order they are composed. A key may be defined in one part only. */
type Parts = [
  CommonMessages,
  InitMessages,
  ImportMessages,
  ListMessages,
  CoverageMessages,
  PreviewMessages,
  SendTestMessages,
  CampaignMessages,
  SubscribersMessages,
  ProcessesMessages,
  DoctorMessages,
  DemoMessages,
  ApiTokenMessages,
  PublicationMessages,
];

/** The keys that more than one part defines (a later part would silently win). */
type DuplicateKeys<T extends unknown[], Seen extends PropertyKey = never> = T extends [
  infer Head,
  ...infer Rest,
]
  ? Extract<keyof Head, Seen> | DuplicateKeys<Rest, Seen | keyof Head>
  : never;

// Fails to compile, naming the key, when two parts define the same key.
const noDuplicateKeys: [DuplicateKeys<Parts>] extends [never] ? true : DuplicateKeys<Parts> = true;
void noDuplicateKeys;

const DE = {
  ...COMMON_DE,
  ...INIT_DE,
  ...IMPORT_DE,
  ...LIST_DE,
  ...COVERAGE_DE,
  ...PREVIEW_DE,
  ...SEND_TEST_DE,
  ...CAMPAIGN_DE,
  ...SUBSCRIBERS_DE,
  ...PROCESSES_DE,
  ...DOCTOR_DE,
  ...DEMO_DE,
  ...API_TOKEN_DE,
  ...PUBLICATION_DE,
};

/** The CLI's messages; the German catalogue defines the keys. */
export type Messages = typeof DE;

const EN: Messages = {
  ...COMMON_EN,
  ...INIT_EN,
  ...IMPORT_EN,
  ...LIST_EN,
  ...COVERAGE_EN,
  ...PREVIEW_EN,
  ...SEND_TEST_EN,
  ...CAMPAIGN_EN,
  ...SUBSCRIBERS_EN,
  ...PROCESSES_EN,
  ...DOCTOR_EN,
  ...DEMO_EN,
  ...API_TOKEN_EN,
  ...PUBLICATION_EN,
};

/** The messages of a language. */
export function getMessages(language: 'de' | 'en'): Messages {
  return language === 'de' ? DE : EN;
}
