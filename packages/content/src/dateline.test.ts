import { describe, expect, it } from 'vitest';
import { formatDateline } from './dateline';

describe('formatDateline', () => {
  it.each([
    ['place-date', 'de', '2024-09-06', 'Kiel, 6. September 2024 –'],
    ['brand-date', 'de', '2022-11-17', 'KielRegion, 17. November 2022.'],
    ['place-date', 'en', '2024-09-06', 'Kiel, 6 September 2024 –'],
    ['brand-date', 'en', '2022-11-17', 'KielRegion, 17 November 2022.'],
  ] as const)('%s in %s', (style, language, date, expected) => {
    expect(formatDateline({ place: 'Kiel', date }, 'KielRegion', style, language)).toBe(expected);
  });
});
