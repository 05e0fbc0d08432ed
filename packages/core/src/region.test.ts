import { describe, expect, it } from 'vitest';
import { formatFieldErrors, kreisKey, Region, validate } from './index';

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

describe('Region members', () => {
  const withMember = (member: object) => ({ ...base, members: [...base.members, member] });

  it.each([
    [
      'a Gemeinde with a 5-digit key',
      { officialName: 'Kronshagen', displayName: 'Kronshagen', kind: 'gemeinde', officialKey: '01059' },
      'members[3].officialKey: expected the 8-digit AGS for a Gemeinde, got the 5-digit key "01059"',
    ],
    [
      'a member twice',
      { officialName: 'Plön', displayName: 'Kreis Plön', kind: 'kreis', officialKey: '01057' },
      'members[3].officialKey: expected each member once, got "01057" twice',
    ],
    [
      'an unknown kind',
      { officialName: 'X', displayName: 'X', kind: 'bezirk', officialKey: '01059' },
      'members[3].kind: Invalid option: expected one of "landkreis"|"kreis"|"kreisfreie-stadt"|"landeshauptstadt"|"gemeinde"',
    ],
  ])('rejects %s', (_name, member, message) => {
    const result = validate(Region, withMember(member));
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });

  it('accepts a Gemeinde with its 8-digit AGS and a population with source', () => {
    const result = validate(
      Region,
      withMember({
        officialName: 'Kronshagen',
        displayName: 'Gemeinde Kronshagen',
        kind: 'gemeinde',
        officialKey: '01058092',
        population: { count: 12000, asOf: '2018-12-31', source: 'Beispiel' },
      }),
    );
    expect(result.success).toBe(true);
  });

  it.each([
    [[36.67, 36.67, 26.67], true],
    [[50, 50], true],
    [[33.33, 33.33, 33.33], true],
    [[33.3, 33.3, 33.3], false],
    [[60, 50], false],
  ])('checks shares %j against 100 %% ± tolerance: %s', (shares, ok) => {
    const carrier = {
      ...base.carrier,
      shareholders: shares.map((sharePercent, i) => ({ name: `G${i}`, sharePercent })),
    };
    expect(validate(Region, { ...base, carrier }).success).toBe(ok);
  });

  it('accepts a carrier without shareholders and a dateline style', () => {
    const result = validate(Region, {
      ...base,
      carrier: { name: 'Landratsamt', legalForm: 'landratsamt' },
      datelineStyle: 'brand-date',
    });
    expect(result.success).toBe(true);
  });

  it.each([
    ['01002', '01002'],
    ['16067072', '16067'],
  ])('kreisKey(%s) is %s', (key, expected) => {
    expect(kreisKey(key)).toBe(expected);
  });
});
