import { Command, Option } from 'commander';
import type { CliContext } from './cli-context';
import { registerApiTokenCommands } from './commands/api-token';
import { registerCampaignCommands } from './commands/campaign';
import { registerCoverageCommand } from './commands/coverage';
import { registerDemoCommand } from './commands/demo';
import { registerDoctorCommand } from './commands/doctor';
import { registerImportCommand } from './commands/import';
import { registerInitCommand } from './commands/init';
import { registerListCommands } from './commands/list';
import { registerPreviewCommand } from './commands/preview';
import { registerProcessCommands } from './commands/processes';
import { registerPublicationCommands } from './commands/publication';
import { registerSendTestCommand } from './commands/send-test';
import { registerSubscriberCommands } from './commands/subscribers';

/** The CLI's version, shown by `--version`. */
export const CLI_VERSION = '0.1.0';

/** Builds the `regiokit` command with all subcommands, in the context's language. */
export function createProgram(ctx: CliContext): Command {
  const { m } = ctx;
  const program = new Command('regiokit');
  program
    .description(m.programDescription)
    .configureHelp({ styleTitle: (title) => m.helpTitles[title] ?? title, sortSubcommands: false })
    .helpOption('-h, --help', m.helpOption)
    .helpCommand('help [command]', m.helpCommand)
    .version(CLI_VERSION, '-V, --version', m.versionOption)
    .addOption(new Option('--lang <lang>', m.langOption).choices(['de', 'en']))
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\n${m.environmentHelp}\n`);

  registerInitCommand(program, ctx);
  registerImportCommand(program, ctx);
  registerListCommands(program, ctx);
  registerCoverageCommand(program, ctx);
  registerPreviewCommand(program, ctx);
  registerPublicationCommands(program, ctx);
  registerSendTestCommand(program, ctx);
  registerCampaignCommands(program, ctx);
  registerSubscriberCommands(program, ctx);
  registerApiTokenCommands(program, ctx);
  registerProcessCommands(program, ctx);
  registerDoctorCommand(program, ctx);
  registerDemoCommand(program, ctx);
  return program;
}
