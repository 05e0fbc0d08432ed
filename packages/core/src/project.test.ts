import { describe, expect, it } from 'vitest';
import { Body } from './body';
import { Decision } from './decision';
import { DomainError } from './errors';
import { THUERINGER_BOGEN } from './examples/thueringer-bogen';
import {
  checkProjectArea,
  checkProjectReferences,
  isWithinRegion,
  listMilestonesReachedBetween,
  listStatusChangesBetween,
  Project,
  type ProjectTransitionContext,
  transitionProject,
} from './project';
import { formatFieldErrors, validate } from './validation';

const region = THUERINGER_BOGEN.region;

const projectInput = {
  id: 'coworking',
  regionId: 'thueringer-bogen',
  title: 'Coworking-Testspaces',
  kind: 'project-pool',
  status: 'proposed',
  statusHistory: [
    { status: 'idea', since: '2026-01-10' },
    { status: 'proposed', since: '2026-02-01' },
  ],
  description: 'Testräume für Coworking.',
  areaCovered: ['16067'],
  milestones: [
    { title: 'Studie fertig', due: '2026-03-01', reachedOn: '2026-03-05' },
    { title: 'Erster Testraum', due: '2026-06-01' },
    { title: 'Auftakt', reachedOn: '2026-02-10' },
  ],
};
const project = Project.parse(projectInput);

const bodies = [
  Body.parse({
    id: 'lenkungsgruppe',
    regionId: 'thueringer-bogen',
    role: 'decides',
    localName: 'Lenkungsgruppe',
  }),
  Body.parse({ id: 'beirat', regionId: 'thueringer-bogen', role: 'advises', localName: 'Beirat' }),
];
const decision = (id: string, patch: Record<string, unknown> = {}) =>
  Decision.parse({
    id,
    regionId: 'thueringer-bogen',
    bodyId: 'lenkungsgruppe',
    date: '2026-03-10',
    subject: 'Coworking-Testspaces',
    outcome: 'approved',
    projectIds: ['coworking'],
    ...patch,
  });

const ctx = (patch: Partial<ProjectTransitionContext> = {}): ProjectTransitionContext => ({
  decisions: [decision('lg-1')],
  bodies,
  now: new Date('2026-03-12T10:00:00Z'),
  ...patch,
});

describe('Project schema', () => {
  it('accepts a project sheet and fills defaults', () => {
    expect(project.partners).toEqual([]);
    expect(project.goalIds).toEqual([]);
  });

  it.each([
    [
      'a status that is not the last history entry',
      { status: 'running' },
      'status: expected the status of the last history entry ("proposed"), got "running"',
    ],
    [
      'a history out of date order',
      {
        statusHistory: [
          { status: 'idea', since: '2026-02-10' },
          { status: 'proposed', since: '2026-02-01' },
        ],
      },
      'statusHistory[1].since: expected a date not before 2026-02-10, got 2026-02-01',
    ],
    [
      'a history with an illegal step',
      {
        status: 'running',
        statusHistory: [
          { status: 'idea', since: '2026-01-10' },
          { status: 'running', since: '2026-02-01' },
        ],
      },
      'statusHistory[1].status: expected a status that may follow "idea", got "running"',
    ],
    ['an empty history', { statusHistory: [] }, 'statusHistory: expected at least one status entry'],
    [
      'goals without a strategy',
      { goalIds: ['z1'] },
      'strategyId: expected the strategy the goals belong to',
    ],
    [
      'fields of action without a strategy',
      { fieldOfActionIds: ['b'] },
      'strategyId: expected the strategy the fields of action belong to',
    ],
    [
      'an area key twice',
      { areaCovered: ['16067', '16067'] },
      'areaCovered[1]: expected each key once, got "16067" twice',
    ],
    ['a malformed area key', { areaCovered: ['1606'] }, 'areaCovered[0]: expected 5 or 8 digits, got "1606"'],
    [
      'a milestone without dates',
      { milestones: [{ title: 'x' }] },
      'milestones[0].due: expected a due date or the date the milestone was reached',
    ],
    [
      'costs whose items do not add up',
      { costs: { total: { cents: 100 }, items: [{ label: 'a', amount: { cents: 60 } }] } },
      'costs.items: expected items that add up to the total of 100 cents, got 60 cents',
    ],
    [
      'a period ending before it starts',
      { period: { start: '2026-02-01', end: '2026-01-01' } },
      'period.end: expected the end not before the start',
    ],
    [
      'an unknown kind',
      { kind: 'leitprojekt' },
      'kind: Invalid option: expected one of "lead-project"|"project-pool"|"regionalbudget-project"|"idea"',
    ],
  ])('rejects %s', (_name, patch, message) => {
    const result = validate(Project, { ...projectInput, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatFieldErrors(result.errors)).toBe(message);
  });

  it('accepts a measure with an ASAP schedule', () => {
    const result = validate(Project, {
      ...projectInput,
      measures: [{ title: 'Raum finden', description: 'Einen Raum anmieten.', schedule: { kind: 'asap' } }],
    });
    expect(result.success).toBe(true);
  });
});

describe('transitionProject', () => {
  it('approves with a decision of a deciding body and records it', () => {
    const approved = transitionProject(project, 'approved', ctx());
    expect(approved.status).toBe('approved');
    expect(approved.statusHistory.at(-1)).toEqual({
      status: 'approved',
      since: '2026-03-12',
      decisionId: 'lg-1',
    });
    expect(approved.decisionIds).toEqual(['lg-1']);
    expect(Project.parse(approved)).toEqual(approved);
    expect(project.status).toBe('proposed');
  });

  it('records the latest qualifying decision when several exist', () => {
    const decisions = [
      decision('lg-1', { date: '2026-03-01' }),
      decision('lg-2', { date: '2026-03-11' }),
      decision('beirat-1', { bodyId: 'beirat', date: '2026-03-12' }),
    ];
    expect(transitionProject(project, 'approved', ctx({ decisions })).statusHistory.at(-1)?.decisionId).toBe(
      'lg-2',
    );
  });

  it.each([
    ['no decision at all', [], undefined, 'found no decision about it'],
    [
      'only a recommendation of an advising body',
      [decision('b-1', { bodyId: 'beirat', outcome: 'recommended' })],
      undefined,
      'has outcome "recommended"',
    ],
    [
      'an approval by an advising body',
      [decision('b-1', { bodyId: 'beirat' })],
      undefined,
      'taken by Beirat, whose role is "advises", not "decides"',
    ],
    ['a rejection', [decision('lg-1', { outcome: 'rejected' })], undefined, 'has outcome "rejected"'],
    [
      'a decision dated after today',
      [decision('lg-1', { date: '2026-03-13' })],
      undefined,
      'is dated 2026-03-13, after 2026-03-12',
    ],
    [
      'a decision of an unknown body',
      [decision('x-1', { bodyId: 'aufsichtsrat' })],
      undefined,
      'names an unknown body "aufsichtsrat"',
    ],
    [
      'a named decision about another project',
      [decision('lg-9', { projectIds: ['other'] })],
      'lg-9',
      'is not about project "coworking"',
    ],
  ])('refuses approval with %s', (_name, decisions, decisionId, reason) => {
    let caught: unknown;
    try {
      transitionProject(
        project,
        'approved',
        ctx({ decisions, ...(decisionId === undefined ? {} : { decisionId: decisionId as never }) }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('APPROVAL_REQUIRES_DECISION');
    expect((caught as DomainError).message).toContain(reason);
  });

  it.each([
    ['proposed', 'running'],
    ['proposed', 'completed'],
    ['proposed', 'proposed'],
    ['proposed', 'paused'],
  ] as const)('refuses the illegal transition %s → %s with ILLEGAL_TRANSITION', (_from, to) => {
    let caught: unknown;
    try {
      transitionProject(project, to, ctx());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('ILLEGAL_TRANSITION');
    expect((caught as DomainError).details).toMatchObject({ projectId: 'coworking', from: 'proposed', to });
    expect((caught as DomainError).cause).toBeInstanceOf(DomainError);
  });

  it('walks a project from approval to completion', () => {
    let p = transitionProject(project, 'approved', ctx());
    p = transitionProject(p, 'running', ctx({ now: new Date('2026-04-01T08:00:00Z') }));
    p = transitionProject(p, 'paused', ctx({ now: new Date('2026-05-01T08:00:00Z'), note: 'Raum fehlt' }));
    p = transitionProject(p, 'running', ctx({ now: new Date('2026-06-01T08:00:00Z') }));
    p = transitionProject(p, 'completed', ctx({ now: new Date('2026-12-01T08:00:00Z') }));
    expect(p.statusHistory.map((e) => `${e.status}@${e.since}`)).toEqual([
      'idea@2026-01-10',
      'proposed@2026-02-01',
      'approved@2026-03-12',
      'running@2026-04-01',
      'paused@2026-05-01',
      'running@2026-06-01',
      'completed@2026-12-01',
    ]);
    expect(p.statusHistory[4]?.note).toBe('Raum fehlt');
    expect(() => transitionProject(p, 'running', ctx())).toThrowError(
      /cannot go from "completed" to "running"; allowed from "completed": none/,
    );
  });

  it('dates the change by the day in Berlin, not in UTC', () => {
    const approved = transitionProject(
      project,
      'approved',
      ctx({ now: new Date('2026-03-11T23:30:00Z'), decisions: [decision('lg-1', { date: '2026-03-12' })] }),
    );
    expect(approved.statusHistory.at(-1)?.since).toBe('2026-03-12');
  });

  it('refuses a change dated before the last one', () => {
    expect(() =>
      transitionProject(project, 'idea', ctx({ now: new Date('2026-01-01T12:00:00Z') })),
    ).toThrowError(
      'project "coworking" cannot change status on 2026-01-01, before its last change on 2026-02-01',
    );
  });

  it('refuses an unknown decision id with INVALID_REFERENCE', () => {
    expect(() => transitionProject(project, 'rejected', ctx({ decisionId: 'nope' as never }))).toThrowError(
      expect.objectContaining({ code: 'INVALID_REFERENCE' }),
    );
  });

  it('records a decision given for a rejection', () => {
    const rejected = transitionProject(
      project,
      'rejected',
      ctx({ decisions: [decision('lg-r', { outcome: 'rejected' })], decisionId: 'lg-r' as never }),
    );
    expect(rejected.statusHistory.at(-1)).toMatchObject({ status: 'rejected', decisionId: 'lg-r' });
  });
});

describe('area covered', () => {
  it.each([
    ['16067', true],
    ['16070', true],
    ['16067072', true],
    ['16070004', true],
    ['16062', false],
    ['16062001', false],
    ['01002', false],
  ])('key %s lies in the Thüringer Bogen: %s', (key, inside) => {
    expect(isWithinRegion(key, region)).toBe(inside);
  });

  it('names each key outside the region', () => {
    expect(checkProjectArea({ areaCovered: ['16067', '16062', '01002'] }, region)).toEqual([
      {
        path: 'areaCovered[1]',
        message:
          'expected the key of a member of Regionalmanagement Thüringer Bogen (16067, 16070), got "16062"',
      },
      {
        path: 'areaCovered[2]',
        message:
          'expected the key of a member of Regionalmanagement Thüringer Bogen (16067, 16070), got "01002"',
      },
    ]);
  });
});

describe('checkProjectReferences', () => {
  const strategy = THUERINGER_BOGEN.strategies[0]!;

  it('accepts the example projects', () => {
    for (const p of THUERINGER_BOGEN.projects) {
      expect(
        checkProjectReferences(p, {
          region,
          strategies: THUERINGER_BOGEN.strategies,
          decisions: THUERINGER_BOGEN.decisions,
        }),
      ).toEqual([]);
    }
  });

  it('names every broken reference', () => {
    const broken = Project.parse({
      ...projectInput,
      regionId: 'kielregion',
      strategyId: strategy.id,
      goalIds: ['unknown-goal'],
      fieldOfActionIds: ['arbeitsmarkt-bildung', 'unknown-field'],
      decisionIds: ['missing'],
      areaCovered: ['01002'],
      statusHistory: [{ status: 'proposed', since: '2026-02-01', decisionId: 'lg-2022-markenbotschafter' }],
    });
    expect(
      checkProjectReferences(broken, {
        region,
        strategies: [strategy],
        decisions: THUERINGER_BOGEN.decisions,
      }).map((e) => e.path),
    ).toEqual([
      'regionId',
      'areaCovered[0]',
      'goalIds[0]',
      'fieldOfActionIds[1]',
      'decisionIds[0]',
      'statusHistory[0].decisionId',
    ]);
    expect(
      checkProjectReferences({ ...broken, strategyId: 'other' as never }, { strategies: [strategy] }),
    ).toEqual([{ path: 'strategyId', message: 'expected the id of a strategy of the region, got "other"' }]);
  });
});

describe('changes in a window', () => {
  it.each([
    ['2026-01-01', '2026-01-31', ['idea']],
    ['2026-01-10', '2026-02-01', ['idea', 'proposed']],
    ['2026-02-02', '2026-12-31', []],
  ])('lists status changes between %s and %s', (from, to, statuses) => {
    expect(listStatusChangesBetween(project, from, to).map((e) => e.status)).toEqual(statuses);
  });

  it('lists reached milestones in the window by the day reached', () => {
    expect(listMilestonesReachedBetween(project, '2026-02-01', '2026-12-31').map((m) => m.title)).toEqual([
      'Auftakt',
      'Studie fertig',
    ]);
    expect(listMilestonesReachedBetween(project, '2026-03-06', '2026-12-31')).toEqual([]);
  });
});
