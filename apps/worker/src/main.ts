// The worker process: config → logger → connections → start → signal handlers. Everything it
// runs comes from @regiokit/campaigns; this file only composes it from the environment.
import { ConfigError, createLogger, loadConfig, runWorker } from '@regiokit/campaigns/worker';

try {
  const config = loadConfig(process.env, process.cwd());
  const logger = createLogger(config.logLevel);
  await runWorker(config, { logger });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('regiokit worker failed to start:', error);
  process.exit(1);
}
