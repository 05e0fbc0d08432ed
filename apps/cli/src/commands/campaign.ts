import { CampaignPlanError, ProducerError, planCampaign } from '@regiokit/campaigns';
import type { Campaign } from '@regiokit/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { watchCampaignProgress } from '../output/campaign-progress-bar';
import {
  type CampaignProgressView,
  describeActor,
  findCampaign,
  openProducer,
  readCampaignProgress,
} from '../services/campaigns';
import { contentOf, findContent } from '../services/find-content';
import { resolveAudience } from '../services/resolve-audience';
import { type PlanOptions, readTimePlan } from '../time/plan-options';
import { describePlan } from './list';

/** `regiokit campaign schedule|status|pause|resume|cancel`. */
export function registerCampaignCommands(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const campaign = describeCommand(program.command('campaign'), ctx, m.campaignDescription, [
    m.campaignScheduleExamples[1] ?? '',
    m.campaignStatusExamples[1] ?? '',
    ...m.campaignControlExamples('pause').slice(0, 1),
  ]);

  const schedule = campaign.command('schedule').argument('<id>', m.campaignScheduleArgument);
  describeCommand(schedule, ctx, m.campaignScheduleDescription, m.campaignScheduleExamples);
  addRegionOption(schedule, ctx);
  addJsonOption(schedule, ctx)
    .requiredOption('--list <list>', m.listOption)
    .option('--topics <topics>', m.topicsOption)
    .option('--now', m.nowOption)
    .option('--at <moment>', m.atOption)
    .option('--tz <zone>', m.tzOption)
    .option('--cron <expression>', m.cronOption)
    .option('--name <name>', m.nameOption)
    .option('--again', m.againOption)
    .option('--everyone', m.everyoneOption)
    .action(
      async (
        id: string,
        options: PlanOptions & {
          region?: string;
          json?: boolean;
          list: string;
          topics?: string;
          name?: string;
          again?: boolean;
          everyone?: boolean;
        },
      ) => {
        if (options.everyone && !options.again)
          throw createUserError('INVALID_OPTIONS', m.everyoneWithoutAgain);
        const plan = readTimePlan(options, ctx.now(), m, ctx.format);
        const content = await findContent(ctx, id, options.region);
        const audience = await resolveAudience(ctx, content.region.id, options.list, options.topics);
        const producer = await openProducer(ctx);
        const { campaign: created, runAt } = await planCampaign(
          { store: await ctx.store(), producer },
          {
            regionId: content.region.id,
            content: contentOf(content),
            name:
              options.name ??
              (content.kind === 'newsletter' ? content.record.subject : content.record.headline),
            audience,
            plan,
            again: options.again === true,
            everyone: options.everyone === true,
            actor: describeActor(),
            now: ctx.now(),
          },
        ).catch((error: unknown) => {
          if (error instanceof CampaignPlanError) {
            throw createUserError(
              error.code,
              error.code === 'ALREADY_SENT'
                ? m.alreadySent(error.campaignId, options.list)
                : m.alreadyPlanned(error.campaignId, m.statusLabels[error.status] ?? error.status),
            );
          }
          throw error;
        });
        const result = { runAt };
        if (created.audience.notReceived !== undefined) ctx.out.note(m.againRest);
        const view = await readCampaignProgress(await ctx.store(), created);
        if (options.json) {
          return ctx.out.json({
            regionId: created.regionId,
            id: created.id,
            status: view.status,
            plan,
            runAt: result.runAt?.toISOString() ?? null,
            audience: view.audience,
          });
        }
        ctx.out.print(m.campaignScheduled(created.id, describePlan(ctx, plan)));
        ctx.out.print(m.campaignAudience(ctx.format.number(view.audience)));
        if (view.audience === 0) ctx.out.note(m.campaignAudienceEmpty);
        ctx.out.print(m.campaignStatusHint(created.id));
      },
    );

  const status = campaign.command('status').argument('<id>', m.campaignIdArgument);
  describeCommand(status, ctx, m.campaignStatusDescription, m.campaignStatusExamples);
  addRegionOption(status, ctx);
  addJsonOption(status, ctx)
    .option('--watch', m.watchOption)
    .action(async (id: string, options: { region?: string; json?: boolean; watch?: boolean }) => {
      const found = await findCampaign(ctx, id, options.region);
      const store = await ctx.store();
      const read = () => readCampaignProgress(store, found);
      // a recurring campaign never ends: each run is a campaign of its own (see campaigns list)
      const watch = options.watch === true && found.plan.kind !== 'recurring';
      if (options.watch && !watch) ctx.out.note(m.watchRecurring);
      const view = watch ? await watchCampaignProgress(ctx, read) : await read();
      if (options.json)
        return ctx.out.json({ ...view, plan: found.plan, statusReason: view.statusReason ?? null });
      printStatus(ctx, found, view);
    });

  const reschedule = campaign.command('reschedule').argument('<id>', m.campaignIdArgument);
  describeCommand(reschedule, ctx, m.campaignRescheduleDescription, m.campaignRescheduleExamples);
  addRegionOption(reschedule, ctx);
  addJsonOption(reschedule, ctx)
    .option('--now', m.nowOption)
    .option('--at <moment>', m.atOption)
    .option('--tz <zone>', m.tzOption)
    .option('--cron <expression>', m.cronOption)
    .action(async (id: string, options: PlanOptions & { region?: string; json?: boolean }) => {
      const plan = readTimePlan(options, ctx.now(), m, ctx.format);
      const found = await findCampaign(ctx, id, options.region);
      const producer = await openProducer(ctx);
      const { runAt } = await producer.rescheduleCampaign(found.regionId, found.id, plan).catch((error) => {
        if (error instanceof ProducerError)
          throw createUserError(
            'CANNOT_RESCHEDULE',
            m.cannotReschedule(found.id, m.statusLabels[found.status] ?? found.status),
          );
        throw error;
      });
      if (options.json)
        return ctx.out.json({
          regionId: found.regionId,
          id: found.id,
          plan,
          runAt: runAt?.toISOString() ?? null,
        });
      ctx.out.print(m.campaignRescheduled(found.id, describePlan(ctx, plan)));
    });

  const controls = [
    ['pause', m.campaignPauseDescription, m.campaignPaused],
    ['resume', m.campaignResumeDescription, m.campaignResumed],
    ['cancel', m.campaignCancelDescription, m.campaignCancelled],
  ] as const;
  for (const [action, description, done] of controls) {
    const command = campaign.command(action).argument('<id>', m.campaignIdArgument);
    describeCommand(command, ctx, description, m.campaignControlExamples(action));
    addRegionOption(command, ctx);
    addJsonOption(command, ctx).action(async (id: string, options: { region?: string; json?: boolean }) => {
      const found = await findCampaign(ctx, id, options.region);
      const producer = await openProducer(ctx);
      if (action === 'pause') await producer.pauseCampaign(found.regionId, found.id);
      if (action === 'resume') await producer.resumeCampaign(found.regionId, found.id);
      if (action === 'cancel') await producer.cancelCampaign(found.regionId, found.id);
      const after = await (await ctx.store()).campaigns.get(found.regionId, found.id);
      if (options.json)
        return ctx.out.json({ regionId: found.regionId, id: found.id, status: after?.status ?? null });
      // resumed before its time: it waits for the plan again
      if (action === 'resume' && after?.status === 'scheduled')
        return ctx.out.print(m.campaignResumedScheduled(found.id, describePlan(ctx, after.plan)));
      ctx.out.print(done(found.id));
    });
  }
}

function printStatus(ctx: CliContext, campaign: Campaign, view: CampaignProgressView): void {
  const { m, format } = ctx;
  ctx.out.print(m.statusTitle(campaign.id, m.statusLabels[view.status] ?? view.status));
  if (view.statusReason !== undefined) ctx.out.print(view.statusReason);
  const lastMinute = view.perMinute.at(-1);
  ctx.out.table(
    [m.colPlan, m.colAudience, m.colSent, m.colFailed, m.colRemaining, m.colRate],
    [
      [
        describePlan(ctx, campaign.plan),
        format.number(view.audience),
        format.number(view.sent),
        format.number(view.failed),
        format.number(view.remaining),
        lastMinute === undefined ? '–' : format.number(lastMinute.sent),
      ],
    ],
    [false, true, true, true, true, true],
  );
}
