/**
 * The calendar day of an instant in Berlin, written out as German or English readers expect it
 * ("3. Dezember 2026", "3 December 2026"): built with Intl here, independently of the app's own
 * formatting, to check what the pages show.
 */
export function berlinDay(instant: string, language: 'de' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date(instant));
}
