/** Outcome of one doctor check. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of `regiokit doctor`: what was checked, how it went, and what to do about it. */
export interface CheckResult {
  /** Stable id for `--json`, e.g. `redis.eviction`. */
  readonly id: string;
  readonly label: string;
  readonly status: CheckStatus;
  readonly detail: string;
  /** What to do when the status is `warn` or `fail`. */
  readonly fix?: string;
}
