import { type Command, Option } from 'commander';
import type { CliContext } from './cli-context';

/** Adds the description and an "Examples" block to a command's help. */
export function describeCommand(
  command: Command,
  ctx: CliContext,
  description: string,
  examples: readonly string[],
): Command {
  return command
    .description(description)
    .addHelpText('after', `\n${ctx.m.examples}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** The `--json` option of read commands. */
export function addJsonOption(command: Command, ctx: CliContext): Command {
  return command.addOption(new Option('--json', ctx.m.jsonOption));
}

/** The `--region <id>` option. */
export function addRegionOption(command: Command, ctx: CliContext, required = false): Command {
  const option = new Option('--region <id>', ctx.m.regionOption);
  if (required) option.makeOptionMandatory();
  return command.addOption(option);
}
