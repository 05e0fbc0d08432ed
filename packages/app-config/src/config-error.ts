/**
 * Thrown when the environment holds a wrong value or the secret file cannot be used. Each problem
 * starts with the variable it is about (`REDIS_URL: expected …, got "…"`); the message lists them all.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.problems = problems;
  }
}
