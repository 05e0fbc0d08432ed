import { type FundingByFieldOfAction, type Grant, sumGrantsByFieldOfAction } from './funding';
import type { ProjectId } from './ids';
import type { Money } from './money';
import type { Project } from './project';
import type { ProjectStatus } from './project-status';
import type { FieldOfAction, Goal, Strategy } from './strategy';

/** Statuses that do not serve a strategy by default: the project will not happen. */
const NOT_SERVING: readonly ProjectStatus[] = ['rejected', 'discontinued'];

/** How one goal of a strategy is served. */
export interface GoalCoverage {
  readonly goal: Goal;
  /** Projects that name the goal, or a field of action that works towards it. */
  readonly projectIds: readonly ProjectId[];
}

/** How one field of action of a strategy is served. */
export interface FieldOfActionCoverage {
  readonly fieldOfAction: FieldOfAction;
  readonly projectIds: readonly ProjectId[];
  /** Grants of those projects (see {@link sumGrantsByFieldOfAction}). */
  readonly grant: Money;
}

/** Result of {@link computeStrategyCoverage}. */
export interface StrategyCoverage {
  readonly strategyId: Strategy['id'];
  /** Every goal in the strategy's order. */
  readonly goals: readonly GoalCoverage[];
  /** Every field of action in the strategy's order. */
  readonly fieldsOfAction: readonly FieldOfActionCoverage[];
  /** Goals no counted project serves. */
  readonly unservedGoals: readonly Goal[];
  /** Fields of action no counted project serves. */
  readonly unservedFieldsOfAction: readonly FieldOfAction[];
  /** Counted projects of the strategy that name no field of action. */
  readonly projectsWithoutFieldOfAction: readonly ProjectId[];
  /** Grants of the strategy's projects without a field of action. */
  readonly unassignedFunding: Money;
  /** Grants for the management itself. */
  readonly managementFunding: Money;
}

/** Options of {@link computeStrategyCoverage}. */
export interface CoverageOptions {
  /** Project statuses that count; all but `rejected` and `discontinued` by default. */
  readonly statuses?: readonly ProjectStatus[];
}

/**
 * Answers "which goals and fields of action of our strategy does no project serve, and how many
 * projects and how much funding does each field have?".
 *
 * A project counts for a strategy when its `strategyId` names it and its status counts. A goal is
 * served by a project that names it directly or names a field of action whose `goalIds` include it.
 *
 * @example
 * const coverage = computeStrategyCoverage(strategy, bundle.projects, bundle.grants);
 * coverage.unservedFieldsOfAction.map((f) => f.title) // ['Infrastruktur']
 */
export function computeStrategyCoverage(
  strategy: Strategy,
  projects: readonly Project[],
  grants: readonly Grant[] = [],
  options: CoverageOptions = {},
): StrategyCoverage {
  const counted = projects
    .filter((p) => p.strategyId === strategy.id)
    .filter((p) =>
      options.statuses === undefined ? !NOT_SERVING.includes(p.status) : options.statuses.includes(p.status),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const funding: FundingByFieldOfAction = sumGrantsByFieldOfAction(grants, counted, strategy);

  const fieldsOfAction = strategy.fieldsOfAction.map((field, i) => ({
    fieldOfAction: field,
    projectIds: counted.filter((p) => p.fieldOfActionIds.includes(field.id)).map((p) => p.id),
    grant: funding.fields[i]?.grant ?? { cents: 0, currency: 'EUR' as const },
  }));
  const goals = strategy.goals.map((goal) => {
    const viaFields = new Set<string>(
      strategy.fieldsOfAction.filter((f) => f.goalIds.includes(goal.id)).map((f) => f.id),
    );
    return {
      goal,
      projectIds: counted
        .filter((p) => p.goalIds.includes(goal.id) || p.fieldOfActionIds.some((f) => viaFields.has(f)))
        .map((p) => p.id),
    };
  });
  const fieldIds = new Set<string>(strategy.fieldsOfAction.map((f) => f.id));
  return {
    strategyId: strategy.id,
    goals,
    fieldsOfAction,
    unservedGoals: goals.filter((g) => g.projectIds.length === 0).map((g) => g.goal),
    unservedFieldsOfAction: fieldsOfAction
      .filter((f) => f.projectIds.length === 0)
      .map((f) => f.fieldOfAction),
    projectsWithoutFieldOfAction: counted
      .filter((p) => !p.fieldOfActionIds.some((f) => fieldIds.has(f)))
      .map((p) => p.id),
    unassignedFunding: funding.unassigned,
    managementFunding: funding.management,
  };
}
