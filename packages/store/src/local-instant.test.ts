import { describe, expect, it } from 'vitest';
import { parseLocalInstant } from './local-instant';

describe('parseLocalInstant', () => {
  it.each([
    ['2024-03-01T10:15:00+01:00', '2024-03-01T09:15:00.000Z'],
    ['2024-03-01T10:15:00Z', '2024-03-01T10:15:00.000Z'],
    ['2024-03-01 10:15', '2024-03-01T09:15:00.000Z'],
    ['2024-07-01T10:15:30', '2024-07-01T08:15:30.000Z'],
    ['01.03.2024 10:15', '2024-03-01T09:15:00.000Z'],
    ['1.7.2024', '2024-06-30T22:00:00.000Z'],
    ['31.03.2024 03:30', '2024-03-31T01:30:00.000Z'],
    ['27.10.2024 01:30', '2024-10-26T23:30:00.000Z'],
    [' 2024-12-24 ', '2024-12-23T23:00:00.000Z'],
  ])('reads %j in Europe/Berlin as %s', (text, expected) => {
    expect(parseLocalInstant(text, 'Europe/Berlin')?.toISOString()).toBe(expected);
  });

  it('uses the given time zone', () => {
    expect(parseLocalInstant('2024-03-01 10:15', 'UTC')?.toISOString()).toBe('2024-03-01T10:15:00.000Z');
  });

  it.each([
    '',
    'gestern',
    '31.02.2024',
    '2024-13-01',
    '2024-03-01 24:00',
    '03/01/2024',
    '2024-03-01T10:15:00+25:00',
  ])('rejects %j', (text) => {
    expect(parseLocalInstant(text, 'Europe/Berlin')).toBeUndefined();
  });
});
