import { ConfigError, loadConfig } from './config';
import { runWebServer } from './run-web';

/** The composition root: configuration from the environment, then the server, then signals. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const server = await runWebServer(config);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`error while stopping after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(
    error instanceof Error
      ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
      : error,
  );
  process.exit(2);
});
