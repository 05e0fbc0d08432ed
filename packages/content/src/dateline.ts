import type { Dateline, DatelineStyle, Language } from '@regiokit/core';
import { formatDate } from './format';

/**
 * Writes the dateline (Ortsmarke) of a press release: `place-date` gives "Kiel, 6. September
 * 2024 –", `brand-date` gives "KielRegion, 17. November 2022." (the brand instead of the place).
 *
 * @example formatDateline({ place: 'Kiel', date: '2024-09-06' }, 'KielRegion', 'place-date', 'de')
 * // 'Kiel, 6. September 2024 –'
 */
export function formatDateline(
  dateline: Pick<Dateline, 'place' | 'date'>,
  brand: string,
  style: DatelineStyle,
  language: Language,
): string {
  const day = formatDate(dateline.date, language);
  return style === 'brand-date' ? `${brand}, ${day}.` : `${dateline.place}, ${day} –`;
}
