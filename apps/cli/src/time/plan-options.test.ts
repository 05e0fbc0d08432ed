import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { createFormat } from '../i18n/format';
import { getMessages } from '../i18n/messages';
import { readTimePlan } from './plan-options';

const NOW = new Date('2026-11-22T10:00:00Z');
const read = (options: Parameters<typeof readTimePlan>[0]) =>
  readTimePlan(options, NOW, getMessages('de'), createFormat('de'));

describe('readTimePlan', () => {
  it.each([
    [{ now: true }, { kind: 'now' }],
    [{ at: '2026-12-01 09:00' }, { kind: 'at', at: '2026-12-01T08:00:00.000Z', timeZone: 'Europe/Berlin' }],
    [
      { at: '2026-12-01 09:00', tz: 'America/New_York' },
      { kind: 'at', at: '2026-12-01T14:00:00.000Z', timeZone: 'America/New_York' },
    ],
    [{ cron: '0 9 * * 2' }, { kind: 'recurring', cron: '0 9 * * 2', timeZone: 'Europe/Berlin' }],
  ])('reads %j', (options, plan) => {
    expect(read(options)).toEqual(plan);
  });

  it.each([
    [{}, 'PLAN_MISSING'],
    [{ now: true, cron: '0 9 * * 2' }, 'PLAN_AMBIGUOUS'],
    [{ now: true, tz: 'Europe/Berlin' }, 'PLAN_TZ_UNUSED'],
    [{ at: 'nächsten Dienstag' }, 'DATE_UNPARSEABLE'],
    [{ at: '2026-11-22 10:59' }, 'DATE_IN_PAST'],
    [{ at: '2027-03-28 02:30' }, 'DATE_NOT_IN_ZONE'],
    [{ at: '2026-12-01 09:00', tz: 'Mars/Olympus' }, 'UNKNOWN_TIME_ZONE'],
    [{ cron: '0 9 * *' }, 'INVALID_CRON'],
    [{ cron: '0 25 * * 2' }, 'INVALID_CRON'],
  ])('refuses %j with %s', (options, code) => {
    try {
      read(options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).code).toBe(code);
      expect((error as CliError).exitCode).toBe(1);
    }
  });

  it('says when a past moment was, in German', () => {
    expect(() => read({ at: '2026-11-22 10:59' })).toThrow(
      'Der Zeitpunkt 22.11.2026, 10:59 MEZ liegt in der Vergangenheit.',
    );
  });
});
