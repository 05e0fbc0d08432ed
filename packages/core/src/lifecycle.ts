import { DomainError } from './errors';

/** A status machine: which status may follow which. */
export interface Lifecycle<S extends string> {
  /** Name used in error messages, e.g. `campaign`. */
  readonly name: string;
  /** Allowed next statuses per status. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
}

/**
 * Defines a {@link Lifecycle}.
 *
 * @example const DOOR = defineLifecycle<'open' | 'closed'>('door', { open: ['closed'], closed: ['open'] });
 */
export function defineLifecycle<S extends string>(
  name: string,
  transitions: Readonly<Record<S, readonly S[]>>,
): Lifecycle<S> {
  return { name, transitions };
}

/** Whether `to` may follow `from` in `lifecycle`. */
export function canTransition<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): boolean {
  return listNextStatuses(lifecycle, from).includes(to);
}

/**
 * The statuses that may follow `from`; none for a final status or a status the lifecycle does not
 * know (e.g. from unvalidated input).
 *
 * @example listNextStatuses(PROJECT_LIFECYCLE, 'running') // ['completed', 'paused', 'discontinued']
 */
export function listNextStatuses<S extends string>(lifecycle: Lifecycle<S>, from: S): readonly S[] {
  return Object.hasOwn(lifecycle.transitions, from) ? lifecycle.transitions[from] : [];
}

/**
 * Throws a {@link DomainError} `ILLEGAL_TRANSITION` unless `to` may follow `from`.
 *
 * @example assertTransition(CAMPAIGN_LIFECYCLE, 'sent', 'sending') // throws
 */
export function assertTransition<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): void {
  if (!canTransition(lifecycle, from, to)) {
    const allowed = listNextStatuses(lifecycle, from);
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `${lifecycle.name} cannot go from "${from}" to "${to}"; allowed from "${from}": ${
        allowed.length === 0 ? 'none' : allowed.map((s) => `"${s}"`).join(', ')
      }`,
      { details: { lifecycle: lifecycle.name, from, to } },
    );
  }
}
