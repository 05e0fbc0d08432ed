import { describe, expect, it } from 'vitest';
import { Audience, MailingList } from './audience';
import { ConsentRecord } from './consent';
import { ListId, Topic } from './index';
import { normaliseEmail, Subscriber } from './subscriber';
import { formatFieldErrors, validate } from './validation';

describe('normaliseEmail', () => {
  it.each([
    ['  Jane.Doe@Example.ORG ', 'jane.doe@example.org'],
    ['info@kielregion.example.org', 'info@kielregion.example.org'],
    ['not an address', undefined],
    ['', undefined],
    ['a@b', undefined],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});

const subscriberInput = {
  id: '6f1c1f1e-2b7a-4c1d-9a4e-0e7d2c3b4a5f',
  regionId: 'kielregion',
  email: 'jane.doe@example.org',
  status: 'pending',
  createdAt: '2026-11-21T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
};

describe('Subscriber', () => {
  it('fills defaults', () => {
    expect(Subscriber.parse(subscriberInput)).toMatchObject({
      salutation: 'none',
      language: 'de',
      listIds: [],
      topics: [],
    });
  });

  it.each([
    [
      { status: 'confirmed' },
      'status: Invalid option: expected one of "pending"|"active"|"unsubscribed"|"bounced"|"complained"',
    ],
    [{ email: 'jane' }, 'email: expected an e-mail address, got "jane"'],
    [{ firstName: 'x'.repeat(101) }, 'firstName: Too big: expected string to have <=100 characters'],
  ])('rejects %j', (patch, message) => {
    const result = validate(Subscriber, { ...subscriberInput, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});

describe('ConsentRecord', () => {
  it.each([
    [
      { action: 'requested', source: 'form', consentText: 'Ja, ich möchte …', consentTextVersion: '2026-01' },
      '',
    ],
    [{ action: 'confirmed', source: 'form' }, ''],
    [{ action: 'withdrawn', source: 'api' }, ''],
    [
      { action: 'granted', source: 'form' },
      'action: Invalid option: expected one of "requested"|"confirmed"|"withdrawn"|"preferences-changed"',
    ],
    [{ action: 'confirmed', source: 'fax' }, 'source: Invalid option: expected one of "form"|"import"|"api"'],
  ])('checks %j', (patch, message) => {
    const result = validate(ConsentRecord, {
      subscriberId: subscriberInput.id,
      regionId: 'kielregion',
      email: 'jane.doe@example.org',
      at: '2026-11-21T10:00:00Z',
      ...patch,
    });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});

describe('lists, topics and audiences', () => {
  it('parses a list, a topic and an audience with defaults', () => {
    expect(
      MailingList.parse({ id: 'presse', regionId: 'kielregion', kind: 'press', name: 'Presse' }),
    ).toMatchObject({ language: 'de', topics: [] });
    expect(Topic.parse({ id: 'mobilitaet', regionId: 'kielregion', name: 'Mobilität' }).name).toBe(
      'Mobilität',
    );
    expect(Audience.parse({ listId: ListId.parse('newsletter') })).toEqual({
      listId: 'newsletter',
      topics: [],
    });
  });

  it('rejects an unknown list kind', () => {
    expect(validate(MailingList, { id: 'x', regionId: 'kielregion', kind: 'sms', name: 'SMS' }).success).toBe(
      false,
    );
  });
});
