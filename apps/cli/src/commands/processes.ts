import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { describeCommand } from '../command-helpers';

/** `regiokit worker` (and `regiokit web` once apps/web exports its start function). */
export function registerProcessCommands(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const worker = program.command('worker');
  describeCommand(worker, ctx, m.workerDescription, m.workerExamples).action(async () => {
    const { loadConfig, runWorker } = await import('@regiokit/worker');
    // the worker reads its own variables (SEND_RATE, CONCURRENCY, …) from the same environment
    const config = loadConfig(ctx.env, ctx.cwd);
    await runWorker(config);
    ctx.out.note(m.processStarted('regiokit worker'));
    // runs until SIGTERM/SIGINT; the worker's own handlers shut it down and end the process
    await new Promise<never>(() => undefined);
  });
}
