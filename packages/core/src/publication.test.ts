import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { KIELREGION } from './examples/index';
import { assertTransition } from './lifecycle';
import { NewsletterIssue } from './newsletter-issue';
import { PressRelease } from './press-release';
import {
  applyPublicationAction,
  canTakePublicationAction,
  isPubliclyVisible,
  listPublicationActions,
  PUBLICATION_LIFECYCLE,
  type PublicationAction,
  type PublicationState,
} from './publication';
import { findUnknownKeys, formatFieldErrors, validate } from './validation';

describe('publication lifecycle', () => {
  it.each([
    ['draft', ['approve']],
    ['approved', ['publish', 'reopen']],
    ['published', ['unpublish', 'withdraw']],
    ['withdrawn', ['reopen']],
  ] as const)('allows from %s: %j', (from, actions) => {
    expect(listPublicationActions(from)).toEqual(actions);
  });

  it.each([
    ['draft', 'approve', 'approved'],
    ['approved', 'publish', 'published'],
    ['approved', 'reopen', 'draft'],
    ['published', 'unpublish', 'approved'],
    ['published', 'withdraw', 'withdrawn'],
    ['withdrawn', 'reopen', 'draft'],
  ] as const)('takes %s with %s to %s', (from, action, to) => {
    expect(applyPublicationAction(from, action)).toBe(to);
  });

  it.each([
    [
      'draft',
      'publish',
      'publication cannot publish a record that is "draft"; allowed from "draft": approve',
    ],
    ['draft', 'unpublish', 'allowed from "draft": approve'],
    ['approved', 'unpublish', 'allowed from "approved": publish, reopen'],
    ['published', 'publish', 'allowed from "published": unpublish, withdraw'],
    ['withdrawn', 'publish', 'allowed from "withdrawn": reopen'],
    ['draft', 'withdraw', 'allowed from "draft": approve'],
  ] as const)('refuses %s with %s, naming what is allowed', (from, action, message) => {
    expect(canTakePublicationAction(from, action)).toBe(false);
    try {
      applyPublicationAction(from as PublicationState, action as PublicationAction);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as DomainError).message).toContain(message);
      expect((error as DomainError).details).toMatchObject({ lifecycle: 'publication', from, action });
    }
  });

  it('is a lifecycle like the others: a draft is never published in one step', () => {
    expect(() => assertTransition(PUBLICATION_LIFECYCLE, 'draft', 'published')).toThrow(
      'publication cannot go from "draft" to "published"; allowed from "draft": "approved"',
    );
  });
});

describe('isPubliclyVisible', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it.each([
    [{ publication: 'published' }, true],
    [{ publication: 'published', embargo: '2026-12-01T10:00:00Z' }, true],
    [{ publication: 'published', embargo: '2026-12-01T10:00:01Z' }, false],
    [{ publication: 'approved' }, false],
    [{ publication: 'draft' }, false],
    [{ publication: 'withdrawn' }, false],
    [{}, false],
  ] as const)('%j at 10:00 UTC: %s', (record, visible) => {
    expect(isPubliclyVisible(record, now)).toBe(visible);
  });
});

describe('publication field of a record', () => {
  const release = KIELREGION.pressReleases[0]!;
  const issue = KIELREGION.newsletterIssues[0]!;

  it('is optional and kept when given', () => {
    expect(PressRelease.parse({ ...release, publication: undefined }).publication).toBeUndefined();
    expect(PressRelease.parse({ ...release, publication: 'published' }).publication).toBe('published');
    expect(NewsletterIssue.parse({ ...issue, publication: 'approved' }).publication).toBe('approved');
  });

  it('names the field and the allowed values for a wrong one, and suggests it when misspelt', () => {
    const result = validate(PressRelease, { ...release, publication: 'public' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatFieldErrors(result.errors)).toBe(
        'publication: expected one of "draft", "approved", "published", "withdrawn", got "public"',
      );
    }
    expect(findUnknownKeys(NewsletterIssue, { ...issue, publikation: 'draft' })).toMatchObject([
      { path: 'publikation', message: 'unknown field; did you mean publication?' },
    ]);
  });
});
