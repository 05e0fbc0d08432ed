// biome-ignore-all assist/source/organizeImports: exports are grouped by concept, one comment per group

// Errors and validation
export { DomainError } from './errors';
export type { DomainErrorCode } from './errors';
export {
  findUnknownKeys,
  formatFieldErrors,
  formatPath,
  suggestKey,
  toFieldErrors,
  validate,
} from './validation';
export type { FieldError, UnknownKeyError, Validation } from './validation';

// Ids
export {
  ArticleId,
  BodyId,
  CampaignId,
  DecisionId,
  EventId,
  FieldOfActionId,
  GoalId,
  GrantId,
  ListId,
  NewsletterIssueId,
  PressReleaseId,
  ProjectId,
  RegionId,
  StrategyId,
  SubscriberId,
  TopicId,
  WorkshopId,
} from './ids';

// Common value types
export {
  ContactPerson,
  Email,
  Image,
  Instant,
  IsoDate,
  Language,
  Line,
  LinkUrl,
  PostalAddress,
  Text,
  TimeZone,
  WebUrl,
  Year,
} from './common';

// Calendar days
export { addDaysToIsoDate, addMonthsToIsoDate, countDaysBetween, toIsoDateInZone } from './calendar';

// Money
export { allocateCents, allocateMoney, applyRate, cents, euros, Money, sumMoney } from './money';

// Status lifecycles
export { assertTransition, canTransition, defineLifecycle, listNextStatuses } from './lifecycle';
export type { Lifecycle } from './lifecycle';

// Region, members and carrier
export {
  Bundesland,
  CarrierOrganisation,
  Imprint,
  kreisKey,
  LAND_CODES,
  LegalForm,
  Member,
  MemberKind,
  OfficialKey,
  Population,
  Region,
  Sender,
  SHARE_SUM_TOLERANCE,
  Shareholder,
} from './region';

// Bodies and decisions
export { Body, BodyMember, BodyRole, listBodySectors, Sector } from './body';
export { Decision, DecisionOutcome } from './decision';

// Strategy
export {
  CrossCuttingTheme,
  FieldOfAction,
  FieldOfActionCode,
  findCurrentVersion,
  formatFieldOfActionLabel,
  Goal,
  isStrategyValidOn,
  Strategy,
  StrategyKind,
  StrategyValidity,
  StrategyVersion,
} from './strategy';
export { Indicator, IndicatorDirection } from './indicator';

// Projects
export { PROJECT_LIFECYCLE, ProjectStatus } from './project-status';
export {
  checkProjectArea,
  checkProjectReferences,
  CostItem,
  isWithinRegion,
  listMilestonesReachedBetween,
  listStatusChangesBetween,
  Milestone,
  Project,
  ProjectCosts,
  ProjectKind,
  ProjectPartner,
  ProjectPeriod,
  ProjectStatusChange,
  transitionProject,
} from './project';
export type { ProjectReferences, ProjectTransitionContext } from './project';
export { Measure, MeasureSchedule } from './measure';
export { Organisation, OrganisationKind } from './organisation';

// Funding
export {
  computeFinalReportDue,
  computeGrantAmount,
  computeOwnShare,
  CostSharingKey,
  countDaysUntilPeriodEnd,
  DEFAULT_FINAL_REPORT_MONTHS,
  FundingCall,
  FundingInstrument,
  Grant,
  GrantBeneficiary,
  GrantPeriod,
  isGrantActive,
  splitOwnShare,
  sumGrantsByFieldOfAction,
  sumGrantsByInstrument,
} from './funding';
export type {
  FieldOfActionFunding,
  FinalReportOptions,
  FundingByFieldOfAction,
  InstrumentTotal,
  MemberShare,
} from './funding';

// Workshops
export { Workshop } from './workshop';

// Communication records
export { Article } from './article';
export { Event } from './event';
export {
  ArticleItem,
  Editorial,
  EventItem,
  FundingCallItem,
  NewsletterIssue,
  NewsletterItem,
  NewsletterSection,
  ProjectUpdateItem,
} from './newsletter-issue';
export {
  Boilerplate,
  Dateline,
  DatelineStyle,
  formatPressReleaseNumber,
  isEmbargoLifted,
  PressImage,
  PressRelease,
  PressReleaseNumber,
  Quote,
} from './press-release';

// Publication of newsletter issues and press releases
export {
  applyPublicationAction,
  canTakePublicationAction,
  isPubliclyVisible,
  listPublicationActions,
  PUBLICATION_ACTION_TARGETS,
  PUBLICATION_LIFECYCLE,
  PublicationAction,
  PublicationState,
} from './publication';

// Subscribers, consent and lists
export { Audience, ContentKey, ListKind, MailingList, Topic } from './audience';
export { normaliseEmail, Salutation, SUBSCRIBER_LIFECYCLE, Subscriber, SubscriberStatus } from './subscriber';
export { ConsentAction, ConsentRecord, ConsentSource } from './consent';

// Campaigns
export {
  CAMPAIGN_LIFECYCLE,
  Campaign,
  CampaignContent,
  CampaignStatus,
  CronExpression,
  TimePlan,
} from './campaign';

// Rules: strategy coverage and newsletter digest
export { computeStrategyCoverage } from './coverage';
export type { CoverageOptions, FieldOfActionCoverage, GoalCoverage, StrategyCoverage } from './coverage';
export { composeDigest, DEFAULT_DIGEST_HORIZON_DAYS } from './digest';
export type { DigestBundle, DigestInput } from './digest';

// JSON Schema of the top-level records
export { RECORD_SCHEMAS } from './record-schemas';
export type { RecordName } from './record-schemas';

// Region bundles
export { checkRegionBundle } from './region-bundle';
export type { RegionBundle } from './region-bundle';
