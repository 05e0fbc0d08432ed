import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { describeCommand } from '../command-helpers';

/** `regiokit worker` and `regiokit web`: the two long-running processes, in the foreground. */
export function registerProcessCommands(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const worker = program.command('worker');
  describeCommand(worker, ctx, m.workerDescription, m.workerExamples).action(async () => {
    const { loadConfig, runWorker } = await import('@regiokit/campaigns/worker');
    // the worker reads its own variables (SEND_RATE, CONCURRENCY, …) from the same environment
    const config = loadConfig(ctx.env, ctx.cwd);
    await runWorker(config);
    ctx.out.note(m.processStarted('regiokit worker'));
    // runs until SIGTERM/SIGINT; the worker's own handlers shut it down and end the process
    await new Promise<never>(() => undefined);
  });

  const web = program.command('web');
  describeCommand(web, ctx, m.webDescription, m.webExamples).action(async () => {
    const { loadConfig, runWebServer } = await import('@regiokit/web');
    const config = loadConfig(ctx.env, ctx.cwd);
    const server = await runWebServer(config);
    ctx.out.note(m.processStarted(`regiokit web (${server.url}, ${config.publicUrl})`));
    await new Promise<void>((resolve, reject) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        server.close().then(resolve, reject);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  });
}
