import { describe, expect, it } from 'vitest';
import { Article } from './article';
import { Body } from './body';
import { Decision } from './decision';
import { composeDigest, type DigestBundle } from './digest';
import { Event } from './event';
import { THUERINGER_BOGEN } from './examples/thueringer-bogen';
import { Grant } from './funding';
import { NewsletterIssue } from './newsletter-issue';
import { Project } from './project';
import { Strategy } from './strategy';

const regionId = 'thueringer-bogen';
const region = THUERINGER_BOGEN.region;

const strategy = Strategy.parse({
  id: 'rwek',
  regionId,
  kind: 'rwek',
  title: 'RWEK',
  versions: [{ label: 'RWEK', year: 2021 }],
  fieldsOfAction: [
    { id: 'a', code: 'A', title: 'Wirtschaft' },
    { id: 'b', code: 'B', title: 'Arbeitsmarkt & Bildung' },
  ],
});
const project = (id: string, history: [string, string, string?][], patch: object = {}) =>
  Project.parse({
    id,
    regionId,
    title: `Projekt ${id}`,
    kind: 'lead-project',
    status: history.at(-1)![0],
    statusHistory: history.map(([status, since, decisionId]) => ({
      status,
      since,
      ...(decisionId ? { decisionId } : {}),
    })),
    description: `Beschreibung ${id}.`,
    strategyId: 'rwek',
    ...patch,
  });
const event = (id: string, startsAt: string) =>
  Event.parse({ id, regionId, title: `Termin ${id}`, startsAt, place: 'Gotha', topics: ['termine'] });
const grant = (id: string, instrument: string, calls: object[]) =>
  Grant.parse({
    id,
    regionId,
    title: id,
    instrument,
    beneficiary: { kind: 'management' },
    period: { from: '2026-01-01', to: '2027-12-31' },
    calls,
  });

const bundle: DigestBundle = {
  region,
  strategies: [strategy],
  bodies: [Body.parse({ id: 'lenkungsgruppe', regionId, role: 'decides', localName: 'Lenkungsgruppe' })],
  decisions: [
    Decision.parse({
      id: 'lg-1',
      regionId,
      bodyId: 'lenkungsgruppe',
      date: '2026-11-05',
      subject: 'x',
      outcome: 'approved',
      projectIds: ['approved-in-window'],
    }),
  ],
  projects: [
    project(
      'approved-in-window',
      [
        ['proposed', '2026-10-01'],
        ['approved', '2026-11-05', 'lg-1'],
      ],
      { fieldOfActionIds: ['b'], topics: ['fachkraefte'] },
    ),
    project('milestone-in-window', [['running', '2026-01-01']], {
      fieldOfActionIds: ['a'],
      milestones: [
        { title: 'Schilder stehen', reachedOn: '2026-11-30' },
        { title: 'Noch offen', due: '2026-11-15' },
      ],
    }),
    project('no-field', [['idea', '2026-11-01']]),
    project('changed-before-window', [['running', '2026-10-31']], { fieldOfActionIds: ['a'] }),
  ],
  events: [
    event('past', '2026-11-30T10:00:00+01:00'),
    event('soon', '2026-12-10T18:00:00+01:00'),
    event('first', '2026-12-02T09:00:00+01:00'),
    event('at-horizon', '2027-01-12T23:00:00+01:00'),
    event('beyond-horizon', '2027-01-13T00:00:00+01:00'),
  ],
  grants: [
    grant('rb', 'regionalbudget-grw', [
      { title: 'Aufruf offen', opensOn: '2026-11-01', deadline: '2026-12-15' },
      { title: 'Aufruf vorbei', deadline: '2026-11-30' },
      { title: 'Aufruf heute', deadline: '2026-12-01', text: 'Letzter Tag!' },
      { title: 'Aufruf später', opensOn: '2027-06-01', deadline: '2027-07-01' },
    ]),
    grant('rb-leader', 'regionalbudget-leader', [
      { title: 'LEADER-Aufruf', deadline: '2027-01-31', maxGrantPerProject: { cents: 2_000_000 } },
    ]),
    grant('grw', 'grw', [{ title: 'kein Regionalbudget', deadline: '2026-12-31' }]),
  ],
  articles: [
    Article.parse({
      id: 'in-window',
      regionId,
      title: 'Meldung',
      publishedOn: '2026-11-20',
      teaser: 'Text.',
      topics: ['aktuelles'],
    }),
    Article.parse({ id: 'old', regionId, title: 'Alt', publishedOn: '2026-10-20', teaser: 'Alt.' }),
  ],
};
// 1 December 2026, 08:00 in Berlin.
const now = new Date('2026-12-01T07:00:00Z');
const input = { bundle, from: '2026-11-01', to: '2026-11-30', now, language: 'de' as const };

describe('composeDigest', () => {
  const issue = composeDigest(input)!;

  it('proposes a valid newsletter issue', () => {
    expect(NewsletterIssue.parse(issue)).toEqual(issue);
    expect(issue).toMatchObject({
      id: 'digest-2026-11-01-2026-11-30',
      regionId,
      language: 'de',
      date: '2026-12-01',
      subject: 'Thüringer Bogen: Neuigkeiten vom 1. November 2026 bis 30. November 2026',
      preheader: '3 Projektmeldungen, 3 Förderaufrufe, 3 Termine, 1 Meldung',
      topics: ['aktuelles', 'fachkraefte', 'termine'],
    });
  });

  it('orders sections: news, projects by field of action, calls, dates', () => {
    expect(issue.sections.map((s) => [s.heading, s.items.map((i) => i.title)])).toEqual([
      ['Meldungen', ['Meldung']],
      ['Aus den Projekten: A – Wirtschaft', ['Projekt milestone-in-window']],
      ['Aus den Projekten: B – Arbeitsmarkt & Bildung', ['Projekt approved-in-window']],
      ['Aus den Projekten', ['Projekt no-field']],
      ['Förderaufrufe', ['Aufruf heute', 'Aufruf offen', 'LEADER-Aufruf']],
      ['Termine', ['Termin first', 'Termin soon', 'Termin at-horizon']],
    ]);
  });

  it('writes status changes with their decision and milestones in German', () => {
    const items = issue.sections.flatMap((s) => s.items);
    expect(items.find((i) => i.title === 'Projekt approved-in-window')).toMatchObject({
      kind: 'project-update',
      projectId: 'approved-in-window',
      fieldOfAction: 'B – Arbeitsmarkt & Bildung',
      status: 'approved',
      text: 'Status seit 5. November 2026: beschlossen. Beschluss: Lenkungsgruppe, 5. November 2026.\n\nBeschreibung approved-in-window.',
    });
    expect(items.find((i) => i.title === 'Projekt milestone-in-window')).toMatchObject({
      status: 'running',
      text: 'Meilenstein „Schilder stehen“ erreicht am 30. November 2026.\n\nBeschreibung milestone-in-window.',
    });
    expect(items.find((i) => i.title === 'Aufruf offen')).toMatchObject({
      kind: 'funding-call',
      deadline: '2026-12-15',
      text: 'Bewerbungen bis 15. Dezember 2026.',
      grantId: 'rb',
    });
    expect(items.find((i) => i.title === 'LEADER-Aufruf')).toMatchObject({
      maxGrant: { cents: 2_000_000, currency: 'EUR' },
    });
  });

  it('is deterministic: the same records in any order give the same issue', () => {
    const reversed: DigestBundle = {
      ...bundle,
      projects: [...bundle.projects].reverse(),
      events: [...bundle.events].reverse(),
      grants: [...bundle.grants].reverse(),
      articles: [...bundle.articles].reverse(),
    };
    expect(composeDigest({ ...input, bundle: reversed })).toEqual(issue);
    expect(composeDigest(input)).toEqual(issue);
  });

  it('writes English when asked', () => {
    const en = composeDigest({ ...input, language: 'en' })!;
    expect(en.subject).toBe('Thüringer Bogen: news from 1 November 2026 to 30 November 2026');
    expect(en.sections.map((s) => s.heading)).toEqual([
      'News',
      'Project news: A – Wirtschaft',
      'Project news: B – Arbeitsmarkt & Bildung',
      'Project news',
      'Calls for funding',
      'Dates',
    ]);
    expect(en.preheader).toBe('3 project updates, 3 calls for funding, 3 dates, 1 news item');
  });

  it.each([
    [{ horizonDays: 1 }, ['Termin first']],
    [{ horizonDays: 0 }, []],
    [
      { now: new Date('2026-12-10T17:00:00Z') },
      ['Termin soon', 'Termin at-horizon', 'Termin beyond-horizon'],
    ],
  ])('lists the events of the horizon with %j', (patch, titles) => {
    const result = composeDigest({ ...input, ...patch })!;
    expect(result.sections.find((s) => s.heading === 'Termine')?.items.map((i) => i.title) ?? []).toEqual(
      titles,
    );
  });

  it('returns undefined when there is nothing to report', () => {
    const empty: DigestBundle = { ...bundle, projects: [], events: [], grants: [], articles: [] };
    expect(composeDigest({ ...input, bundle: empty })).toBeUndefined();
    expect(
      composeDigest({
        ...input,
        from: '2020-01-01',
        to: '2020-01-31',
        now: new Date('2030-01-01T00:00:00Z'),
      }),
    ).toBeUndefined();
  });

  it('uses every item kind for the Thüringer Bogen in January 2025', () => {
    const tb = composeDigest({
      bundle: THUERINGER_BOGEN,
      from: '2025-01-01',
      to: '2025-01-31',
      now: new Date('2025-02-12T08:00:00+01:00'),
      language: 'de',
    })!;
    const items = tb.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['article', 'Thüringer Bogen ist Schwerpunktregion der Grünen Woche 2025'],
      ['project-update', 'Grüne Woche Berlin'],
      ['funding-call', 'Projektaufruf Regionalbudget (Beispiel)'],
      ['event', '4. Azubi-Speed-Dating Thüringer Bogen'],
    ]);
  });
});
