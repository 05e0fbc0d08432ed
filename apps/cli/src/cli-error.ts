/** Exit codes of the `regiokit` command: 0 ok, 1 the user's input is wrong, 2 the system failed. */
export const EXIT_CODES = { ok: 0, user: 1, system: 2 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Whether the user can fix an error by changing the input (`user`) or something around failed (`system`). */
export type CliErrorKind = 'user' | 'system';

/**
 * An error the command reports to the person at the terminal: a message in their language, what
 * to do about it (`hint`), and details such as one line per wrong field.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly kind: CliErrorKind;
  /** Stable code for `--json` output and tests, e.g. `UNKNOWN_LIST`. */
  readonly code: string;
  readonly details: readonly string[];
  readonly hint: string | undefined;
  /** The command has already shown the problem (e.g. as its JSON result); only the exit code remains. */
  readonly reported: boolean;

  constructor(
    kind: CliErrorKind,
    code: string,
    message: string,
    options: { cause?: unknown; details?: readonly string[]; hint?: string; reported?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.details = options.details ?? [];
    this.hint = options.hint;
    this.reported = options.reported ?? false;
  }

  get exitCode(): ExitCode {
    return this.kind === 'user' ? EXIT_CODES.user : EXIT_CODES.system;
  }
}

/** A {@link CliError} the user can fix. */
export function createUserError(
  code: string,
  message: string,
  options?: { cause?: unknown; details?: readonly string[]; hint?: string; reported?: boolean },
): CliError {
  return new CliError('user', code, message, options);
}

/** A {@link CliError} caused by the surroundings: Redis, the database, the file system. */
export function createSystemError(
  code: string,
  message: string,
  options?: { cause?: unknown; details?: readonly string[]; hint?: string; reported?: boolean },
): CliError {
  return new CliError('system', code, message, options);
}
