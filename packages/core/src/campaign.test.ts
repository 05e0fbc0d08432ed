import { describe, expect, it } from 'vitest';
import { Campaign, CronExpression, TimePlan } from './campaign';
import { formatFieldErrors, validate } from './validation';

describe('CronExpression', () => {
  it.each([
    '0 9 * * 2',
    '*/15 * * * *',
    '0 9 1 * *',
    '30 8 * * MON-FRI',
    '0 9 * JAN,JUL *',
    '0 9 1-7 * 1',
    '0 0 * * 7',
    ' 0 9 * * 2 ',
    '0,30 8-17/2 * * *',
  ])('accepts %j', (cron) => {
    expect(CronExpression.safeParse(cron).success).toBe(true);
  });

  it.each([
    '0 9 * *',
    '0 9 * * 2 2026',
    '60 9 * * *',
    '0 24 * * *',
    '0 9 0 * *',
    '0 9 32 * *',
    '0 9 * 13 *',
    '0 9 * * 8',
    '0 9 * * FOO',
    '5-1 * * * *',
    '*/0 * * * *',
    'MON * * * *',
    '',
  ])('rejects %j naming the expected form', (cron) => {
    const result = validate(CronExpression, cron);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatFieldErrors(result.errors)).toBe(
        `expected a cron expression with five fields (minute hour day month weekday), got ${JSON.stringify(cron)}`,
      );
    }
  });
});

describe('TimePlan and Campaign', () => {
  it.each([
    [{ kind: 'now' }, { kind: 'now' }],
    [
      { kind: 'at', at: '2026-12-01T09:00:00+01:00' },
      { kind: 'at', at: '2026-12-01T09:00:00+01:00', timeZone: 'Europe/Berlin' },
    ],
    [
      { kind: 'recurring', cron: '0 9 * * 2' },
      { kind: 'recurring', cron: '0 9 * * 2', timeZone: 'Europe/Berlin' },
    ],
  ])('parses %j', (input, expected) => {
    expect(TimePlan.parse(input)).toEqual(expected);
  });

  it('names the field of a wrong instant', () => {
    const result = validate(Campaign, {
      id: 'digest-dezember',
      regionId: 'kielregion',
      name: 'Digest Dezember',
      content: { kind: 'newsletter', issueId: 'newsletter-2026-12' },
      audience: { listId: 'newsletter' },
      plan: { kind: 'at', at: 'Dienstag 9 Uhr' },
      createdAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:00:00Z',
    });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(
      'plan.at: expected an ISO instant with offset (2026-12-01T09:00:00+01:00), got "Dienstag 9 Uhr"',
    );
  });
});
