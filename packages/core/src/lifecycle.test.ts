import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LIFECYCLE, CampaignStatus } from './campaign';
import { DomainError } from './errors';
import {
  assertTransition,
  canTransition,
  defineLifecycle,
  type Lifecycle,
  listNextStatuses,
} from './lifecycle';
import { PROJECT_LIFECYCLE, ProjectStatus } from './project-status';
import { SUBSCRIBER_LIFECYCLE, SubscriberStatus } from './subscriber';

/** Every pair of statuses with whether the transition is legal, from an explicit list of legal ones. */
function allPairs<S extends string>(statuses: readonly S[], legal: readonly string[]): [S, S, boolean][] {
  return statuses.flatMap((from) =>
    statuses.map((to): [S, S, boolean] => [from, to, legal.includes(`${from}→${to}`)]),
  );
}

const PROJECT_LEGAL = [
  'idea→proposed',
  'idea→discontinued',
  'proposed→approved',
  'proposed→rejected',
  'proposed→idea',
  'proposed→discontinued',
  'approved→running',
  'approved→discontinued',
  'running→completed',
  'running→paused',
  'running→discontinued',
  'paused→running',
  'paused→discontinued',
  'rejected→proposed',
];

const SUBSCRIBER_LEGAL = [
  'pending→active',
  'pending→unsubscribed',
  'pending→bounced',
  'active→unsubscribed',
  'active→bounced',
  'active→complained',
  'unsubscribed→pending',
  'bounced→pending',
  'complained→pending',
];

const CAMPAIGN_LEGAL = [
  'draft→scheduled',
  'draft→cancelled',
  'scheduled→draft',
  'scheduled→sending',
  'scheduled→paused',
  'scheduled→cancelled',
  'scheduled→missed',
  'sending→paused',
  'sending→sent',
  'sending→cancelled',
  'sending→failed',
  'paused→sending',
  'paused→scheduled',
  'paused→cancelled',
];

function expectLifecycle<S extends string>(
  lifecycle: Lifecycle<S>,
  statuses: readonly S[],
  legal: readonly string[],
) {
  it.each(allPairs(statuses, legal))(`${lifecycle.name}: %s → %s legal: %s`, (from, to, ok) => {
    expect(canTransition(lifecycle, from, to)).toBe(ok);
    if (ok) {
      expect(() => assertTransition(lifecycle, from, to)).not.toThrow();
    } else {
      let caught: unknown;
      try {
        assertTransition(lifecycle, from, to);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect((caught as DomainError).details).toEqual({ lifecycle: lifecycle.name, from, to });
    }
  });
}

describe('PROJECT_LIFECYCLE', () => expectLifecycle(PROJECT_LIFECYCLE, ProjectStatus.options, PROJECT_LEGAL));
describe('SUBSCRIBER_LIFECYCLE', () =>
  expectLifecycle(SUBSCRIBER_LIFECYCLE, SubscriberStatus.options, SUBSCRIBER_LEGAL));
describe('CAMPAIGN_LIFECYCLE', () =>
  expectLifecycle(CAMPAIGN_LIFECYCLE, CampaignStatus.options, CAMPAIGN_LEGAL));

describe('lifecycle helpers', () => {
  const door = defineLifecycle<'open' | 'closed' | 'locked'>('door', {
    open: ['closed'],
    closed: ['open', 'locked'],
    locked: [],
  });

  it('says what is allowed in the error message', () => {
    expect(() => assertTransition(door, 'open', 'locked')).toThrowError(
      'door cannot go from "open" to "locked"; allowed from "open": "closed"',
    );
    expect(() => assertTransition(door, 'locked', 'open')).toThrowError(
      'door cannot go from "locked" to "open"; allowed from "locked": none',
    );
  });

  it('lists next statuses, and none for a status it does not know', () => {
    expect(listNextStatuses(door, 'closed')).toEqual(['open', 'locked']);
    expect(listNextStatuses(door, 'ajar' as 'open')).toEqual([]);
    expect(listNextStatuses(door, 'toString' as 'open')).toEqual([]);
    expect(canTransition(door, 'ajar' as 'open', 'closed')).toBe(false);
  });
});
