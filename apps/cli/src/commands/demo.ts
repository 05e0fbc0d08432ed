import { createReadStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { EXAMPLE_REGIONS, KIELREGION, THUERINGER_BOGEN } from '@regiokit/core/examples';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context';
import { createSystemError } from '../cli-error';
import { describeCommand } from '../command-helpers';
import { watchCampaignProgress } from '../output/campaign-progress-bar';
import { findRecordFiles } from '../records/find-record-files';
import { importRecordFiles } from '../records/import-records';
import { listStorableKinds } from '../records/record-target';
import { writeRegionFiles } from '../records/write-record-files';
import { openProducer, readCampaignProgress } from '../services/campaigns';
import { createCampaign } from '../services/create-campaign';
import { createDemoSubscribersCsv, DEMO_CONSENT } from '../services/demo-subscribers';
import { findContent } from '../services/find-content';
import { LOCAL_PUBLIC_URL } from '../services/public-url';
import { writePreview } from '../services/render-preview';

const NEWSLETTER = { regionId: KIELREGION.region.id, id: KIELREGION.newsletterIssues[0]?.id ?? '' };
const PRESS_RELEASE = {
  regionId: THUERINGER_BOGEN.region.id,
  id: THUERINGER_BOGEN.pressReleases.find((r) => r.embargo !== undefined)?.id ?? '',
};
const STEPS = 6;

/** `regiokit demo`: the whole path once, on a machine with only Node.js (and Redis, or redis-server). */
export function registerDemoCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('demo');
  describeCommand(command, ctx, m.demoDescription, m.demoExamples)
    .option('--subscribers <count>', m.demoSubscribersOption, parseCount, 2000)
    .action(async (options: { subscribers: number }) => runDemo(ctx, options.subscribers));
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('1–100000');
  return n;
}

async function runDemo(ctx: CliContext, subscribers: number): Promise<void> {
  const { m, format, out } = ctx;
  const started = Date.now();
  const step = (n: number, text: string) => out.print(`\n${m.demoStep(n, STEPS, text)}`);

  // Redis: REDIS_URL, else the local default, else a redis-server of our own
  if (!ctx.config.redisUrlGiven) {
    const { findOrStartRedis } = await import('../services/local-redis');
    const local = await findOrStartRedis(ctx.config.redisUrl, ctx.env.PATH);
    if (local === undefined) throw createSystemError('REDIS_MISSING', m.demoRedisMissing);
    ctx.onClose(() => local.stop());
    ctx.useRedisUrl(local.url);
    out.print(local.started ? m.demoRedisStarted(local.url) : m.demoRedis(local.url));
  } else {
    await ctx.redis();
    out.print(m.demoRedis(ctx.config.redisUrl));
  }
  const store = await ctx.store();
  out.print(
    m.demoDatabase(
      store.backend === 'pglite'
        ? `PGlite, ${join(ctx.config.dataDir, 'pglite')}`
        : 'PostgreSQL (DATABASE_URL)',
    ),
  );

  step(1, m.demoImport);
  const filesDir = join(ctx.config.dataDir, 'demo', 'regions');
  for (const bundle of EXAMPLE_REGIONS) {
    await writeRegionFiles(bundle, join(filesDir, bundle.region.id), new Set(await listStorableKinds()));
  }
  const imported = await importRecordFiles((await findRecordFiles(filesDir)) ?? [], {
    store,
    dataDir: ctx.config.dataDir,
    messages: m,
    cwd: ctx.cwd,
  });
  const records = imported.flatMap((f) => f.records);
  const count = (result: string) => records.filter((r) => r.result === result).length;
  const failed = imported.filter((f) => f.problems.length > 0);
  if (failed.length > 0) {
    throw createSystemError('DEMO_IMPORT_FAILED', m.importFailedFiles(format.number(failed.length)), {
      details: failed.flatMap((f) =>
        f.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.field} ${p.message}`),
      ),
    });
  }
  out.print(
    m.importSummary(
      format.number(imported.length),
      format.number(records.length),
      format.number(count('created')),
      format.number(count('updated')),
      format.number(count('unchanged')),
    ),
  );

  step(2, m.demoSubscribers(format.number(subscribers)));
  const list = KIELREGION.lists.find((l) => l.kind === 'newsletter') ?? KIELREGION.lists[0];
  const csvFile = join(ctx.config.dataDir, 'demo', 'subscribers.csv');
  await mkdir(join(ctx.config.dataDir, 'demo'), { recursive: true });
  await writeFile(csvFile, createDemoSubscribersCsv(subscribers, list?.topics ?? [], ctx.now()), {
    mode: 0o600,
  });
  const report = await store.subscribers.importCsv(createReadStream(csvFile), {
    regionId: NEWSLETTER.regionId,
    listId: list?.id ?? 'newsletter',
    actor: 'cli:demo',
    consentText: DEMO_CONSENT.text,
    consentTextVersion: DEMO_CONSENT.version,
    fileName: 'demo/subscribers.csv',
  });
  out.print(
    m.csvReport(format.number(report.imported), format.number(report.updated), format.number(report.skipped)),
  );
  out.print(m.csvStatus(format.number(report.active), format.number(report.pending)));

  step(3, m.demoRender);
  const previews = [];
  for (const ref of [NEWSLETTER, PRESS_RELEASE]) {
    const content = await findContent(ctx, ref.id, ref.regionId);
    const preview = await writePreview(content, {
      dir: ctx.config.previewDir,
      publicUrl: ctx.config.publicUrl ?? LOCAL_PUBLIC_URL,
      now: ctx.now(),
    });
    previews.push(preview);
    out.print(
      `${content.kind === 'newsletter' ? m.kindNewsletter : m.kindPressRelease}: ${preview.subject} (${format.bytes(preview.htmlBytes)})`,
    );
    if (preview.embargo !== undefined) out.print(`  ${m.previewEmbargo(format.dateTime(preview.embargo))}`);
  }

  step(4, m.demoSchedule);
  const producer = await openProducer(ctx);
  const newsletter = await findContent(ctx, NEWSLETTER.id, NEWSLETTER.regionId);
  const runAt = new Date(ctx.now().getTime() + 10_000);
  const plan = { kind: 'at', at: runAt.toISOString(), timeZone: 'Europe/Berlin' } as const;
  const campaign = await createCampaign(
    ctx,
    newsletter,
    { listId: list?.id ?? 'newsletter', topics: [] },
    plan,
    undefined,
  );
  await producer.scheduleCampaign(campaign.regionId, campaign.id, plan);
  out.print(m.campaignScheduled(campaign.id, m.planAt(format.dateTime(runAt))));

  step(5, m.demoSend);
  const outbox = join(ctx.config.outboxDir, campaign.id);
  const { startDemoWorker } = await import('../services/start-demo-worker');
  const worker = await startDemoWorker(ctx, store, outbox);
  ctx.onClose(() => worker.close());
  let lastChange = Date.now();
  let lastDone = -1;
  const view = await watchCampaignProgress(ctx, () => readCampaignProgress(store, campaign), {
    until: (v) => {
      const done = v.sent + v.failed + v.skipped;
      if (done !== lastDone) {
        lastDone = done;
        lastChange = Date.now();
      }
      return Date.now() > Math.max(lastChange, runAt.getTime()) + 60_000;
    },
  });
  if (view.status !== 'sent') throw createSystemError('DEMO_TIMEOUT', m.demoTimeout(campaign.id));
  const mails = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith('.eml')).length;

  step(6, m.demoSummary);
  const seconds = (Date.now() - started) / 1000;
  const [newsletterPreview, releasePreview] = previews;
  out.table(
    [m.colWhat, m.colDetail],
    [
      [
        m.summaryRegions,
        `${format.number(EXAMPLE_REGIONS.length)} (${format.number(records.length)} ${m.summaryRecords})`,
      ],
      [m.summarySubscribers, `${format.number(report.active)} ${m.summaryActive}`],
      [
        m.kindNewsletter,
        `${newsletterPreview?.subject ?? ''} (${format.bytes(newsletterPreview?.htmlBytes ?? 0)})`,
      ],
      [
        m.kindPressRelease,
        `${releasePreview?.subject ?? ''} (${format.bytes(releasePreview?.htmlBytes ?? 0)})`,
      ],
      [m.summaryCampaign, `${campaign.id}: ${m.statusLabels[view.status] ?? view.status}`],
      [m.colSent, format.number(view.sent)],
      [m.colFailed, format.number(view.failed)],
      [m.summaryMails, format.number(mails)],
    ],
  );
  out.print(m.demoOutbox(relativeOrAbsolute(ctx, outbox)));
  out.print(m.demoPreviews(relativeOrAbsolute(ctx, ctx.config.previewDir)));
  out.print(m.demoArchive(`${ctx.config.publicUrl ?? LOCAL_PUBLIC_URL}/${NEWSLETTER.regionId}/archive`));
  out.print(m.demoDone(format.decimal(seconds)));
}

function relativeOrAbsolute(ctx: CliContext, path: string): string {
  const inside = relative(ctx.cwd, path);
  return inside === '' || inside.startsWith('..') ? path : inside;
}
