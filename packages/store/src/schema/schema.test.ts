import {
  CampaignStatus,
  ConsentAction,
  ConsentSource,
  PublicationState,
  SubscriberStatus,
} from '@regiokit/core';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES } from './campaigns';
import { CONSENT_ACTIONS, CONSENT_SOURCES } from './consent';
import { PUBLICATION_STATES } from './records';
import { SUBSCRIBER_STATUSES } from './subscribers';

// The schema cannot import core (drizzle-kit loads it on its own), so its CHECK lists are copies.
describe('schema check lists', () => {
  it.each([
    ['subscriber statuses', SUBSCRIBER_STATUSES, SubscriberStatus.options],
    ['consent actions', CONSENT_ACTIONS, ConsentAction.options],
    ['consent sources', CONSENT_SOURCES, ConsentSource.options],
    ['campaign statuses', CAMPAIGN_STATUSES, CampaignStatus.options],
    ['publication states', PUBLICATION_STATES, PublicationState.options],
  ])('match core for %s', (_name, stored, core) => {
    expect([...stored]).toEqual([...core]);
  });
});
