// The worker process: config → logger → connections → start → signal handlers.
import { ConfigError, loadConfig } from './config';
import { createLogger } from './process/logger';
import { runWorker } from './run-worker';

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
