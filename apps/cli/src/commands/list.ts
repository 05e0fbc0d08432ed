import type { Campaign, Project, TimePlan } from '@regiokit/core';
import { CampaignStatus } from '@regiokit/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { getRecordTarget } from '../records/record-target';
import { resolveRegions } from '../services/regions';

/** `regiokit regions list`, `regiokit projects list`, `regiokit campaigns list`. */
export function registerListCommands(program: Command, ctx: CliContext): void {
  const { m } = ctx;

  const regions = describeCommand(program.command('regions'), ctx, m.regionsDescription, m.regionsExamples);
  const regionsList = regions.command('list');
  describeCommand(regionsList, ctx, m.regionsListDescription, m.regionsExamples);
  addJsonOption(regionsList, ctx).action(async (options: { json?: boolean }) => {
    const found = await resolveRegions(ctx, undefined);
    const rows = found.map((r) => ({
      id: r.id,
      name: r.name,
      brand: r.brand,
      bundesland: r.bundesland,
      members: r.members.length,
      population: r.members.reduce((sum, member) => sum + (member.population?.count ?? 0), 0),
    }));
    if (options.json) return ctx.out.json(rows);
    if (rows.length === 0) return ctx.out.print(m.noRegions);
    ctx.out.table(
      ['ID', m.colName, m.colBundesland, m.colMembers, m.colPopulation],
      rows.map((r) => [
        r.id,
        r.name,
        r.bundesland,
        ctx.format.number(r.members),
        ctx.format.number(r.population),
      ]),
      [false, false, false, true, true],
    );
  });

  const projects = describeCommand(
    program.command('projects'),
    ctx,
    m.projectsDescription,
    m.projectsExamples,
  );
  const projectsList = projects.command('list');
  describeCommand(projectsList, ctx, m.projectsListDescription, m.projectsExamples);
  addRegionOption(projectsList, ctx);
  addJsonOption(projectsList, ctx).action(async (options: { json?: boolean; region?: string }) => {
    const target = await getRecordTarget(await ctx.store(), 'project');
    if (target === undefined) throw createUserError('STORE_MISSING', m.storeMissing('project records'));
    const found: Project[] = [];
    for (const region of await resolveRegions(ctx, options.region)) {
      found.push(...((await target.list(region.id)) as Project[]));
    }
    if (options.json) {
      return ctx.out.json(
        found.map((p) => ({
          regionId: p.regionId,
          id: p.id,
          title: p.title,
          kind: p.kind,
          status: p.status,
          strategyId: p.strategyId ?? null,
          fieldOfActionIds: p.fieldOfActionIds,
        })),
      );
    }
    if (found.length === 0) return ctx.out.print(m.nothingFound);
    ctx.out.table(
      [m.colRegion, 'ID', m.colTitle, m.colKind, m.colStatus, m.colFieldsOfAction],
      found.map((p) => [
        p.regionId,
        p.id,
        p.title,
        m.projectKindLabels[p.kind] ?? p.kind,
        m.projectStatusLabels[p.status] ?? p.status,
        p.fieldOfActionIds.join(', ') || '–',
      ]),
    );
  });

  for (const [name, kind] of [
    ['newsletters', 'newsletter-issue'],
    ['press-releases', 'press-release'],
  ] as const) {
    const group = describeCommand(program.command(name), ctx, m.contentDescriptions[kind] ?? name, [
      `regiokit ${name} list`,
      `regiokit ${name} list --region kielregion --json`,
    ]);
    const groupList = group.command('list');
    describeCommand(groupList, ctx, m.contentListDescriptions[kind] ?? name, [`regiokit ${name} list`]);
    addRegionOption(groupList, ctx);
    addJsonOption(groupList, ctx).action(async (options: { json?: boolean; region?: string }) => {
      const store = await ctx.store();
      const rows: {
        regionId: string;
        id: string;
        title: string;
        date: string;
        embargo: string | null;
        publication: string;
        publishedAt: string | null;
      }[] = [];
      for (const region of await resolveRegions(ctx, options.region)) {
        const published = new Map(
          (await store.records.listPublications(kind, region.id)).map((p) => [p.id, p.publishedAt]),
        );
        for (const record of await store.records.list(kind, region.id)) {
          rows.push({
            regionId: region.id,
            id: record.id,
            title: 'subject' in record ? record.subject : record.headline,
            date: 'date' in record ? record.date : record.dateline.date,
            embargo: 'embargo' in record ? (record.embargo ?? null) : null,
            publication: record.publication ?? 'draft',
            publishedAt: published.get(record.id) ?? null,
          });
        }
      }
      if (options.json) return ctx.out.json(rows);
      if (rows.length === 0) return ctx.out.print(m.nothingFound);
      ctx.out.table(
        [m.colRegion, 'ID', m.colTitle, m.colDate, m.colPublication, m.colEmbargo],
        rows.map((r) => [
          r.regionId,
          r.id,
          r.title,
          ctx.format.date(r.date),
          m.publicationStateLabels[r.publication] ?? r.publication,
          r.embargo === null ? '–' : ctx.format.dateTime(r.embargo),
        ]),
      );
    });
  }

  const campaigns = describeCommand(
    program.command('campaigns'),
    ctx,
    m.campaignsDescription,
    m.campaignsExamples,
  );
  const campaignsList = campaigns.command('list');
  describeCommand(campaignsList, ctx, m.campaignsListDescription, m.campaignsExamples);
  addRegionOption(campaignsList, ctx);
  addJsonOption(campaignsList, ctx)
    .addOption(new Option('--status <status>', m.statusOption).choices(CampaignStatus.options))
    .action(async (options: { json?: boolean; region?: string; status?: CampaignStatus }) => {
      if (options.region !== undefined) await resolveRegions(ctx, options.region);
      const store = await ctx.store();
      const found = await store.campaigns.list({
        ...(options.region === undefined ? {} : { regionId: options.region }),
        ...(options.status === undefined ? {} : { status: options.status }),
      });
      if (options.json) return ctx.out.json(found);
      if (found.length === 0) return ctx.out.print(m.nothingFound);
      ctx.out.table(
        [m.colRegion, 'ID', m.colContent, m.colList, m.colPlan, m.colStatus, m.colUpdated],
        found.map((c) => [
          c.regionId,
          c.id,
          describeContent(c),
          c.audience.listId,
          describePlan(ctx, c.plan),
          m.statusLabels[c.status] ?? c.status,
          ctx.format.dateTime(c.updatedAt),
        ]),
      );
    });
}

/** `Newsletter newsletter-2024-08`. */
function describeContent(campaign: Campaign): string {
  return campaign.content.kind === 'newsletter'
    ? `newsletter ${campaign.content.issueId}`
    : `press-release ${campaign.content.pressReleaseId}`;
}

/** A time plan in words: `am 01.12.2026, 09:00 MEZ`. */
export function describePlan(ctx: CliContext, plan: TimePlan): string {
  if (plan.kind === 'now') return ctx.m.planNow;
  if (plan.kind === 'at') return ctx.m.planAt(ctx.format.dateTime(plan.at, plan.timeZone));
  return ctx.m.planRecurring(plan.cron, plan.timeZone);
}
