import { z } from 'zod';
import { DomainError } from './errors';
import { defineLifecycle, listNextStatuses } from './lifecycle';

/**
 * Veröffentlichungsstatus of a newsletter issue or press release: `draft` (Entwurf) → `approved`
 * (freigegeben) → `published` (veröffentlicht) → `withdrawn` (zurückgezogen). Only a published
 * record is public, and a press release only once its embargo has ended as well.
 */
export const PublicationState = z.enum(['draft', 'approved', 'published', 'withdrawn'], {
  error: (i) =>
    `expected one of "draft", "approved", "published", "withdrawn", got ${JSON.stringify(i.input)}`,
});
export type PublicationState = z.infer<typeof PublicationState>;

/**
 * Allowed publication changes: a draft is approved, an approved record published (or sent back to
 * draft); a published record is unpublished (back to approved, e.g. published too early) or
 * withdrawn (retracted); a withdrawn record can only be reworked as a draft.
 */
export const PUBLICATION_LIFECYCLE = defineLifecycle<PublicationState>('publication', {
  draft: ['approved'],
  approved: ['published', 'draft'],
  published: ['approved', 'withdrawn'],
  withdrawn: ['draft'],
});

/** A change of the publication state by name, as staff ask for it. */
export const PublicationAction = z.enum(['approve', 'publish', 'unpublish', 'withdraw', 'reopen']);
export type PublicationAction = z.infer<typeof PublicationAction>;

/** The state each {@link PublicationAction} leads to. */
export const PUBLICATION_ACTION_TARGETS: Readonly<Record<PublicationAction, PublicationState>> = {
  approve: 'approved',
  publish: 'published',
  unpublish: 'approved',
  withdraw: 'withdrawn',
  reopen: 'draft',
};

/** The states each {@link PublicationAction} starts from (`approve` a draft, `unpublish` a published record). */
const ACTION_SOURCES: Readonly<Record<PublicationAction, readonly PublicationState[]>> = {
  approve: ['draft'],
  publish: ['approved'],
  unpublish: ['published'],
  withdraw: ['published'],
  reopen: ['approved', 'withdrawn'],
};

/**
 * Whether `action` may be taken on a record in state `from` (checked against
 * {@link PUBLICATION_LIFECYCLE} as well).
 *
 * @example canTakePublicationAction('draft', 'publish') // false: approve it first
 */
export function canTakePublicationAction(from: PublicationState, action: PublicationAction): boolean {
  return (
    Object.hasOwn(ACTION_SOURCES, action) &&
    ACTION_SOURCES[action].includes(from) &&
    listNextStatuses(PUBLICATION_LIFECYCLE, from).includes(PUBLICATION_ACTION_TARGETS[action])
  );
}

/** The actions allowed from `from`, in the order staff meet them. */
export function listPublicationActions(from: PublicationState): PublicationAction[] {
  return PublicationAction.options.filter((action) => canTakePublicationAction(from, action));
}

/**
 * Whether a newsletter issue or press release may be shown publicly at `now`: it is published and
 * its embargo (Sperrfrist), if any, has ended. A record without a state is not public.
 *
 * @example isPubliclyVisible({ publication: 'published', embargo: '2026-12-01T10:00:00Z' }, now)
 */
export function isPubliclyVisible(
  record: { readonly publication?: PublicationState | undefined; readonly embargo?: string | undefined },
  now: Date,
): boolean {
  if (record.publication !== 'published') return false;
  return record.embargo === undefined || Date.parse(record.embargo) <= now.getTime();
}

/**
 * The state `action` leads to from `from`; throws a {@link DomainError} `ILLEGAL_TRANSITION` that
 * names the allowed actions otherwise.
 *
 * @example applyPublicationAction('approved', 'publish') // 'published'
 * @example applyPublicationAction('draft', 'publish') // throws: allowed from "draft": approve
 */
export function applyPublicationAction(from: PublicationState, action: PublicationAction): PublicationState {
  if (!canTakePublicationAction(from, action)) {
    const allowed = listPublicationActions(from);
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `publication cannot ${action} a record that is "${from}"; allowed from "${from}": ${
        allowed.length === 0 ? 'none' : allowed.join(', ')
      }`,
      { details: { lifecycle: PUBLICATION_LIFECYCLE.name, from, action, allowed } },
    );
  }
  return PUBLICATION_ACTION_TARGETS[action];
}
