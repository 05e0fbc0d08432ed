/** Formats numbers, dates and sizes for the person at the terminal (de-DE or en-GB). */
export interface Format {
  readonly locale: 'de-DE' | 'en-GB';
  /** `2.000` / `2,000`. */
  number(value: number): string;
  /** One decimal: `12,5` / `12.5`. */
  decimal(value: number, digits?: number): string;
  /** `21.11.2026` / `21/11/2026`, from an ISO date. */
  date(isoDate: string): string;
  /** `21.11.2026, 09:00` in the time zone (Europe/Berlin unless given). */
  dateTime(instant: Date | string, timeZone?: string): string;
  /** `1.089.070,00 €` from integer cents (formatted from a decimal string: no cent lost to floating point). */
  money(money: { cents: number; currency: string }): string;
  /** `72,7 KiB`. */
  bytes(bytes: number): string;
  /** `1 h 5 min`, `42 s`. */
  duration(ms: number): string;
}

/** Builds the {@link Format} of a language. */
export function createFormat(language: 'de' | 'en'): Format {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const decimal = (value: number, digits = 1) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    );
  return {
    locale,
    number: (value) => integer.format(value),
    decimal,
    date: (iso) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    dateTime: (instant, timeZone = 'Europe/Berlin') =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }).format(typeof instant === 'string' ? new Date(instant) : instant),
    money: ({ cents, currency }) => {
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      const decimal = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
      // Intl formats a decimal string exactly (Intl.NumberFormat v3); the cast is for older lib typings
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
        decimal as unknown as number,
      );
    },
    bytes: (bytes) => (bytes < 1024 ? `${integer.format(bytes)} B` : `${decimal(bytes / 1024)} KiB`),
    duration: (ms) => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      if (seconds < 60) return `${seconds} s`;
      const minutes = Math.floor(seconds / 60);
      if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
      return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
    },
  };
}
