import { CommanderError } from 'commander';
import type { CliContext } from './cli-context';
import { EXIT_CODES, type ExitCode } from './cli-error';
import type { Messages } from './i18n/messages';
import { createProgram } from './program';
import { translateError } from './translate-error';

/**
 * Runs one `regiokit` invocation: parses `argv`, runs the command and reports any error in the
 * context's language (as JSON on stdout when `--json` was given). Returns the exit code.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const program = createProgram(ctx);
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_CODES.ok;
      const message = translateCommanderError(error, ctx.m);
      if (json) ctx.out.json({ error: { code: error.code, message } });
      else ctx.out.note(`${ctx.m.errorPrefix}: ${message}\n${ctx.m.seeHelp(commandPath(argv))}`);
      return EXIT_CODES.user;
    }
    const failure = translateError(error, ctx.m);
    if (failure.reported) return failure.exitCode;
    if (json) {
      ctx.out.json({
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.details.length > 0 ? { details: failure.details } : {}),
          ...(failure.hint === undefined ? {} : { hint: failure.hint }),
        },
      });
    } else {
      ctx.out.note(`${ctx.m.errorPrefix}: ${failure.message}`);
      for (const line of failure.details) ctx.out.note(`  ${line}`);
      if (failure.hint !== undefined) ctx.out.note(`${ctx.m.hintPrefix}: ${failure.hint}`);
    }
    if (failure.code === 'UNEXPECTED' && failure.cause instanceof Error && failure.cause.stack) {
      ctx.out.note(failure.cause.stack);
    }
    return failure.exitCode;
  }
}

function commandPath(argv: readonly string[]): string {
  const words = argv.filter((a) => /^[a-z][a-z-]*$/.test(a)).slice(0, 2);
  return ['regiokit', ...words].join(' ');
}

/** Commander's own messages are English; the common ones are said again in the user's language. */
function translateCommanderError(error: CommanderError, m: Messages): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return m.commanderUnknownCommand(quoted);
    case 'commander.unknownOption':
      return m.commanderUnknownOption(quoted);
    case 'commander.missingArgument':
      return m.commanderMissingArgument(quoted);
    case 'commander.optionMissingArgument':
      return m.commanderOptionMissingArgument(quoted);
    case 'commander.missingMandatoryOptionValue':
      return m.commanderMandatoryOption(quoted);
    case 'commander.excessArguments':
      return m.commanderExcessArguments;
    case 'commander.invalidArgument':
      return m.commanderInvalidArgument(error.message.replace(/^error: /, ''));
    case 'commander.conflictingOption':
      return m.commanderConflictingOption(error.message.replace(/^error: /, ''));
    default:
      return error.message.replace(/^error: /, '');
  }
}
