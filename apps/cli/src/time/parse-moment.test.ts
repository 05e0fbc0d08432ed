import { describe, expect, it } from 'vitest';
import { parseMoment } from './parse-moment';

describe('parseMoment', () => {
  it.each([
    ['2026-12-01 09:00', 'Europe/Berlin', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T09:00', 'Europe/Berlin', '2026-12-01T08:00:00.000Z'],
    ['2026-07-01 09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
    ['01.12.2026 09:00', 'Europe/Berlin', '2026-12-01T08:00:00.000Z'],
    ['1.12.2026, 9.00 Uhr', 'Europe/Berlin', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01 09:00:30', 'Europe/Berlin', '2026-12-01T08:00:30.000Z'],
    ['2026-12-01 09:00', 'America/New_York', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01 09:00', 'UTC', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00+01:00', 'America/New_York', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T08:00:00Z', 'Europe/Berlin', '2026-12-01T08:00:00.000Z'],
    // the night the clocks go back (25 October 2026, 03:00 CEST → 02:00 CET): the first 02:30
    ['2026-10-25 02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-03-29 03:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
  ])('reads %s in %s', (input, zone, expected) => {
    const result = parseMoment(input, zone);
    expect(result).toEqual({ ok: true, instant: new Date(expected) });
  });

  it.each([
    ['morgen früh', 'unparseable'],
    ['2026-13-01 09:00', 'unparseable'],
    ['2026-02-30 09:00', 'unparseable'],
    ['2026-12-01 24:00', 'unparseable'],
    ['2026-12-01', 'unparseable'],
    ['31.04.2026 10:00', 'unparseable'],
    // skipped when the clocks go forward (29 March 2026, 02:00 CET → 03:00 CEST)
    ['2026-03-29 02:30', 'not-in-zone'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(parseMoment(input, 'Europe/Berlin')).toEqual({ ok: false, problem });
  });

  it('refuses an unknown time zone', () => {
    expect(parseMoment('2026-12-01 09:00', 'Europe/Kiel')).toEqual({ ok: false, problem: 'unknown-zone' });
  });
});
