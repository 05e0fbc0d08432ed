import { z } from 'zod';
import type { Body } from './body';
import { toIsoDateInZone } from './calendar';
import { ContactPerson, Image, IsoDate, Line, Text, WebUrl } from './common';
import type { Decision } from './decision';
import { DomainError } from './errors';
import { DecisionId, FieldOfActionId, GoalId, ProjectId, RegionId, StrategyId, TopicId } from './ids';
import { Indicator } from './indicator';
import { assertTransition, canTransition } from './lifecycle';
import { Measure } from './measure';
import { Money } from './money';
import { Organisation } from './organisation';
import { PROJECT_LIFECYCLE, ProjectStatus } from './project-status';
import { OfficialKey, type Region } from './region';
import type { Strategy } from './strategy';
import type { FieldError } from './validation';

/**
 * Kind of project: `lead-project` (Leitprojekt, written into the strategy, started first),
 * `project-pool` (Projektpool, further projects started later), `regionalbudget-project` (a small
 * project funded from the Regionalbudget) or `idea` (Projektidee, not yet assigned).
 */
export const ProjectKind = z.enum(['lead-project', 'project-pool', 'regionalbudget-project', 'idea']);
export type ProjectKind = z.infer<typeof ProjectKind>;

/** A partner of a project with its role, e.g. `Kooperationspartner`, `Mitveranstalter`. */
export const ProjectPartner = Organisation.extend({
  role: Line,
});
export type ProjectPartner = z.infer<typeof ProjectPartner>;

/** One entry of a project's status history: the status and the day it began, with its decision. */
export const ProjectStatusChange = z.object({
  status: ProjectStatus,
  /** Day the status began. */
  since: IsoDate,
  /** The decision behind the change, required for approvals made with {@link transitionProject}. */
  decisionId: DecisionId.optional(),
  note: z.string().optional(),
});
export type ProjectStatusChange = z.infer<typeof ProjectStatusChange>;

/** Meilenstein: a step of a project with its due day and the day it was reached. */
export const Milestone = z
  .object({
    title: Line,
    due: IsoDate.optional(),
    reachedOn: IsoDate.optional(),
    note: z.string().optional(),
  })
  .refine((m) => m.due !== undefined || m.reachedOn !== undefined, {
    path: ['due'],
    error: 'expected a due date or the date the milestone was reached',
  });
export type Milestone = z.infer<typeof Milestone>;

/** One line of a cost plan. */
export const CostItem = z.object({
  label: Line,
  amount: Money,
});
export type CostItem = z.infer<typeof CostItem>;

/** Kosten und Finanzierung: total costs, optionally itemised (the items then add up to the total). */
export const ProjectCosts = z
  .object({
    total: Money,
    items: z.array(CostItem).default([]),
    /** How the costs are financed, in words; grants are separate records linked to the project. */
    financing: Text.optional(),
    note: z.string().optional(),
  })
  .superRefine((costs, ctx) => {
    if (costs.items.length === 0) return;
    const sum = costs.items.reduce((a, item) => a + item.amount.cents, 0);
    if (sum !== costs.total.cents) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `expected items that add up to the total of ${costs.total.cents} cents, got ${sum} cents`,
      });
    }
  });
export type ProjectCosts = z.infer<typeof ProjectCosts>;

/** Laufzeit: start and end of a project; either may be open. */
export const ProjectPeriod = z
  .object({ start: IsoDate.optional(), end: IsoDate.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || p.end >= p.start, {
    path: ['end'],
    error: 'expected the end not before the start',
  });
export type ProjectPeriod = z.infer<typeof ProjectPeriod>;

/**
 * Projekt (Projektsteckbrief): a project of a region with everything the project sheet holds.
 *
 * Parsing checks the record on its own: the current `status` is the last entry of
 * `statusHistory`, the history is in date order and follows {@link PROJECT_LIFECYCLE}, goals and
 * fields of action come with a strategy. References to other records (strategy, region members,
 * decisions) are checked by {@link checkProjectReferences}.
 */
export const Project = z
  .object({
    id: ProjectId,
    regionId: RegionId,
    title: Line,
    kind: ProjectKind,
    status: ProjectStatus,
    /** Every status the project had, oldest first; the last entry is the current status. */
    statusHistory: z.array(ProjectStatusChange).min(1, { error: 'expected at least one status entry' }),
    /** The strategy whose goals and fields of action the project serves. */
    strategyId: StrategyId.optional(),
    goalIds: z.array(GoalId).default([]),
    fieldOfActionIds: z.array(FieldOfActionId).default([]),
    /** Ausgangslage / Bedarf: why the project is needed. */
    need: Text.optional(),
    /** Projektziele. */
    objectives: z.array(Text).default([]),
    /** Projektbeschreibung. */
    description: Text,
    /** Maßnahmen, each on the workshop card. */
    measures: z.array(Measure).default([]),
    /** Federführung / Projektträger. */
    leadOrganisation: Organisation.optional(),
    partners: z.array(ProjectPartner).default([]),
    /** Zielgruppen, e.g. `Schülerinnen und Schüler`, `Unternehmen`. */
    targetGroups: z.array(Line).default([]),
    /**
     * Gebietskulisse: official keys of the region's members the project covers (an 8-digit AGS of a
     * Gemeinde inside a member Kreis counts as covered); empty means the whole region.
     */
    areaCovered: z.array(OfficialKey).default([]),
    costs: ProjectCosts.optional(),
    period: ProjectPeriod.optional(),
    milestones: z.array(Milestone).default([]),
    indicators: z.array(Indicator).default([]),
    /** Erwartete Ergebnisse. */
    expectedResults: z.array(Text).default([]),
    /** Risiken / offene Fragen. */
    risks: z.array(Text).default([]),
    /** Nächste Schritte. */
    nextSteps: z.array(Text).default([]),
    contact: ContactPerson.optional(),
    /** Beschlusslage: decisions about the project. */
    decisionIds: z.array(DecisionId).default([]),
    url: WebUrl.optional(),
    image: Image.optional(),
    topics: z.array(TopicId).default([]),
    /** Remarks, e.g. sources and what is unverified. */
    note: z.string().optional(),
  })
  .superRefine((project, ctx) => {
    const last = project.statusHistory.at(-1);
    if (last !== undefined && last.status !== project.status) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `expected the status of the last history entry ("${last.status}"), got "${project.status}"`,
      });
    }
    project.statusHistory.forEach((entry, i) => {
      const previous = project.statusHistory[i - 1];
      if (previous === undefined) return;
      if (entry.since < previous.since) {
        ctx.addIssue({
          code: 'custom',
          path: ['statusHistory', i, 'since'],
          message: `expected a date not before ${previous.since}, got ${entry.since}`,
        });
      }
      if (!canTransition(PROJECT_LIFECYCLE, previous.status, entry.status)) {
        ctx.addIssue({
          code: 'custom',
          path: ['statusHistory', i, 'status'],
          message: `expected a status that may follow "${previous.status}", got "${entry.status}"`,
        });
      }
    });
    if (project.strategyId === undefined) {
      if (project.goalIds.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['strategyId'],
          message: 'expected the strategy the goals belong to',
        });
      } else if (project.fieldOfActionIds.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['strategyId'],
          message: 'expected the strategy the fields of action belong to',
        });
      }
    }
    const seen = new Set<string>();
    project.areaCovered.forEach((key, i) => {
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['areaCovered', i],
          message: `expected each key once, got "${key}" twice`,
        });
      }
      seen.add(key);
    });
  });
export type Project = z.infer<typeof Project>;

/**
 * Whether an official key lies in the region: it is a member's key, or an 8-digit AGS of a Gemeinde
 * inside a member Kreis.
 *
 * @example isWithinRegion('01058005', kielRegion) // true: a Gemeinde in Kreis Rendsburg-Eckernförde
 */
export function isWithinRegion(officialKey: string, region: Pick<Region, 'members'>): boolean {
  return region.members.some(
    (m) =>
      m.officialKey === officialKey ||
      (m.officialKey.length === 5 && officialKey.length === 8 && officialKey.startsWith(m.officialKey)),
  );
}

/**
 * Checks that the area a project covers is a subset of the region's members.
 *
 * @example checkProjectArea(project, region) // [{ path: 'areaCovered[1]', message: 'expected … got "16067"' }]
 */
export function checkProjectArea(
  project: Pick<Project, 'areaCovered'>,
  region: Pick<Region, 'name' | 'members'>,
): FieldError[] {
  const known = region.members.map((m) => m.officialKey).join(', ');
  return project.areaCovered.flatMap((key, i) =>
    isWithinRegion(key, region)
      ? []
      : [
          {
            path: `areaCovered[${i}]`,
            message: `expected the key of a member of ${region.name} (${known}), got "${key}"`,
          },
        ],
  );
}

/** The records a project refers to, for {@link checkProjectReferences}. */
export interface ProjectReferences {
  readonly region?: Pick<Region, 'id' | 'name' | 'members'>;
  readonly strategies?: readonly Pick<Strategy, 'id' | 'goals' | 'fieldsOfAction'>[];
  readonly decisions?: readonly Pick<Decision, 'id' | 'projectIds'>[];
}

/**
 * Checks a project against the records it refers to: its region (id and area covered), its
 * strategy (goal and field of action ids) and its decisions. Only the references whose records
 * are given are checked.
 */
export function checkProjectReferences(project: Project, refs: ProjectReferences): FieldError[] {
  const errors: FieldError[] = [];
  if (refs.region !== undefined) {
    if (project.regionId !== refs.region.id) {
      errors.push({ path: 'regionId', message: `expected "${refs.region.id}", got "${project.regionId}"` });
    }
    errors.push(...checkProjectArea(project, refs.region));
  }
  if (refs.strategies !== undefined && project.strategyId !== undefined) {
    const strategy = refs.strategies.find((s) => s.id === project.strategyId);
    if (strategy === undefined) {
      errors.push({
        path: 'strategyId',
        message: `expected the id of a strategy of the region, got "${project.strategyId}"`,
      });
    } else {
      const goals = new Set<string>(strategy.goals.map((g) => g.id));
      const fields = new Set<string>(strategy.fieldsOfAction.map((f) => f.id));
      project.goalIds.forEach((id, i) => {
        if (!goals.has(id)) {
          errors.push({
            path: `goalIds[${i}]`,
            message: `expected a goal of strategy "${strategy.id}", got "${id}"`,
          });
        }
      });
      project.fieldOfActionIds.forEach((id, i) => {
        if (!fields.has(id)) {
          errors.push({
            path: `fieldOfActionIds[${i}]`,
            message: `expected a field of action of strategy "${strategy.id}", got "${id}"`,
          });
        }
      });
    }
  }
  if (refs.decisions !== undefined) {
    const decisions = new Map(refs.decisions.map((d) => [d.id as string, d]));
    project.decisionIds.forEach((id, i) => {
      if (!decisions.has(id))
        errors.push({ path: `decisionIds[${i}]`, message: `expected the id of a decision, got "${id}"` });
    });
    project.statusHistory.forEach((entry, i) => {
      if (entry.decisionId === undefined) return;
      const decision = decisions.get(entry.decisionId);
      if (decision === undefined) {
        errors.push({
          path: `statusHistory[${i}].decisionId`,
          message: `expected the id of a decision, got "${entry.decisionId}"`,
        });
      } else if (!decision.projectIds.includes(project.id)) {
        errors.push({
          path: `statusHistory[${i}].decisionId`,
          message: `expected a decision about project "${project.id}", got "${entry.decisionId}"`,
        });
      }
    });
  }
  return errors;
}

/** What {@link transitionProject} needs besides the project: the records and the moment. */
export interface ProjectTransitionContext {
  /** Decisions of the region; approval needs one of them. */
  readonly decisions: readonly Decision[];
  /** Bodies of the region, to know which decide. */
  readonly bodies: readonly Body[];
  /** The moment of the change; its day in `timeZone` becomes the `since` of the new status. */
  readonly now: Date;
  /** Time zone of the region; `Europe/Berlin` by default. */
  readonly timeZone?: string;
  /** The decision to record; for an approval it must qualify (see {@link transitionProject}). */
  readonly decisionId?: DecisionId;
  readonly note?: string;
}

/**
 * Moves a project to a new status and returns the updated project (the input is not changed).
 *
 * The transition must be allowed by {@link PROJECT_LIFECYCLE}. Approval additionally needs a
 * decision with outcome `approved` about this project, taken on or before today by a body whose
 * role is `decides` (a Lenkungsgruppe; a Beirat only advises). Without `decisionId`, the latest
 * such decision is recorded.
 *
 * @throws {DomainError} `ILLEGAL_TRANSITION` for a transition the lifecycle forbids or a `now`
 * before the last status change; `APPROVAL_REQUIRES_DECISION` when no qualifying decision exists;
 * `INVALID_REFERENCE` when `decisionId` names no known decision.
 * @example
 * const approved = transitionProject(project, 'approved', { decisions, bodies, now: new Date() });
 */
export function transitionProject(
  project: Project,
  to: ProjectStatus,
  ctx: ProjectTransitionContext,
): Project {
  try {
    assertTransition(PROJECT_LIFECYCLE, project.status, to);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError('ILLEGAL_TRANSITION', `${error.message} (project "${project.id}")`, {
      cause: error,
      details: { ...error.details, projectId: project.id },
    });
  }
  const today = toIsoDateInZone(ctx.now, ctx.timeZone);
  const lastSince = project.statusHistory.at(-1)?.since;
  if (lastSince !== undefined && today < lastSince) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `project "${project.id}" cannot change status on ${today}, before its last change on ${lastSince}`,
      { details: { projectId: project.id, today, lastSince } },
    );
  }
  let decisionId = ctx.decisionId;
  if (decisionId !== undefined && !ctx.decisions.some((d) => d.id === decisionId)) {
    throw new DomainError('INVALID_REFERENCE', `expected the id of a known decision, got "${decisionId}"`, {
      details: { projectId: project.id, decisionId },
    });
  }
  if (to === 'approved') decisionId = findApprovalDecision(project, ctx, today).id;
  const entry: ProjectStatusChange = {
    status: to,
    since: today,
    ...(decisionId === undefined ? {} : { decisionId }),
    ...(ctx.note === undefined ? {} : { note: ctx.note }),
  };
  return {
    ...project,
    status: to,
    statusHistory: [...project.statusHistory, entry],
    decisionIds:
      decisionId === undefined || project.decisionIds.includes(decisionId)
        ? project.decisionIds
        : [...project.decisionIds, decisionId],
  };
}

/** The decision that approves `project`, or a DomainError that says why none does. */
function findApprovalDecision(project: Project, ctx: ProjectTransitionContext, today: string): Decision {
  const bodies = new Map(ctx.bodies.map((b) => [b.id as string, b]));
  const problem = (d: Decision): string | undefined => {
    const body = bodies.get(d.bodyId);
    if (!d.projectIds.includes(project.id)) return `decision "${d.id}" is not about project "${project.id}"`;
    if (d.outcome !== 'approved') return `decision "${d.id}" has outcome "${d.outcome}", not "approved"`;
    if (body === undefined) return `decision "${d.id}" names an unknown body "${d.bodyId}"`;
    if (body.role !== 'decides') {
      return `decision "${d.id}" was taken by ${body.localName}, whose role is "${body.role}", not "decides"`;
    }
    if (d.date > today) return `decision "${d.id}" is dated ${d.date}, after ${today}`;
    return undefined;
  };
  const candidates =
    ctx.decisionId === undefined
      ? ctx.decisions.filter((d) => d.projectIds.includes(project.id))
      : ctx.decisions.filter((d) => d.id === ctx.decisionId);
  const qualifying = candidates
    .filter((d) => problem(d) === undefined)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  const chosen = qualifying.at(-1);
  if (chosen !== undefined) return chosen;
  const reasons = candidates.map((d) => problem(d)).filter((r) => r !== undefined);
  throw new DomainError(
    'APPROVAL_REQUIRES_DECISION',
    `project "${project.id}" needs an "approved" decision of a body whose role is "decides" to be approved; ${
      reasons.length === 0 ? 'found no decision about it' : reasons.join('; ')
    }`,
    { details: { projectId: project.id, reasons } },
  );
}

/**
 * The status changes of a project whose `since` lies in `[from, to]` (ISO dates, inclusive),
 * oldest first. The first history entry counts too: a project created in the window appears.
 */
export function listStatusChangesBetween(
  project: Pick<Project, 'statusHistory'>,
  from: string,
  to: string,
): ProjectStatusChange[] {
  return project.statusHistory.filter((e) => e.since >= from && e.since <= to);
}

/** The milestones of a project reached in `[from, to]` (ISO dates, inclusive), by day reached. */
export function listMilestonesReachedBetween(
  project: Pick<Project, 'milestones'>,
  from: string,
  to: string,
): Milestone[] {
  return project.milestones
    .filter((m) => m.reachedOn !== undefined && m.reachedOn >= from && m.reachedOn <= to)
    .sort((a, b) =>
      (a.reachedOn ?? '') < (b.reachedOn ?? '') ? -1 : (a.reachedOn ?? '') > (b.reachedOn ?? '') ? 1 : 0,
    );
}
