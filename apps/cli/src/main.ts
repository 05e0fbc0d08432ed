#!/usr/bin/env node
// The composition root of `regiokit`: the only place that reads process.env and process.argv.
import { createCliContext } from './cli-context';
import { EXIT_CODES } from './cli-error';
import { type CliConfig, ConfigError, loadConfig } from './config';
import { getMessages } from './i18n/messages';
import { createOutput } from './output/output';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);
const out = createOutput(process.stdout, process.stderr);
const wantsHelp = argv.some((a) => a === '--help' || a === '-h' || a === 'help' || a === '--version');

let config: CliConfig;
try {
  config = loadConfig(process.env, process.cwd());
} catch (error) {
  if (!(error instanceof ConfigError) || !wantsHelp) {
    const m = getMessages(pickLanguage(argv) ?? 'de');
    out.note(`${m.errorPrefix}: ${m.configInvalid}`);
    for (const problem of error instanceof ConfigError ? error.problems : [String(error)])
      out.note(`  ${problem}`);
    process.exit(EXIT_CODES.user);
  }
  config = loadConfig({}, process.cwd());
}

const ctx = createCliContext({
  config,
  language: pickLanguage(argv) ?? config.envLanguage,
  out,
  env: process.env,
  cwd: process.cwd(),
});
const code = await runCli(argv, ctx);
await ctx.close();
process.exitCode = code;
// Connections that a library keeps open must not hold the process after the command is done.
setTimeout(() => process.exit(code), 2_000).unref();

/** `--lang en` / `--lang=en` on the command line; invalid values are left to the parser's error. */
function pickLanguage(args: readonly string[]): 'de' | 'en' | undefined {
  const index = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (index === -1) return undefined;
  const value = args[index]?.includes('=') ? args[index]?.split('=')[1] : args[index + 1];
  return value === 'de' || value === 'en' ? value : undefined;
}
