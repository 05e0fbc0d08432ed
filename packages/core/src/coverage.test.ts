import { describe, expect, it } from 'vitest';
import { computeStrategyCoverage } from './coverage';
import { KIELREGION } from './examples/kielregion';
import { NORDTHUERINGEN } from './examples/nordthueringen';
import { Grant } from './funding';
import { Project } from './project';
import { Strategy } from './strategy';

const strategy = Strategy.parse({
  id: 's',
  regionId: 'r',
  kind: 'rek',
  title: 'REK',
  versions: [{ label: 'REK', year: 2024 }],
  goals: [
    { id: 'z1', title: 'Ziel über Handlungsfeld' },
    { id: 'z2', title: 'Ziel direkt' },
    { id: 'z3', title: 'Ziel ohne Projekt' },
  ],
  fieldsOfAction: [
    { id: 'a', code: 'A', title: 'A', goalIds: ['z1'] },
    { id: 'b', code: 'B', title: 'B' },
    { id: 'c', code: 'C', title: 'C' },
  ],
});

const project = (id: string, status: string, patch: object) =>
  Project.parse({
    id,
    regionId: 'r',
    title: id,
    kind: 'lead-project',
    status,
    statusHistory: [{ status, since: '2024-01-01' }],
    description: id,
    strategyId: 's',
    ...patch,
  });
const grant = (id: string, projectId: string, cents: number) =>
  Grant.parse({
    id,
    regionId: 'r',
    title: id,
    instrument: 'leader',
    beneficiary: { kind: 'project', projectId },
    period: { from: '2024-01-01', to: '2025-12-31' },
    grant: { cents },
  });

const projects = [
  project('p1', 'running', { fieldOfActionIds: ['a', 'b'] }),
  project('p2', 'approved', { goalIds: ['z2'] }),
  project('p3', 'rejected', { fieldOfActionIds: ['c'], goalIds: ['z3'] }),
  project('p4', 'running', { strategyId: 'other', fieldOfActionIds: ['c'] }),
  project('p0', 'idea', { fieldOfActionIds: ['b'] }),
];
const grants = [
  grant('g1', 'p1', 1001),
  grant('g2', 'p2', 300),
  grant('g3', 'p3', 5000),
  grant('g4', 'p4', 7000),
];

describe('computeStrategyCoverage', () => {
  const coverage = computeStrategyCoverage(strategy, projects, grants);

  it('lists projects and funding per field of action', () => {
    expect(coverage.fieldsOfAction.map((f) => [f.fieldOfAction.id, f.projectIds, f.grant.cents])).toEqual([
      ['a', ['p1'], 501],
      ['b', ['p0', 'p1'], 500],
      ['c', [], 0],
    ]);
  });

  it('serves goals directly and through fields of action', () => {
    expect(coverage.goals.map((g) => [g.goal.id, g.projectIds])).toEqual([
      ['z1', ['p1']],
      ['z2', ['p2']],
      ['z3', []],
    ]);
  });

  it('names what no project serves and what has no field', () => {
    expect(coverage.unservedGoals.map((g) => g.id)).toEqual(['z3']);
    expect(coverage.unservedFieldsOfAction.map((f) => f.id)).toEqual(['c']);
    expect(coverage.projectsWithoutFieldOfAction).toEqual(['p2']);
    expect(coverage.unassignedFunding.cents).toBe(300);
  });

  it.each([
    [['running'], ['c'], ['z2', 'z3']],
    [['rejected'], ['a', 'b'], ['z1', 'z2']],
    [[], ['a', 'b', 'c'], ['z1', 'z2', 'z3']],
  ] as const)('counts only the statuses %j', (statuses, unservedFields, unservedGoals) => {
    const result = computeStrategyCoverage(strategy, projects, grants, { statuses });
    expect(result.unservedFieldsOfAction.map((f) => f.id)).toEqual(unservedFields);
    expect(result.unservedGoals.map((g) => g.id)).toEqual(unservedGoals);
  });

  it('finds the unserved field of action of Nordthüringen', () => {
    const result = computeStrategyCoverage(
      NORDTHUERINGEN.strategies[0]!,
      NORDTHUERINGEN.projects,
      NORDTHUERINGEN.grants,
    );
    expect(result.unservedFieldsOfAction.map((f) => f.title)).toEqual(['Infrastruktur']);
    expect(result.unservedGoals).toEqual([]);
    expect(result.fieldsOfAction.map((f) => f.projectIds.length)).toEqual([2, 4, 0, 3]);
    expect(result.managementFunding.cents).toBe(370_000_000);
  });

  it('puts the KielRegion HyExperts grant on the ZukunftsRegion', () => {
    const strategy2030 = KIELREGION.strategies.find((s) => s.id === 'kielregion-2030')!;
    const result = computeStrategyCoverage(strategy2030, KIELREGION.projects, KIELREGION.grants);
    expect(result.fieldsOfAction.map((f) => [f.fieldOfAction.id, f.grant.cents])).toEqual([
      ['wirtschaftsregion', 0],
      ['mobilitaetsregion', 0],
      ['zukunftsregion', 40_000_000],
    ]);
  });
});
