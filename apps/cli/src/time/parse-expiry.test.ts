import { describe, expect, it } from 'vitest';
import { parseExpiry } from './parse-expiry';

describe('parseExpiry', () => {
  it.each([
    ['2027-07-31', '2027-07-31T22:00:00.000Z'],
    ['31.07.2027', '2027-07-31T22:00:00.000Z'],
    ['1.1.2027', '2027-01-01T23:00:00.000Z'],
    ['2027-12-31', '2027-12-31T23:00:00.000Z'],
    ['2027-03-27', '2027-03-27T23:00:00.000Z'],
    ['2027-07-31 18:00', '2027-07-31T16:00:00.000Z'],
    ['31.07.2027 18:00', '2027-07-31T16:00:00.000Z'],
    ['2027-07-31T18:00:00Z', '2027-07-31T18:00:00.000Z'],
  ])('reads %j as valid until %s', (input, expected) => {
    expect(parseExpiry(input)?.toISOString()).toBe(expected);
  });

  it.each(['', 'morgen', '2027-02-30', '31.02.2027', '2027-13-01', '07/31/2027'])('refuses %j', (input) => {
    expect(parseExpiry(input)).toBeUndefined();
  });
});
