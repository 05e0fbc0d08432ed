import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { normaliseEmail, type Subscriber, SubscriberStatus } from '@regiokit/core';
import type { ConsentEntry } from '@regiokit/store';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { describeActor } from '../services/campaigns';
import { resolveRegions } from '../services/regions';
import { resolveAudience } from '../services/resolve-audience';

/** Skip reasons that mean the row's data was wrong (the import then ends with exit code 1). */
const INPUT_ERRORS = new Set(['invalid-address', 'unknown-topic', 'invalid-value']);

/** `regiokit subscribers import|export|show|erase`. */
export function registerSubscriberCommands(program: Command, ctx: CliContext): void {
  const { m, format } = ctx;
  const subscribers = describeCommand(program.command('subscribers'), ctx, m.subscribersDescription, [
    m.subscribersImportExamples[0] ?? '',
    m.subscribersShowExamples[0] ?? '',
  ]);

  const importCommand = subscribers.command('import').argument('<csv>', m.subscribersImportArgument);
  describeCommand(importCommand, ctx, m.subscribersImportDescription, m.subscribersImportExamples);
  addRegionOption(importCommand, ctx);
  addJsonOption(importCommand, ctx)
    .requiredOption('--list <list>', m.listOption)
    .option('--consent-version <version>', m.consentVersionOption)
    .option('--consent-text <file>', m.consentTextOption)
    .action(
      async (
        csv: string,
        options: {
          list: string;
          region?: string;
          json?: boolean;
          consentVersion?: string;
          consentText?: string;
        },
      ) => {
        const file = resolve(ctx.cwd, csv);
        if ((await stat(file).catch(() => undefined))?.isFile() !== true) {
          throw createUserError('CSV_NOT_FOUND', m.csvFileMissing(csv));
        }
        const regionId = await resolveSingleRegion(ctx, options.region);
        await resolveAudience(ctx, regionId, options.list, undefined);
        const store = await ctx.store();
        const report = await store.subscribers.importCsv(createReadStream(file), {
          regionId,
          listId: options.list,
          actor: describeActor(),
          fileName: csv,
          ...(options.consentVersion === undefined ? {} : { consentTextVersion: options.consentVersion }),
          ...(options.consentText === undefined
            ? {}
            : { consentText: await readFile(resolve(ctx.cwd, options.consentText), 'utf8') }),
        });
        const badRows = report.results.filter(
          (r) => r.outcome === 'skipped' && INPUT_ERRORS.has(r.reason ?? ''),
        );
        if (options.json) {
          ctx.out.json(report);
        } else {
          const skipped = report.results.filter((r) => r.outcome === 'skipped');
          if (skipped.length > 0) {
            ctx.out.table(
              [m.colRow, m.colEmail, m.colReason],
              skipped.map((r) => [
                format.number(r.line),
                r.email ?? '',
                `${m.skipReasons[r.reason ?? ''] ?? r.reason ?? ''}${r.message === undefined ? '' : `: ${r.message}`}`,
              ]),
              [true, false, false],
            );
          }
          ctx.out.print(
            m.csvReport(
              format.number(report.imported),
              format.number(report.updated),
              format.number(report.skipped),
            ),
          );
          ctx.out.print(m.csvStatus(format.number(report.active), format.number(report.pending)));
        }
        if (badRows.length > 0) {
          throw createUserError('CSV_BAD_ROWS', m.csvBadRows(format.number(badRows.length)), {
            reported: options.json === true,
          });
        }
      },
    );

  const exportCommand = subscribers.command('export');
  describeCommand(exportCommand, ctx, m.subscribersExportDescription, m.subscribersExportExamples);
  addRegionOption(exportCommand, ctx);
  addJsonOption(exportCommand, ctx)
    .requiredOption('--list <list>', m.listOption)
    .option('--output <file>', m.outputOption)
    .addOption(new Option('--status <status>', m.statusFilterOption).choices(SubscriberStatus.options))
    .action(
      async (options: {
        list: string;
        region?: string;
        json?: boolean;
        output?: string;
        status?: SubscriberStatus;
      }) => {
        const regionId = await resolveSingleRegion(ctx, options.region);
        await resolveAudience(ctx, regionId, options.list, undefined);
        const store = await ctx.store();
        if (options.json) {
          const all: Subscriber[] = [];
          let after: string | undefined;
          for (;;) {
            const page = await store.subscribers.list(regionId, {
              listId: options.list,
              limit: 1000,
              ...(options.status === undefined ? {} : { status: options.status }),
              ...(after === undefined ? {} : { after }),
            });
            all.push(...page);
            after = page.at(-1)?.id;
            if (page.length < 1000) break;
          }
          return ctx.out.json(all);
        }
        const chunks = store.subscribers.exportCsv({
          regionId,
          listId: options.list,
          actor: describeActor(),
          ...(options.status === undefined ? {} : { statuses: [options.status] }),
        });
        if (options.output === undefined) {
          for await (const chunk of chunks) ctx.out.stdout.write(chunk);
          return;
        }
        const target = resolve(ctx.cwd, options.output);
        let lines = -1;
        await pipeline(
          (async function* () {
            for await (const chunk of chunks) {
              lines += chunk.split('\n').length - 1;
              yield chunk;
            }
          })(),
          createWriteStream(target, { mode: 0o600 }),
        );
        ctx.out.note(m.exportWritten(format.number(Math.max(0, lines)), options.output));
      },
    );

  const show = subscribers.command('show').argument('<email>', m.emailArgument);
  describeCommand(show, ctx, m.subscribersShowDescription, m.subscribersShowExamples);
  addRegionOption(show, ctx);
  addJsonOption(show, ctx).action(async (input: string, options: { region?: string; json?: boolean }) => {
    const email = normaliseEmail(input);
    if (email === undefined) throw createUserError('INVALID_EMAIL', m.invalidEmail(input));
    const store = await ctx.store();
    const found: { subscriber: Subscriber; consent: ConsentEntry[]; suppression: string | null }[] = [];
    for (const region of await resolveRegions(ctx, options.region)) {
      const subscriber = await store.subscribers.findByEmail(region.id, email);
      if (subscriber === undefined) continue;
      found.push({
        subscriber,
        consent: await store.consent.history(subscriber.id),
        suppression: (await store.suppressions.check(region.id, email)) ?? null,
      });
    }
    if (found.length === 0) throw createUserError('UNKNOWN_SUBSCRIBER', m.unknownSubscriber(email));
    if (options.json) return ctx.out.json({ email, subscriptions: found });
    for (const { subscriber, consent, suppression } of found) {
      ctx.out.print(
        `${subscriber.regionId}: ${m.subscriberTitle(email, m.subscriberStatusLabels[subscriber.status] ?? subscriber.status)}`,
      );
      ctx.out.print(`  ${m.subscriberLists(subscriber.listIds.join(', ') || '–')}`);
      ctx.out.print(`  ${m.subscriberTopics(subscriber.topics.join(', ') || '–')}`);
      ctx.out.print(`  ${m.subscriberSince(format.dateTime(subscriber.createdAt))}`);
      if (suppression !== null) ctx.out.print(`  ${m.suppressedAs(suppression)}`);
      ctx.out.print(m.consentHistory);
      ctx.out.table(
        [m.colWhen, m.colAction, m.colSource, m.colList, m.colVersion],
        consent.map((c) => [
          format.dateTime(c.at),
          m.consentActions[c.action] ?? c.action,
          c.source,
          c.listId ?? '–',
          c.consentTextVersion ?? '–',
        ]),
      );
    }
  });

  const erase = subscribers.command('erase').argument('<email>', m.emailArgument);
  describeCommand(erase, ctx, m.subscribersEraseDescription, m.subscribersEraseExamples);
  addRegionOption(erase, ctx);
  addJsonOption(erase, ctx)
    .option('--yes', m.yesOption)
    .action(async (input: string, options: { region?: string; json?: boolean; yes?: boolean }) => {
      const email = normaliseEmail(input);
      if (email === undefined) throw createUserError('INVALID_EMAIL', m.invalidEmail(input));
      if (options.region !== undefined) await resolveRegions(ctx, options.region);
      if (!options.yes) throw createUserError('CONFIRMATION_NEEDED', m.eraseNeedsYes);
      const store = await ctx.store();
      const result = await store.dataSubjects.erase({
        email,
        actor: describeActor(),
        ...(options.region === undefined ? {} : { regionId: options.region }),
      });
      if (result.erased === 0) throw createUserError('UNKNOWN_SUBSCRIBER', m.unknownSubscriber(email));
      if (options.json) return ctx.out.json({ email, ...result });
      ctx.out.print(m.subscriberErased(email));
    });
}

/** The region of a command that works on one: `--region`, or the only region in the store. */
async function resolveSingleRegion(ctx: CliContext, regionId: string | undefined): Promise<string> {
  const regions = await resolveRegions(ctx, regionId);
  if (regions.length === 1 && regions[0] !== undefined) return regions[0].id;
  throw createUserError('REGION_NEEDED', ctx.m.regionNeeded(regions.map((r) => r.id).join(', ') || '–'));
}
