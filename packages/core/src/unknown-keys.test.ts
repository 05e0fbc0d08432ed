import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Project } from './project';
import { findUnknownKeys, suggestKey } from './validation';

describe('findUnknownKeys', () => {
  const schema = z.object({
    title: z.string(),
    fieldOfActionIds: z.array(z.string()).default([]),
    contact: z.object({ name: z.string(), email: z.string().optional() }).optional(),
    milestones: z.array(z.object({ label: z.string(), date: z.string() })).default([]),
    extra: z.record(z.string(), z.unknown()).optional(),
  });

  it.each([
    [{ title: 'a' }, []],
    [
      { title: 'a', fieldsOfAction: ['x'] },
      [['fieldsOfAction', 'unknown field; did you mean fieldOfActionIds?']],
    ],
    [{ title: 'a', colour: 'red' }, [['colour', 'unknown field']]],
    [
      { title: 'a', contact: { name: 'A', emial: 'a@b.de' } },
      [['contact.emial', 'unknown field; did you mean email?']],
    ],
    [
      { milestones: [{ label: 'x', date: 'y' }, { lable: 'x' }] },
      [['milestones[1].lable', 'unknown field; did you mean label?']],
    ],
    [{ extra: { anything: 1 } }, []],
    [{ title: 'a', contact: 'not an object' }, []],
  ])('in %j finds %j', (input, expected) => {
    expect(findUnknownKeys(schema, input).map((e) => [e.path, e.message])).toEqual(expected);
  });

  it('knows the keys of a core record schema', () => {
    const errors = findUnknownKeys(Project, { id: 'p', fieldsOfAction: ['tourism'] });
    expect(errors).toEqual([
      {
        path: 'fieldsOfAction',
        segments: ['fieldsOfAction'],
        message: 'unknown field; did you mean fieldOfActionIds?',
      },
    ]);
  });
});

describe('suggestKey', () => {
  it.each([
    ['fieldsOfAction', ['title', 'fieldOfActionIds'], 'fieldOfActionIds'],
    ['Titel', ['title', 'subline'], 'title'],
    ['embargo_until', ['embargoUntil', 'headline'], 'embargoUntil'],
    ['colour', ['title', 'subline'], undefined],
  ] as const)('suggests for %j among %j: %j', (key, known, expected) => {
    expect(suggestKey(key, known)).toBe(expected);
  });
});
