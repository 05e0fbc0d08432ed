import {
  computeStrategyCoverage,
  formatFieldOfActionLabel,
  type Grant,
  type Project,
  type Strategy,
  type StrategyCoverage,
} from '@regiokit/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, describeCommand } from '../command-helpers';
import { getRecordTarget } from '../records/record-target';
import { resolveRegions } from '../services/regions';

/** `regiokit coverage <region>`: core's strategy coverage as tables. */
export function registerCoverageCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('coverage').argument('<region>', m.coverageArgument);
  describeCommand(command, ctx, m.coverageDescription, m.coverageExamples);
  addJsonOption(command, ctx)
    .option('--strategy <id>', m.strategyOption)
    .action(async (regionId: string, options: { json?: boolean; strategy?: string }) => {
      const [region] = await resolveRegions(ctx, regionId);
      if (region === undefined) return;
      const store = await ctx.store();
      const load = async <T>(kind: 'strategy' | 'project' | 'grant'): Promise<T[]> => {
        const target = await getRecordTarget(store, kind);
        if (target === undefined) throw createUserError('STORE_MISSING', m.storeMissing(`${kind} records`));
        return (await target.list(region.id)) as T[];
      };
      const strategies = await load<Strategy>('strategy');
      const projects = await load<Project>('project');
      const grants = await load<Grant>('grant');
      const chosen =
        options.strategy === undefined ? strategies : strategies.filter((s) => s.id === options.strategy);
      if (options.strategy !== undefined && chosen.length === 0) {
        throw createUserError(
          'UNKNOWN_STRATEGY',
          m.coverageUnknownStrategy(options.strategy, strategies.map((s) => s.id).join(', ') || '–'),
        );
      }
      if (chosen.length === 0) throw createUserError('NO_STRATEGY', m.coverageNoStrategy(region.name));
      const results = chosen.map((strategy) => ({
        strategy,
        coverage: computeStrategyCoverage(strategy, projects, grants),
      }));
      if (options.json) {
        return ctx.out.json({
          regionId: region.id,
          strategies: results.map(({ strategy, coverage }) => ({
            id: strategy.id,
            title: strategy.title,
            ...coverage,
          })),
        });
      }
      ctx.out.print(m.coverageTitle(region.name));
      for (const { strategy, coverage } of results) printCoverage(ctx, strategy, coverage);
    });
}

function printCoverage(ctx: CliContext, strategy: Strategy, coverage: StrategyCoverage): void {
  const { m, format } = ctx;
  const money = (amount: { cents: number; currency: string }) => format.money(amount);
  ctx.out.print();
  ctx.out.print(m.coverageStrategy(strategy.title));
  if (coverage.fieldsOfAction.length > 0) {
    const rows = coverage.fieldsOfAction.map((f) => [
      formatFieldOfActionLabel(f.fieldOfAction),
      format.number(f.projectIds.length),
      money(f.grant),
    ]);
    if (coverage.projectsWithoutFieldOfAction.length > 0) {
      rows.push([
        m.coverageWithoutField,
        format.number(coverage.projectsWithoutFieldOfAction.length),
        money(coverage.unassignedFunding),
      ]);
    }
    ctx.out.table([m.colFieldOfAction, m.colProjects, m.colFunding], rows, [false, true, true]);
  }
  if (coverage.goals.length > 0) {
    ctx.out.table(
      [m.colGoal, m.colProjects],
      coverage.goals.map((g) => [g.goal.title, format.number(g.projectIds.length)]),
      [false, true],
    );
  }
  const gaps = [
    ...coverage.unservedFieldsOfAction.map((f) => m.coverageField(formatFieldOfActionLabel(f))),
    ...coverage.unservedGoals.map((g) => m.coverageGoal(g.title)),
  ];
  ctx.out.print(gaps.length === 0 ? m.coverageNoGaps : m.coverageGaps(gaps.join(', ')));
  ctx.out.print(m.coverageManagement(money(coverage.managementFunding)));
}
