// Errors and validation

// Communication records
export { Article } from './article';
export { Audience, ListKind, MailingList, Topic } from './audience';
export {
  CAMPAIGN_LIFECYCLE,
  Campaign,
  CampaignContent,
  CampaignStatus,
  CronExpression,
  TimePlan,
} from './campaign';
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
} from './common';
export { ConsentAction, ConsentRecord, ConsentSource } from './consent';
export type { DomainErrorCode } from './errors';
export { DomainError } from './errors';
export { Event } from './event';
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
export type { Lifecycle } from './lifecycle';
// Status lifecycles
export { assertTransition, canTransition, defineLifecycle } from './lifecycle';
// Money
export { allocateCents, cents, euros, Money, sumMoney } from './money';
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
// Projects
export { PROJECT_LIFECYCLE, ProjectStatus } from './project-status';
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
export { normaliseEmail, Salutation, SUBSCRIBER_LIFECYCLE, Subscriber, SubscriberStatus } from './subscriber';
export type { FieldError, Validation } from './validation';
export { formatFieldErrors, formatPath, toFieldErrors, validate } from './validation';
