import type { Article } from './article';
import type { MailingList, Topic } from './audience';
import type { Body } from './body';
import type { Decision } from './decision';
import type { Event } from './event';
import type { Grant } from './funding';
import type { NewsletterIssue } from './newsletter-issue';
import type { PressRelease } from './press-release';
import { checkProjectReferences, type Project } from './project';
import type { Region } from './region';
import type { Strategy } from './strategy';
import type { FieldError } from './validation';
import type { Workshop } from './workshop';

/**
 * Everything known about one region: the region with its bodies and decisions, strategies,
 * projects and grants, and its communication records.
 */
export interface RegionBundle {
  region: Region;
  bodies: Body[];
  decisions: Decision[];
  strategies: Strategy[];
  projects: Project[];
  grants: Grant[];
  events: Event[];
  articles: Article[];
  lists: MailingList[];
  topics: Topic[];
  newsletterIssues: NewsletterIssue[];
  pressReleases: PressRelease[];
  workshops: Workshop[];
}

type Collection = Exclude<keyof RegionBundle, 'region'>;

/**
 * Checks the references between the records of a bundle (each record is assumed to be parsed
 * already): every record belongs to the region, ids are unique per kind, and every id a record
 * names exists (bodies, projects, strategies and their goals and fields of action, decisions,
 * events, articles, grants, topics, lists), and project areas lie within the region.
 *
 * @example
 * const errors = checkRegionBundle(bundle);
 * if (errors.length > 0) console.error(formatFieldErrors(errors));
 * // projects[2].areaCovered[0]: expected the key of a member of …, got "16067"
 */
export function checkRegionBundle(bundle: RegionBundle): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const regionId = bundle.region.id;

  const collections: Collection[] = [
    'bodies',
    'decisions',
    'strategies',
    'projects',
    'grants',
    'events',
    'articles',
    'lists',
    'topics',
    'newsletterIssues',
    'pressReleases',
    'workshops',
  ];
  const ids = {} as Record<Collection, Set<string>>;
  for (const name of collections) {
    const seen = new Set<string>();
    bundle[name].forEach((record, i) => {
      if (record.regionId !== regionId)
        add(`${name}[${i}].regionId`, `expected "${regionId}", got "${record.regionId}"`);
      if (seen.has(record.id)) add(`${name}[${i}].id`, `expected a unique id, got "${record.id}" twice`);
      seen.add(record.id);
    });
    ids[name] = seen;
  }
  const expectId = (path: string, kind: Collection, id: string | undefined, label: string) => {
    if (id !== undefined && !ids[kind].has(id))
      add(path, `expected the id of ${label} of the region, got "${id}"`);
  };
  const expectTopics = (path: string, topics: readonly string[]): void => {
    topics.forEach((t, j) => {
      expectId(`${path}.topics[${j}]`, 'topics', t, 'a topic');
    });
  };

  bundle.decisions.forEach((d, i) => {
    expectId(`decisions[${i}].bodyId`, 'bodies', d.bodyId, 'a body');
    for (const [j, p] of d.projectIds.entries())
      expectId(`decisions[${i}].projectIds[${j}]`, 'projects', p, 'a project');
  });
  bundle.projects.forEach((p, i) => {
    const found = checkProjectReferences(p, {
      region: bundle.region,
      strategies: bundle.strategies,
      decisions: bundle.decisions,
    });
    for (const e of found) if (e.path !== 'regionId') add(`projects[${i}].${e.path}`, e.message);
    expectTopics(`projects[${i}]`, p.topics);
  });
  bundle.grants.forEach((g, i) => {
    if (g.beneficiary.kind === 'project') {
      expectId(`grants[${i}].beneficiary.projectId`, 'projects', g.beneficiary.projectId, 'a project');
    }
    if (g.ownShareKey?.kind === 'weights') {
      g.ownShareKey.weights.forEach((w, j) => {
        if (!bundle.region.members.some((m) => m.officialKey === w.officialKey)) {
          add(
            `grants[${i}].ownShareKey.weights[${j}].officialKey`,
            `expected the key of a member, got "${w.officialKey}"`,
          );
        }
      });
    }
  });
  bundle.events.forEach((e, i) => {
    expectId(`events[${i}].projectId`, 'projects', e.projectId, 'a project');
    expectTopics(`events[${i}]`, e.topics);
  });
  bundle.articles.forEach((a, i) => {
    for (const [j, p] of a.projectIds.entries())
      expectId(`articles[${i}].projectIds[${j}]`, 'projects', p, 'a project');
    expectTopics(`articles[${i}]`, a.topics);
  });
  for (const [i, l] of bundle.lists.entries()) expectTopics(`lists[${i}]`, l.topics);
  bundle.newsletterIssues.forEach((issue, i) => {
    expectTopics(`newsletterIssues[${i}]`, issue.topics);
    issue.sections.forEach((section, s) => {
      section.items.forEach((item, k) => {
        const path = `newsletterIssues[${i}].sections[${s}].items[${k}]`;
        if (item.kind === 'article') expectId(`${path}.articleId`, 'articles', item.articleId, 'an article');
        if (item.kind === 'project-update')
          expectId(`${path}.projectId`, 'projects', item.projectId, 'a project');
        if (item.kind === 'event') expectId(`${path}.eventId`, 'events', item.eventId, 'an event');
        if (item.kind === 'funding-call') expectId(`${path}.grantId`, 'grants', item.grantId, 'a grant');
      });
    });
  });
  for (const [i, r] of bundle.pressReleases.entries()) expectTopics(`pressReleases[${i}]`, r.topics);
  bundle.workshops.forEach((w, i) => {
    expectId(`workshops[${i}].eventId`, 'events', w.eventId, 'an event');
    expectId(`workshops[${i}].strategyId`, 'strategies', w.strategyId, 'a strategy');
    const strategy = bundle.strategies.find((s) => s.id === w.strategyId);
    w.fieldOfActionIds.forEach((f, j) => {
      if (strategy === undefined || !strategy.fieldsOfAction.some((x) => x.id === f)) {
        add(
          `workshops[${i}].fieldOfActionIds[${j}]`,
          `expected a field of action of the workshop's strategy, got "${f}"`,
        );
      }
    });
  });
  return errors;
}
