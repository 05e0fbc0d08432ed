import { sendTestMail } from '@regiokit/campaigns';
import { normaliseEmail } from '@regiokit/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { describeActor, openProducer } from '../services/campaigns';
import { type ContentRef, findContent } from '../services/find-content';
import { resolveAudience } from '../services/resolve-audience';

/** `regiokit send-test <issue, press release or campaign> --to <address>`. */
export function registerSendTestCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('send-test').argument('<id>', m.sendTestArgument);
  describeCommand(command, ctx, m.sendTestDescription, m.sendTestExamples);
  addRegionOption(command, ctx);
  addJsonOption(command, ctx)
    .requiredOption('--to <address>', m.sendTestToOption)
    .option('--list <list>', m.sendTestListOption)
    .action(async (id: string, options: { to: string; region?: string; list?: string; json?: boolean }) => {
      const email = normaliseEmail(options.to);
      if (email === undefined) throw createUserError('INVALID_EMAIL', m.invalidEmail(options.to));
      const store = await ctx.store();
      const campaigns = (
        await store.campaigns.list(options.region === undefined ? {} : { regionId: options.region })
      ).filter((c) => c.id === id);
      const target =
        campaigns.length === 1 && campaigns[0] !== undefined
          ? { regionId: campaigns[0].regionId, id: campaigns[0].id }
          : await ensureTestCampaign(ctx, await findContent(ctx, id, options.region), options.list);
      const producer = await openProducer(ctx);
      const { jobId } = await sendTestMail(
        { store, producer },
        { regionId: target.regionId, campaignId: target.id, email, actor: describeActor() },
      );
      if (options.json)
        return ctx.out.json({ regionId: target.regionId, campaignId: target.id, to: email, jobId });
      ctx.out.print(m.sendTestQueued(email, jobId));
      ctx.out.note(m.sendTestWorkerHint);
    });
}

/**
 * The draft campaign a test of an issue or press release is sent from (`test-<id>`), created on
 * first use; its list gives the test mail its unsubscribe and preferences links.
 */
async function ensureTestCampaign(
  ctx: CliContext,
  content: ContentRef,
  listOption: string | undefined,
): Promise<{ regionId: string; id: string }> {
  const store = await ctx.store();
  const regionId = content.region.id;
  const base = `test-${content.record.id}`.slice(0, 60);
  let id = base;
  for (let n = 2; ; n++) {
    const existing = await store.campaigns.get(regionId, id);
    if (existing === undefined) break;
    if (existing.status === 'draft') return { regionId, id };
    id = `${base}-${n}`;
  }
  const wanted = content.kind === 'newsletter' ? 'newsletter' : 'press';
  const lists = await store.lists.list(regionId);
  const listId = listOption ?? (lists.find((l) => l.kind === wanted) ?? lists[0])?.id ?? '';
  const audience = await resolveAudience(ctx, regionId, listId, undefined);
  await store.campaigns.create(
    {
      id,
      regionId,
      name: `Test: ${content.kind === 'newsletter' ? content.record.subject : content.record.headline}`,
      content:
        content.kind === 'newsletter'
          ? { kind: 'newsletter', issueId: content.record.id }
          : { kind: 'press-release', pressReleaseId: content.record.id },
      audience,
      plan: { kind: 'now' },
    },
    describeActor(),
  );
  return { regionId, id };
}
