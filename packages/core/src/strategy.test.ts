import { describe, expect, it } from 'vitest';
import { NORDTHUERINGEN } from './examples/nordthueringen';
import { Indicator } from './indicator';
import { findCurrentVersion, formatFieldOfActionLabel, isStrategyValidOn, Strategy } from './strategy';
import { formatFieldErrors, validate } from './validation';

const strategyInput = {
  id: 'rwek',
  regionId: 'thueringer-bogen',
  kind: 'rwek',
  title: 'RWEK',
  versions: [
    { label: 'RWEK 2016/17', year: 2017 },
    { label: 'Fortschreibung', date: '2021-11-30' },
  ],
  vision: 'Wirtschaft und Leben in perfekter Lage.',
  goals: [
    {
      id: 'z1',
      code: 'Z1',
      title: 'Fachkräfte sichern',
      indicators: [
        {
          name: 'Ausbildungsverträge',
          unit: 'Verträge',
          baseline: 100,
          baselineYear: 2021,
          target: 120,
          targetYear: 2027,
        },
      ],
    },
    { id: 'z2', title: 'Flächen entwickeln' },
  ],
  fieldsOfAction: [
    { id: 'a', code: 'A', title: 'Wirtschaft & Standort', goalIds: ['z2'] },
    { id: 'b', code: 'B', title: 'Arbeitsmarkt & Bildung', goalIds: ['z1'] },
  ],
  crossCuttingThemes: [{ title: 'Digitalisierung' }],
  validity: { from: '2021-12-01', to: '2030-12-31' },
};

describe('Strategy', () => {
  it('accepts a strategy with versions, goals, fields and themes', () => {
    const strategy = Strategy.parse(strategyInput);
    expect(strategy.fieldsOfAction.map(formatFieldOfActionLabel)).toEqual([
      'A – Wirtschaft & Standort',
      'B – Arbeitsmarkt & Bildung',
    ]);
    expect(findCurrentVersion(strategy)?.label).toBe('Fortschreibung');
  });

  it.each(['rek', 'rwek', 'irek', 'les', 'other'])('accepts the kind %s', (kind) => {
    expect(validate(Strategy, { ...strategyInput, kind }).success).toBe(true);
  });

  it.each([
    [
      'a field naming an unknown goal',
      { fieldsOfAction: [{ id: 'a', code: 'A', title: 'A', goalIds: ['z9'] }] },
      'fieldsOfAction[0].goalIds[0]: expected the id of a goal of this strategy, got "z9"',
    ],
    [
      'two goals with one id',
      {
        goals: [
          { id: 'z1', title: 'x' },
          { id: 'z1', title: 'y' },
        ],
        fieldsOfAction: [],
      },
      'goals[1].id: expected a unique goal id, got "z1" twice',
    ],
    [
      'two fields with one id and one code',
      {
        fieldsOfAction: [
          { id: 'a', code: 'A', title: 'x' },
          { id: 'a', code: 'A', title: 'y' },
        ],
      },
      'fieldsOfAction[1].id: expected a unique field of action id, got "a" twice\nfieldsOfAction[1].code: expected a unique code, got "A" twice',
    ],
    [
      'a lower-case code',
      { fieldsOfAction: [{ id: 'a', code: 'a', title: 'x' }] },
      'fieldsOfAction[0].code: expected a code of capital letters or digits such as "B" or "2.1", got "a"',
    ],
    [
      'versions out of order',
      {
        versions: [
          { label: 'Fortschreibung', date: '2021-11-30' },
          { label: 'RWEK', year: 2017 },
        ],
      },
      'versions[1]: expected versions in date order, got "RWEK" before "Fortschreibung"',
    ],
    [
      'a version without date or year',
      { versions: [{ label: 'RWEK' }] },
      'versions[0].date: expected a date or a year of the version',
    ],
    [
      'a version whose year is not its date',
      { versions: [{ label: 'RWEK', date: '2021-11-30', year: 2020 }] },
      'versions[0].year: expected the year of the date',
    ],
    ['no version', { versions: [] }, 'versions: expected at least one version'],
    [
      'a validity ending before it starts',
      { validity: { from: '2030-01-01', to: '2021-01-01' } },
      'validity.to: expected the end not before the start',
    ],
  ])('rejects %s', (_name, patch, message) => {
    const result = validate(Strategy, { ...strategyInput, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatFieldErrors(result.errors)).toBe(message);
  });

  it.each([
    ['2021-11-30', false],
    ['2021-12-01', true],
    ['2030-12-31', true],
    ['2031-01-01', false],
  ])('is valid on %s: %s', (date, valid) => {
    expect(isStrategyValidOn(Strategy.parse(strategyInput), date)).toBe(valid);
  });

  it('applies forever when it has no validity', () => {
    expect(isStrategyValidOn({ validity: undefined }, '1999-01-01')).toBe(true);
  });

  it('labels a field without code by its title', () => {
    expect(formatFieldOfActionLabel({ title: 'Infrastruktur' })).toBe('Infrastruktur');
  });

  it('has the five Nordthüringen goals to 2025 in the example', () => {
    const goals = NORDTHUERINGEN.strategies[0]!.goals;
    expect(goals).toHaveLength(5);
    expect(goals.every((g) => g.indicators[0]?.targetYear === 2025)).toBe(true);
  });
});

describe('Indicator', () => {
  it.each([
    [{ name: 'Wanderungssaldo', unit: 'Personen', direction: 'reach', target: 0, targetYear: 2025 }, ''],
    [
      { name: 'Quote', unit: '%', baseline: 8, baselineYear: 2030, target: 6, targetYear: 2025 },
      'targetYear: expected a target year not before the baseline year 2030, got 2025',
    ],
    [
      { name: 'Quote', unit: '%', baselineYear: 2020 },
      'baseline: expected a baseline value when a baseline year is given',
    ],
    [{ name: 'Quote', unit: '', target: 1 }, 'unit: expected a non-empty text'],
    [
      { name: 'Quote', unit: '%', targetYear: 1850 },
      'targetYear: expected a year between 1900 and 2200, got 1850',
    ],
  ])('checks %j', (input, message) => {
    const result = validate(Indicator, input);
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});
