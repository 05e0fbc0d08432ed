// biome-ignore-all assist/source/organizeImports: exports are grouped by topic, one comment per group

// Compiling mails: render once per campaign and language
export type { CompileOptions } from './mail-layout';
export type { NewsletterOptions } from './newsletter';
export { compileNewsletter, TEXT_WIDTH } from './newsletter';
export type { PressReleaseOptions } from './press-release';
export { compilePressRelease } from './press-release';
export type {
  DoubleOptInMail,
  ServiceMail,
  ServiceMailOptions,
  UnsubscribeConfirmationMail,
} from './service-mail';
export { compileServiceMail } from './service-mail';

// Newsletters outside mail: the public web version
export type { NewsletterPageOptions } from './newsletter-page';
export { renderNewsletterPage, renderNewsletterPageStyleSheet } from './newsletter-page';

// Press releases outside mail: archive page and text for editorial systems
export type { PressReleasePageOptions, RenderedPage } from './press-release-page';
export { renderPressReleasePage } from './press-release-page';
export type { PressReleaseTextOptions } from './press-release';
export { renderPressReleaseText } from './press-release';

// Personalising: fill the compiled chunks per recipient
export type { PersonalisedMail } from './personalise';
export { fillParts, personalise, resolveMergeValues } from './personalise';

// Compiled templates: the chunk structure a sender may encode itself
export type {
  CompiledTemplate,
  CompiledText,
  ContentWarning,
  MergeSlot,
  TemplateKind,
  TemplatePart,
} from './compiled-template';
export { HTML_SIZE_LIMIT_BYTES } from './compiled-template';

// Merge fields
export type { MergeContext, MergeField, MergeValues } from './merge-field';
export { AUTHOR_MERGE_FIELDS, MERGE_FIELDS, URL_MERGE_FIELDS } from './merge-field';

// Escaping per context
export { escapeAttribute, escapeHeader, escapeHtml, escapeText, escapeUrl, isSafeUrl } from './escape';

// Themes
export type { Theme, ThemeColours, ThemeLinks, ThemeLogo, ThemeOptions } from './theme';
export {
  assertValidTheme,
  createTheme,
  DEFAULT_COLOURS,
  REGION_THEME_PRESETS,
  SYSTEM_FONT_STACK,
} from './theme';

// Languages and formatting
export type { Messages } from './messages';
export { getMessages, MESSAGES } from './messages';
export { formatDateline } from './dateline';
export {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatEventTime,
  formatInstantDate,
  formatMoney,
  formatTime,
} from './format';

// Errors
export type { ContentErrorCode } from './content-error';
export { ContentError } from './content-error';
