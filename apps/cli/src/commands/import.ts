import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { findRecordFiles } from '../records/find-record-files';
import { type FileOutcome, importRecordFiles } from '../records/import-records';

/** `regiokit import <file|folder>`. */
export function registerImportCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('import').argument('<path>', m.importArgument);
  describeCommand(command, ctx, m.importDescription, m.importExamples);
  addRegionOption(command, ctx);
  addJsonOption(command, ctx)
    .option('--dry-run', m.importDryRunOption)
    .action(async (path: string, options: { region?: string; json?: boolean; dryRun?: boolean }) => {
      const refs = await findRecordFiles(resolve(ctx.cwd, path));
      if (refs === undefined) throw createUserError('PATH_NOT_FOUND', m.importPathMissing(path));
      if (refs.length === 0) throw createUserError('NO_FILES', m.importNoFiles(path));
      const outcomes = await importRecordFiles(refs, {
        store: await ctx.store(),
        dataDir: ctx.config.dataDir,
        messages: m,
        regionId: options.region,
        dryRun: options.dryRun ?? false,
        cwd: ctx.cwd,
      });
      const failed = outcomes.filter((o) => o.problems.length > 0);
      if (options.json) ctx.out.json(toJson(outcomes, options.dryRun ?? false));
      else printReport(ctx, outcomes, options.dryRun ?? false);
      if (failed.length > 0) {
        throw createUserError('IMPORT_FILE_ERRORS', m.importFailedFiles(ctx.format.number(failed.length)), {
          reported: options.json === true,
        });
      }
    });
}

function toJson(outcomes: readonly FileOutcome[], dryRun: boolean) {
  const records = outcomes.flatMap((o) => o.records);
  const count = (result: string) => records.filter((r) => r.result === result).length;
  return {
    dryRun,
    files: outcomes.map((o) => ({
      file: o.file,
      imported: o.problems.length === 0,
      records: o.records,
      problems: o.problems.map(({ line, endLine, field, message }) => ({
        line: line ?? null,
        endLine: endLine ?? line ?? null,
        field,
        message,
      })),
    })),
    summary: {
      files: outcomes.length,
      failedFiles: outcomes.filter((o) => o.problems.length > 0).length,
      records: records.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
    },
  };
}

function printReport(ctx: CliContext, outcomes: readonly FileOutcome[], dryRun: boolean): void {
  const { m, format } = ctx;
  const label = {
    created: m.resultCreated,
    updated: m.resultUpdated,
    unchanged: m.resultUnchanged,
    checked: m.resultChecked,
  };
  const rows = outcomes.flatMap((o) => o.records.map((r) => [o.file, r.kind, r.id, label[r.result]]));
  if (rows.length > 0) ctx.out.table([m.tableFile, m.tableKind, m.tableId, m.tableResult], rows);
  for (const outcome of outcomes.filter((o) => o.problems.length > 0)) {
    ctx.out.note(m.importFileRejected(outcome.file, outcome.problems.length));
    for (const p of outcome.problems) {
      const lines =
        p.line === undefined ? undefined : p.endLine === undefined ? `${p.line}` : `${p.line}–${p.endLine}`;
      ctx.out.note(`  ${m.importFileLine(p.file, lines, p.field, p.message)}`);
    }
  }
  const records = outcomes.flatMap((o) => o.records);
  const count = (result: string) => format.number(records.filter((r) => r.result === result).length);
  const imported = outcomes.filter((o) => o.problems.length === 0).length;
  ctx.out.print(
    dryRun
      ? m.importDryRunSummary(format.number(imported), format.number(records.length))
      : m.importSummary(
          format.number(imported),
          format.number(records.length),
          count('created'),
          count('updated'),
          count('unchanged'),
        ),
  );
}
