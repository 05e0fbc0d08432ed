import { describe, expect, it } from 'vitest';
import { Body, listBodySectors } from './body';
import { Decision } from './decision';
import { formatFieldErrors, validate } from './validation';

const bodyInput = {
  id: 'lenkungsgruppe',
  regionId: 'thueringer-bogen',
  role: 'decides',
  localName: 'Lenkungsgruppe',
};

describe('Body', () => {
  it.each([
    ['decides', 'Lenkungsausschuss'],
    ['advises', 'Beirat'],
    ['works', 'Arbeitskreis'],
    ['supervises', 'Aufsichtsrat'],
  ])('accepts the role %s with a local name such as %s', (role, localName) => {
    expect(Body.parse({ ...bodyInput, role, localName })).toMatchObject({
      role,
      localName,
      members: [],
      sectors: [],
    });
  });

  it.each([
    [{ role: 'steers' }, 'role: Invalid option: expected one of "decides"|"advises"|"works"|"supervises"'],
    [{ localName: '' }, 'localName: expected a non-empty text'],
    [
      { members: [{ name: 'IHK', sector: 'kammer' }] },
      'members[0].sector: Invalid option: expected one of "wirtschaft"|"bildung"|"wissenschaft"|"politik"|"verwaltung"|"zivilgesellschaft"',
    ],
    [{ memberCount: 0 }, 'memberCount: Too small: expected number to be >0'],
  ])('rejects %j', (patch, message) => {
    const result = validate(Body, { ...bodyInput, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });

  it.each([
    [[], [], []],
    [['politik', 'wirtschaft'], [], ['wirtschaft', 'politik']],
    [
      ['bildung'],
      [
        { name: 'IHK Erfurt', sector: 'wirtschaft' },
        { name: 'TU Ilmenau', sector: 'wissenschaft' },
      ],
      ['wirtschaft', 'bildung', 'wissenschaft'],
    ],
    [
      [],
      [
        { name: 'A', sector: 'zivilgesellschaft' },
        { name: 'B', sector: 'zivilgesellschaft' },
      ],
      ['zivilgesellschaft'],
    ],
  ])('lists the sectors %j + members %j as %j', (sectors, members, expected) => {
    expect(listBodySectors(Body.parse({ ...bodyInput, sectors, members }))).toEqual(expected);
  });
});

describe('Decision', () => {
  const decisionInput = {
    id: 'lg-2026-1',
    regionId: 'thueringer-bogen',
    bodyId: 'lenkungsgruppe',
    date: '2026-03-10',
    subject: 'Coworking-Testspaces',
    outcome: 'approved',
  };

  it.each([
    'approved',
    'rejected',
    'deferred',
    'recommended',
    'noted',
  ])('accepts the outcome %s', (outcome) => {
    expect(Decision.parse({ ...decisionInput, outcome }).projectIds).toEqual([]);
  });

  it.each([
    [{ date: '10.03.2026' }, 'date: expected an ISO date (YYYY-MM-DD), got "10.03.2026"'],
    [
      { outcome: 'maybe' },
      'outcome: Invalid option: expected one of "approved"|"rejected"|"deferred"|"recommended"|"noted"',
    ],
    [
      { bodyId: 'Lenkungsgruppe' },
      'bodyId: expected a slug (a-z, 0-9, "-", 1–64 characters), got "Lenkungsgruppe"',
    ],
    [{ subject: 'Zeile\nzwei' }, 'subject: expected one line, got a line break (CR/LF)'],
  ])('rejects %j', (patch, message) => {
    const result = validate(Decision, { ...decisionInput, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});
