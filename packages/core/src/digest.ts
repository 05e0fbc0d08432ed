import { addDaysToIsoDate, toIsoDateInZone } from './calendar';
import type { Language } from './common';
import type { Grant } from './funding';
import {
  type ArticleItem,
  type EventItem,
  type FundingCallItem,
  NewsletterIssue,
  type NewsletterSection,
  type ProjectUpdateItem,
} from './newsletter-issue';
import { listMilestonesReachedBetween, listStatusChangesBetween, type Project } from './project';
import type { ProjectStatus } from './project-status';
import type { RegionBundle } from './region-bundle';
import { formatFieldOfActionLabel } from './strategy';

/** Instruments whose calls the digest announces. */
const REGIONALBUDGET: readonly Grant['instrument'][] = ['regionalbudget-grw', 'regionalbudget-leader'];

/** Default number of calendar days after today for which the digest lists events (six weeks). */
export const DEFAULT_DIGEST_HORIZON_DAYS = 42;

const STATUS_LABELS: Record<Language, Record<ProjectStatus, string>> = {
  de: {
    idea: 'Idee',
    proposed: 'vorgeschlagen',
    approved: 'beschlossen',
    running: 'in Umsetzung',
    completed: 'abgeschlossen',
    rejected: 'abgelehnt',
    paused: 'pausiert',
    discontinued: 'eingestellt',
  },
  en: {
    idea: 'idea',
    proposed: 'proposed',
    approved: 'approved',
    running: 'under way',
    completed: 'completed',
    rejected: 'rejected',
    paused: 'paused',
    discontinued: 'discontinued',
  },
};

const WORDS = {
  de: {
    news: 'Meldungen',
    projects: 'Aus den Projekten',
    calls: 'Förderaufrufe',
    dates: 'Termine',
    subject: (brand: string, from: string, to: string) => `${brand}: Neuigkeiten vom ${from} bis ${to}`,
    status: (label: string, date: string) => `Status seit ${date}: ${label}.`,
    decision: (body: string, date: string) => `Beschluss: ${body}, ${date}.`,
    milestone: (title: string, date: string) => `Meilenstein „${title}“ erreicht am ${date}.`,
    deadline: (date: string) => `Bewerbungen bis ${date}.`,
    count: {
      projects: ['Projektmeldung', 'Projektmeldungen'],
      calls: ['Förderaufruf', 'Förderaufrufe'],
      dates: ['Termin', 'Termine'],
      news: ['Meldung', 'Meldungen'],
    },
  },
  en: {
    news: 'News',
    projects: 'Project news',
    calls: 'Calls for funding',
    dates: 'Dates',
    subject: (brand: string, from: string, to: string) => `${brand}: news from ${from} to ${to}`,
    status: (label: string, date: string) => `Status since ${date}: ${label}.`,
    decision: (body: string, date: string) => `Decision: ${body}, ${date}.`,
    milestone: (title: string, date: string) => `Milestone "${title}" reached on ${date}.`,
    deadline: (date: string) => `Apply by ${date}.`,
    count: {
      projects: ['project update', 'project updates'],
      calls: ['call for funding', 'calls for funding'],
      dates: ['date', 'dates'],
      news: ['news item', 'news items'],
    },
  },
} as const;

/** The records {@link composeDigest} reads. */
export type DigestBundle = Pick<
  RegionBundle,
  'region' | 'projects' | 'events' | 'grants' | 'strategies' | 'articles' | 'decisions' | 'bodies'
>;

/** Input of {@link composeDigest}. Everything comes in as an argument: there is no clock. */
export interface DigestInput {
  readonly bundle: DigestBundle;
  /** First day of the window whose news the digest reports (ISO date, inclusive). */
  readonly from: string;
  /** Last day of the window (ISO date, inclusive). */
  readonly to: string;
  /** The moment of composing: "today" in the region's time zone, and the start of upcoming events. */
  readonly now: Date;
  readonly language: Language;
  /**
   * Events from `now` until the end of the day `horizonDays` after today (in the region's time
   * zone) are listed; {@link DEFAULT_DIGEST_HORIZON_DAYS} by default. Calls that open later are left out.
   */
  readonly horizonDays?: number;
  /** Id of the proposed issue; `digest-<from>-<to>` by default. */
  readonly id?: string;
}

/**
 * Proposes a newsletter issue for a time window from a region's records, for staff to edit:
 *
 * - news: articles published in the window;
 * - project updates, one section per field of action: status changes and milestones reached in
 *   the window;
 * - calls for funding of a Regionalbudget whose deadline is today or later;
 * - dates: events starting from `now` up to `horizonDays` calendar days after today.
 *
 * The result is deterministic: the same input (in any order of the records) gives the same issue.
 * Returns `undefined` when there is nothing to report.
 *
 * @example
 * const issue = composeDigest({ bundle, from: '2026-11-01', to: '2026-11-30', now, language: 'de' });
 */
export function composeDigest(input: DigestInput): NewsletterIssue | undefined {
  const { bundle, from, to, now, language } = input;
  const words = WORDS[language];
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const formatDay = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  const collator = new Intl.Collator(locale);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const today = toIsoDateInZone(now, bundle.region.timeZone);
  const horizonDays = input.horizonDays ?? DEFAULT_DIGEST_HORIZON_DAYS;
  const lastDay = addDaysToIsoDate(today, horizonDays);
  const topics = new Set<string>();

  const news: ArticleItem[] = [...bundle.articles]
    .filter((a) => a.publishedOn >= from && a.publishedOn <= to)
    .sort((a, b) => byText(a.publishedOn, b.publishedOn) || byText(a.id, b.id))
    .map((a) => {
      for (const t of a.topics) topics.add(t);
      return {
        kind: 'article',
        title: a.title,
        text: a.teaser,
        ...(a.url === undefined ? {} : { url: a.url }),
        ...(a.image === undefined ? {} : { image: a.image }),
        articleId: a.id,
      };
    });

  const fieldLabel = (project: Project): string | undefined => {
    const strategy = bundle.strategies.find((s) => s.id === project.strategyId);
    const field = strategy?.fieldsOfAction.find((f) => project.fieldOfActionIds.includes(f.id));
    return field === undefined ? undefined : formatFieldOfActionLabel(field);
  };
  const statusOn = (project: Project, date: string): ProjectStatus | undefined =>
    project.statusHistory.filter((e) => e.since <= date).at(-1)?.status;

  const updates: {
    date: string;
    projectId: string;
    order: number;
    label: string | undefined;
    item: ProjectUpdateItem;
  }[] = [];
  for (const project of bundle.projects) {
    const base = (status: ProjectStatus | undefined, text: string): ProjectUpdateItem => {
      const label = fieldLabel(project);
      return {
        kind: 'project-update',
        title: project.title,
        text: `${text}\n\n${project.description}`,
        projectId: project.id,
        ...(label === undefined ? {} : { fieldOfAction: label }),
        ...(status === undefined ? {} : { status }),
        ...(project.url === undefined ? {} : { url: project.url }),
        ...(project.image === undefined ? {} : { image: project.image }),
      };
    };
    const changes = listStatusChangesBetween(project, from, to);
    const milestones = listMilestonesReachedBetween(project, from, to);
    changes.forEach((change, i) => {
      let text = words.status(STATUS_LABELS[language][change.status], formatDay(change.since));
      const decision = bundle.decisions.find((d) => d.id === change.decisionId);
      const body = bundle.bodies.find((b) => b.id === decision?.bodyId);
      if (decision !== undefined && body !== undefined)
        text += ` ${words.decision(body.localName, formatDay(decision.date))}`;
      updates.push({
        date: change.since,
        projectId: project.id,
        order: i,
        label: fieldLabel(project),
        item: base(change.status, text),
      });
    });
    milestones.forEach((milestone, i) => {
      const date = milestone.reachedOn ?? to;
      const text = words.milestone(milestone.title, formatDay(date));
      updates.push({
        date,
        projectId: project.id,
        order: changes.length + i,
        label: fieldLabel(project),
        item: base(statusOn(project, date), text),
      });
    });
    if (changes.length + milestones.length > 0) for (const t of project.topics) topics.add(t);
  }
  updates.sort((a, b) => byText(a.date, b.date) || byText(a.projectId, b.projectId) || a.order - b.order);
  const labels = [...new Set(updates.map((u) => u.label ?? ''))].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : collator.compare(a, b) || byText(a, b),
  );
  const projectSections: NewsletterSection[] = labels.map((label) => ({
    heading: label === '' ? words.projects : `${words.projects}: ${label}`,
    items: updates.filter((u) => (u.label ?? '') === label).map((u) => u.item),
  }));

  const calls: FundingCallItem[] = bundle.grants
    .filter((g) => REGIONALBUDGET.includes(g.instrument))
    .flatMap((grant) =>
      grant.calls
        .filter(
          (c) =>
            c.deadline >= today &&
            (c.opensOn === undefined || c.opensOn <= addDaysToIsoDate(today, horizonDays)),
        )
        .map((call) => ({ grant, call })),
    )
    .sort(
      (a, b) =>
        byText(a.call.deadline, b.call.deadline) ||
        byText(a.grant.id, b.grant.id) ||
        byText(a.call.title, b.call.title),
    )
    .map(({ grant, call }) => ({
      kind: 'funding-call',
      title: call.title,
      text: call.text ?? words.deadline(formatDay(call.deadline)),
      deadline: call.deadline,
      ...(call.maxGrantPerProject === undefined ? {} : { maxGrant: call.maxGrantPerProject }),
      ...(call.url === undefined ? {} : { url: call.url }),
      grantId: grant.id,
    }));

  const dates: EventItem[] = [...bundle.events]
    .filter((e) => {
      const start = new Date(e.startsAt);
      return start.getTime() >= now.getTime() && toIsoDateInZone(start, bundle.region.timeZone) <= lastDay;
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || byText(a.id, b.id))
    .map((e) => {
      for (const t of e.topics) topics.add(t);
      return {
        kind: 'event',
        title: e.title,
        startsAt: e.startsAt,
        ...(e.endsAt === undefined ? {} : { endsAt: e.endsAt }),
        place: e.place,
        ...(e.description === undefined ? {} : { text: e.description }),
        ...(e.registrationUrl === undefined ? {} : { registrationUrl: e.registrationUrl }),
        eventId: e.id,
        ...(e.image === undefined ? {} : { image: e.image }),
      };
    });

  const sections: NewsletterSection[] = [
    ...(news.length === 0 ? [] : [{ heading: words.news, items: news }]),
    ...projectSections,
    ...(calls.length === 0 ? [] : [{ heading: words.calls, items: calls }]),
    ...(dates.length === 0 ? [] : [{ heading: words.dates, items: dates }]),
  ];
  if (sections.length === 0) return undefined;

  const counts: [number, readonly [string, string]][] = [
    [updates.length, words.count.projects],
    [calls.length, words.count.calls],
    [dates.length, words.count.dates],
    [news.length, words.count.news],
  ];
  const preheader = counts
    .filter(([n]) => n > 0)
    .map(([n, [one, many]]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
  return NewsletterIssue.parse({
    id: input.id ?? `digest-${from}-${to}`,
    regionId: bundle.region.id,
    language,
    date: today,
    subject: words.subject(bundle.region.brand, formatDay(from), formatDay(to)),
    preheader,
    sections,
    topics: [...topics].sort(byText),
  });
}
