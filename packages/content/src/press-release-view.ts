import { formatPressReleaseNumber, type Language, type PressRelease } from '@regiokit/core';
import { formatDateline } from './dateline';
import { formatDateTime } from './format';
import type { Messages } from './messages';
import type { Theme } from './theme';

/** The fixed and formatted texts of a press release, shared by the mail, the page and the plain text. */
export interface PressReleaseView {
  /** "Pressemitteilung 12/2026". */
  readonly label: string;
  /** "Sperrfrist: 6. September 2024, 11:00 Uhr", when the release has an embargo. */
  readonly embargo?: string;
  /** "Kiel, 6. September 2024 –" or "KielRegion, 17. November 2022.". */
  readonly dateline: string;
  /** Opening and closing quotation marks of the language. */
  readonly quoteMarks: readonly [string, string];
  /** Contact lines without the e-mail address: name, role, organisation, phone. */
  readonly contactLines: readonly string[];
}

/** Builds the {@link PressReleaseView} of a release for a theme and language. */
export function buildPressReleaseView(
  release: PressRelease,
  theme: Theme,
  messages: Messages,
  language: Language,
): PressReleaseView {
  const contact = release.contact;
  return {
    label: `${messages.pressRelease} ${formatPressReleaseNumber(release.number)}`,
    ...(release.embargo === undefined
      ? {}
      : { embargo: `${messages.embargo}: ${formatDateTime(release.embargo, language, theme.timeZone)}` }),
    dateline: formatDateline(
      release.dateline,
      theme.brand,
      release.dateline.style ?? theme.datelineStyle,
      language,
    ),
    quoteMarks: language === 'de' ? ['„', '“'] : ['“', '”'],
    contactLines: [
      contact.name,
      contact.role,
      contact.organisation,
      contact.phone === undefined ? undefined : `${messages.phone}: ${contact.phone}`,
    ].filter((l): l is string => l !== undefined),
  };
}

/** "– Erika Beispiel, Vorsitzende des Regionalrats". */
export function formatAttribution(quote: PressRelease['quotes'][number]): string {
  return `– ${quote.person}${quote.role === undefined ? '' : `, ${quote.role}`}`;
}
