import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { KIELREGION } from './examples/kielregion';
import { NORDTHUERINGEN } from './examples/nordthueringen';
import { THUERINGER_BOGEN } from './examples/thueringer-bogen';
import {
  computeFinalReportDue,
  computeGrantAmount,
  computeOwnShare,
  countDaysUntilPeriodEnd,
  Grant,
  isGrantActive,
  splitOwnShare,
  sumGrantsByFieldOfAction,
  sumGrantsByInstrument,
} from './funding';
import { Project } from './project';
import { Strategy } from './strategy';
import { formatFieldErrors, validate } from './validation';

const grantInput = {
  id: 'grw-rm-2024-2027',
  regionId: 'thueringer-bogen',
  title: 'GRW Regionalmanagement',
  instrument: 'grw',
  beneficiary: { kind: 'management' },
  period: { from: '2024-08-01', to: '2027-07-31' },
  eligibleCosts: { cents: 108_907_000 },
  ratePercent: 55,
  grant: { cents: 59_898_850 },
  ownShare: { cents: 49_008_150 },
};
const grant = Grant.parse(grantInput);
const region = THUERINGER_BOGEN.region;

describe('Grant schema', () => {
  it('keeps the two Regionalbudget instruments apart', () => {
    expect(Grant.parse({ ...grantInput, instrument: 'regionalbudget-grw' }).instrument).toBe(
      'regionalbudget-grw',
    );
    expect(Grant.parse({ ...grantInput, instrument: 'regionalbudget-leader' }).instrument).toBe(
      'regionalbudget-leader',
    );
    expect(validate(Grant, { ...grantInput, instrument: 'regionalbudget' }).success).toBe(false);
  });

  it.each([
    [
      'a state programme without its name',
      { instrument: 'state-programme' },
      'programme: expected the name of the programme for instrument "state-programme"',
    ],
    [
      'a grant that is not the rate of the eligible costs',
      { grant: { cents: 59_898_851 }, ownShare: undefined },
      'grant: expected 55 % of 108907000 cents = 59898850 cents, got 59898851 cents',
    ],
    [
      'an own share that does not complete the eligible costs',
      { ownShare: { cents: 49_008_149 } },
      'ownShare: expected grant + own share = eligible costs (108907000 cents), got 108906999 cents',
    ],
    [
      'a period ending before it starts',
      { period: { from: '2024-08-01', to: '2024-07-31' } },
      'period.to: expected the end not before the start',
    ],
    [
      'a rate above 100 %',
      { ratePercent: 101, grant: undefined },
      'ratePercent: Too big: expected number to be <=100',
    ],
    [
      'a call whose deadline is before it opens',
      { calls: [{ title: 'Aufruf', opensOn: '2025-02-01', deadline: '2025-01-31' }] },
      'calls[0].deadline: expected the deadline not before the opening day',
    ],
    [
      'a weights key without weights',
      { ownShareKey: { kind: 'weights', weights: [] } },
      'ownShareKey.weights: expected at least one weight',
    ],
  ])('rejects %s', (_name, patch, message) => {
    const result = validate(Grant, { ...grantInput, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatFieldErrors(result.errors)).toBe(message);
  });

  it('accepts a state programme with its name', () => {
    expect(
      validate(Grant, { ...grantInput, instrument: 'state-programme', programme: 'FöRLa' }).success,
    ).toBe(true);
  });
});

describe('amounts', () => {
  it.each([
    [{ grant: { cents: 5, currency: 'EUR' as const } }, 5],
    [{ eligibleCosts: { cents: 80_000_000, currency: 'EUR' as const }, ratePercent: 75 }, 60_000_000],
    [{ eligibleCosts: { cents: 80_000_000, currency: 'EUR' as const } }, undefined],
    [{}, undefined],
  ])('computeGrantAmount(%j) is %s', (input, expected) => {
    expect(computeGrantAmount(input)?.cents).toBe(expected);
  });

  it.each([
    [{ ownShare: { cents: 7, currency: 'EUR' as const } }, 7],
    [{ eligibleCosts: { cents: 79_999_900, currency: 'EUR' as const }, ratePercent: 65 }, 27_999_965],
    [
      {
        eligibleCosts: { cents: 100, currency: 'EUR' as const },
        grant: { cents: 80, currency: 'EUR' as const },
      },
      20,
    ],
    [{ grant: { cents: 80, currency: 'EUR' as const } }, undefined],
  ])('computeOwnShare(%j) is %s', (input, expected) => {
    expect(computeOwnShare(input)?.cents).toBe(expected);
  });
});

describe('period helpers', () => {
  it.each([
    ['2024-07-31', false],
    ['2024-08-01', true],
    ['2026-01-15', true],
    ['2027-07-31', true],
    ['2027-08-01', false],
  ])('isGrantActive on %s is %s', (date, active) => {
    expect(isGrantActive(grant, date)).toBe(active);
  });

  it.each([
    ['2027-07-31', 0],
    ['2027-07-01', 30],
    ['2027-08-01', -1],
    ['2026-07-31', 365],
    ['2024-08-01', 1094],
  ])('countDaysUntilPeriodEnd on %s is %s', (date, days) => {
    expect(countDaysUntilPeriodEnd(grant, date)).toBe(days);
  });

  it.each([
    [{ period: { from: '2024-08-01', to: '2027-07-31' } }, {}, '2028-01-31'],
    [{ period: { from: '2021-08-01', to: '2024-07-31' } }, {}, '2025-01-31'],
    [{ period: { from: '2024-01-01', to: '2024-08-31' } }, {}, '2025-02-28'],
    [{ period: { from: '2023-01-01', to: '2023-08-31' } }, {}, '2024-02-29'],
    [{ period: { from: '2024-01-01', to: '2024-12-31' }, finalReportMonths: 3 }, {}, '2025-03-31'],
    [
      { period: { from: '2024-01-01', to: '2024-12-31' }, finalReportMonths: 3 },
      { months: 12 },
      '2025-12-31',
    ],
    [{ period: { from: '2024-01-01', to: '2024-12-31' } }, { months: 0 }, '2024-12-31'],
  ])('computeFinalReportDue(%j, %j) is %s', (g, options, due) => {
    expect(computeFinalReportDue(g, options)).toBe(due);
  });

  it('rejects a fractional number of months', () => {
    expect(() => computeFinalReportDue(grant, { months: 1.5 })).toThrowError(
      'expected a whole number of months ≥ 0, got 1.5',
    );
  });
});

describe('splitOwnShare', () => {
  it.each([
    ['equal parts', { kind: 'equal' }, [24_504_075, 24_504_075]],
    ['population', { kind: 'population' }, [27_184_337, 21_823_813]],
    [
      'weights',
      {
        kind: 'weights',
        weights: [
          { officialKey: '16070', weight: 1 },
          { officialKey: '16067', weight: 2 },
        ],
      },
      [16_336_050, 32_672_100],
    ],
  ])('splits by %s, exactly', (_name, key, parts) => {
    const shares = splitOwnShare(Grant.parse({ ...grantInput, ownShareKey: key }), region);
    expect(shares.map((s) => s.amount.cents)).toEqual(parts);
    expect(shares.reduce((a, s) => a + s.amount.cents, 0)).toBe(49_008_150);
  });

  it('splits equally when the grant has no key, naming the members', () => {
    expect(splitOwnShare(grant, region).map((s) => `${s.displayName}: ${s.amount.cents}`)).toEqual([
      'Landkreis Gotha: 24504075',
      'Ilm-Kreis: 24504075',
    ]);
  });

  it('splits the KielRegion Regionalbudget own share by shareholding', () => {
    const g = KIELREGION.grants.find((x) => x.id === 'regionalbudget-2016-2019')!;
    expect(splitOwnShare(g, KIELREGION.region).map((s) => s.amount.cents)).toEqual([
      8_249_925, 6_000_150, 8_249_925,
    ]);
  });

  it.each([
    [
      'no own share',
      { ownShare: undefined, grant: undefined, eligibleCosts: undefined },
      'INVALID_ALLOCATION',
    ],
    [
      'a weight for a non-member',
      { ownShareKey: { kind: 'weights', weights: [{ officialKey: '16062', weight: 1 }] } },
      'INVALID_REFERENCE',
    ],
  ])('refuses a grant with %s', (_name, patch, code) => {
    expect(() => splitOwnShare(Grant.parse({ ...grantInput, ...patch }), region)).toThrowError(
      expect.objectContaining({ code }),
    );
  });

  it('refuses a population key when a population is missing', () => {
    const noPopulation = {
      ...region,
      members: region.members.map((m, i) => (i === 1 ? { ...m, population: undefined } : m)),
    };
    expect(() =>
      splitOwnShare(Grant.parse({ ...grantInput, ownShareKey: { kind: 'population' } }), noPopulation),
    ).toThrowError(DomainError);
  });

  it('always splits exactly, for any own share and any weights (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (own, weights) => {
          const g = Grant.parse({
            ...grantInput,
            eligibleCosts: undefined,
            ratePercent: undefined,
            grant: undefined,
            ownShare: { cents: own },
            ownShareKey: {
              kind: 'weights',
              weights: [
                { officialKey: '16067', weight: weights[0] },
                { officialKey: '16070', weight: weights[1] },
              ],
            },
          });
          const shares = splitOwnShare(g, region);
          expect(shares.reduce((a, s) => a + s.amount.cents, 0)).toBe(own);
          expect(shares.every((s) => s.amount.cents >= 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('totals', () => {
  it('sums per instrument, in the instruments order', () => {
    expect(
      sumGrantsByInstrument(THUERINGER_BOGEN.grants).map((t) => [
        t.instrument,
        t.count,
        t.grant.cents,
        t.eligibleCosts.cents,
        t.ownShare.cents,
      ]),
    ).toEqual([
      ['grw', 3, 60_000_000 + 51_999_935 + 59_898_850, 268_906_900, 20_000_000 + 27_999_965 + 49_008_150],
      ['regionalbudget-grw', 2, 180_000_000, 0, 0],
    ]);
    expect(sumGrantsByInstrument([])).toEqual([]);
  });

  const strategy = Strategy.parse({
    id: 's',
    regionId: 'r',
    kind: 'rek',
    title: 'REK',
    versions: [{ label: 'REK', year: 2024 }],
    fieldsOfAction: [
      { id: 'a', code: 'A', title: 'A' },
      { id: 'b', code: 'B', title: 'B' },
      { id: 'c', code: 'C', title: 'C' },
    ],
  });
  const p = (id: string, strategyId: string | undefined, fieldOfActionIds: string[]) =>
    Project.parse({
      id,
      regionId: 'r',
      title: id,
      kind: 'idea',
      status: 'idea',
      statusHistory: [{ status: 'idea', since: '2024-01-01' }],
      description: id,
      ...(strategyId === undefined ? {} : { strategyId }),
      fieldOfActionIds,
    });
  const g = (id: string, beneficiary: object, cents: number) =>
    Grant.parse({
      id,
      regionId: 'r',
      title: id,
      instrument: 'leader',
      beneficiary,
      period: { from: '2024-01-01', to: '2024-12-31' },
      grant: { cents },
    });

  it('sums per field of action, splitting a project in several fields exactly', () => {
    const projects = [
      p('two-fields', 's', ['a', 'b']),
      p('no-field', 's', []),
      p('other-strategy', 't', []),
      p('field-c', 's', ['c', 'c']),
    ];
    const grants = [
      g('g1', { kind: 'project', projectId: 'two-fields' }, 101),
      g('g2', { kind: 'project', projectId: 'no-field' }, 50),
      g('g3', { kind: 'project', projectId: 'other-strategy' }, 1000),
      g('g4', { kind: 'management' }, 7),
      g('g5', { kind: 'project', projectId: 'field-c' }, 10),
      g('g6', { kind: 'project', projectId: 'unknown' }, 3),
    ];
    const result = sumGrantsByFieldOfAction(grants, projects, strategy);
    expect(result.fields.map((f) => [f.fieldOfActionId, f.grant.cents, f.grantIds])).toEqual([
      ['a', 51, ['g1']],
      ['b', 50, ['g1']],
      ['c', 10, ['g5']],
    ]);
    expect(result.unassigned.cents).toBe(50);
    expect(result.management.cents).toBe(7);
  });

  it('counts Nordthüringen management grants apart from fields', () => {
    const result = sumGrantsByFieldOfAction(
      NORDTHUERINGEN.grants,
      NORDTHUERINGEN.projects,
      NORDTHUERINGEN.strategies[0]!,
    );
    expect(result.management.cents).toBe(60_000_000 + 100_000_000 + 120_000_000 + 90_000_000);
    expect(result.fields.every((f) => f.grant.cents === 0)).toBe(true);
  });
});

describe('sumGrantsByFieldOfAction (property)', () => {
  const strategy = Strategy.parse({
    id: 's',
    regionId: 'r',
    kind: 'les',
    title: 'LES',
    versions: [{ label: 'LES', year: 2023 }],
    fieldsOfAction: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() })),
  });

  it('distributes every cent of the strategy projects grants, no more and no less', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(['a', 'b', 'c', 'd', 'x']), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 1_000_000_000 })), { maxLength: 12 }),
        (fieldSets, grantSpecs) => {
          const projects = fieldSets.map((fields, i) =>
            Project.parse({
              id: `p${i}`,
              regionId: 'r',
              title: `p${i}`,
              kind: 'idea',
              status: 'idea',
              statusHistory: [{ status: 'idea', since: '2024-01-01' }],
              description: 'x',
              strategyId: 's',
              fieldOfActionIds: fields,
            }),
          );
          const grants = grantSpecs.map(([p, amount], i) =>
            Grant.parse({
              id: `g${i}`,
              regionId: 'r',
              title: `g${i}`,
              instrument: 'leader',
              beneficiary: { kind: 'project', projectId: `p${p % fieldSets.length}` },
              period: { from: '2024-01-01', to: '2024-12-31' },
              grant: { cents: amount },
            }),
          );
          const result = sumGrantsByFieldOfAction(grants, projects, strategy);
          const distributed = result.fields.reduce((a, f) => a + f.grant.cents, 0) + result.unassigned.cents;
          expect(distributed).toBe(grantSpecs.reduce((a, [, amount]) => a + amount, 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});
