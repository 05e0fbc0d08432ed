import { describe, expect, it } from 'vitest';
import { formatFieldErrors, Region, validate } from './index';

const base = {
  id: 'kielregion',
  name: 'KielRegion',
  brand: 'KielRegion',
  bundesland: 'Schleswig-Holstein',
  members: [
    {
      officialName: 'Kiel, Landeshauptstadt',
      displayName: 'Landeshauptstadt Kiel',
      kind: 'kreisfreie-stadt',
      officialKey: '01002',
    },
    { officialName: 'Plön', displayName: 'Kreis Plön', kind: 'kreis', officialKey: '01057' },
    {
      officialName: 'Rendsburg-Eckernförde',
      displayName: 'Kreis Rendsburg-Eckernförde',
      kind: 'kreis',
      officialKey: '01058',
    },
  ],
  carrier: {
    name: 'KielRegion GmbH',
    legalForm: 'gmbh',
    shareholders: [
      { name: 'Landeshauptstadt Kiel', sharePercent: 36.67 },
      { name: 'WFG Infrastruktur GmbH', sharePercent: 36.67 },
      { name: 'Kreis Plön', sharePercent: 26.67 },
    ],
  },
};

describe('Region', () => {
  it('accepts a valid region and fills defaults', () => {
    const result = validate(Region, base);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    ['a 4-digit key', { officialKey: '1002' }, 'members[2].officialKey: expected 5 or 8 digits, got "1002"'],
    [
      'a key with letters',
      { officialKey: '0105A' },
      'members[2].officialKey: expected 5 or 8 digits, got "0105A"',
    ],
    [
      'a key of another Land',
      { officialKey: '16067' },
      'members[2].officialKey: expected a key starting with 01 (Schleswig-Holstein), got "16067"',
    ],
  ])('rejects %s with an error naming the field', (_name, patch, message) => {
    const members = base.members.map((m, i) => (i === 2 ? { ...m, ...patch } : m));
    const result = validate(Region, { ...base, members });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatFieldErrors(result.errors)).toBe(message);
  });

  it('rejects shares that do not sum to 100 %', () => {
    const carrier = { ...base.carrier, shareholders: base.carrier.shareholders.slice(0, 2) };
    const result = validate(Region, { ...base, carrier });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors).toEqual([
        { path: 'carrier.shareholders', message: 'expected shares that sum to 100 % (±0.05), got 73.34 %' },
      ]);
    }
  });
});
