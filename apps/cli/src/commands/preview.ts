import { relative } from 'node:path';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { findContent } from '../services/find-content';
import { openInBrowser } from '../services/open-in-browser';
import { LOCAL_PUBLIC_URL } from '../services/public-url';
import { writePreview } from '../services/render-preview';

/** `regiokit preview <issue-or-press-release>`. */
export function registerPreviewCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('preview').argument('<id>', m.previewArgument);
  describeCommand(command, ctx, m.previewDescription, m.previewExamples);
  addRegionOption(command, ctx);
  addJsonOption(command, ctx)
    .addOption(new Option('--language <language>', m.previewLanguageOption).choices(['de', 'en']))
    .option('--out <folder>', m.previewOutOption)
    .option('--open', m.previewOpenOption)
    .action(
      async (
        id: string,
        options: { region?: string; json?: boolean; language?: 'de' | 'en'; out?: string; open?: boolean },
      ) => {
        const content = await findContent(ctx, id, options.region);
        const result = await writePreview(content, {
          dir: options.out ?? ctx.config.previewDir,
          language: options.language,
          publicUrl: ctx.config.publicUrl ?? LOCAL_PUBLIC_URL,
          now: ctx.now(),
        });
        const opened = options.open ? await openInBrowser(result.htmlFile, ctx.config.browser) : undefined;
        if (options.json)
          return ctx.out.json({ ...result, pageFile: result.pageFile ?? null, opened: opened ?? null });
        const show = (path: string) => relative(ctx.cwd, path) || path;
        ctx.out.print(
          m.previewWritten(
            content.kind === 'newsletter' ? m.kindNewsletter : m.kindPressRelease,
            result.subject,
          ),
        );
        ctx.out.print(m.previewHtml(show(result.htmlFile), ctx.format.bytes(result.htmlBytes)));
        ctx.out.print(m.previewText(show(result.textFile)));
        if (result.pageFile !== undefined) ctx.out.print(m.previewPage(show(result.pageFile)));
        if (result.embargo !== undefined)
          ctx.out.print(m.previewEmbargo(ctx.format.dateTime(result.embargo)));
        if (result.warnings.length === 0) ctx.out.print(m.previewNoWarnings);
        else {
          ctx.out.print(m.previewWarnings);
          for (const w of result.warnings) ctx.out.print(`  ${w.code}: ${w.message}`);
        }
        if (opened === true) ctx.out.note(m.previewOpened(show(result.htmlFile)));
        if (opened === false) ctx.out.note(m.previewOpenFailed(result.htmlFile));
      },
    );
}
