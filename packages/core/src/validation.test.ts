import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors';
import { formatFieldErrors, formatPath, toFieldErrors, validate } from './validation';

describe('validation', () => {
  it.each([
    [[], ''],
    [['members', 2, 'officialKey'], 'members[2].officialKey'],
    [[0, 'name'], '[0].name'],
    [['sections', 1, 'items', 0], 'sections[1].items[0]'],
  ])('formats the path %j as %j', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  const schema = z.object({
    name: z.string().min(1, { error: 'expected a name' }),
    tags: z.array(z.string()),
  });

  it('returns the parsed value', () => {
    expect(validate(schema, { name: 'a', tags: [] })).toEqual({
      success: true,
      data: { name: 'a', tags: [] },
    });
  });

  it('returns one field error per issue, without throwing', () => {
    const result = validate(schema, { name: '', tags: [1] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.errors.map((e) => e.path)).toEqual(['name', 'tags[0]']);
      expect(formatFieldErrors(result.errors).split('\n')[0]).toBe('name: expected a name');
    }
  });

  it('formats an error of the whole record without a path', () => {
    expect(formatFieldErrors([{ path: '', message: 'expected an object' }])).toBe('expected an object');
    const parsed = schema.safeParse('x');
    expect(parsed.success ? [] : toFieldErrors(parsed.error)).toEqual([
      { path: '', message: 'Invalid input: expected object, received string' },
    ]);
  });
});

describe('DomainError', () => {
  it('carries a code, details and its cause', () => {
    const cause = new Error('inner');
    const error = new DomainError('ILLEGAL_TRANSITION', 'project cannot go', {
      details: { from: 'a' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.details).toEqual({ from: 'a' });
    expect(error.cause).toBe(cause);
    expect(new DomainError('INVALID_REFERENCE', 'x').details).toEqual({});
    expect('cause' in new DomainError('INVALID_REFERENCE', 'x')).toBe(false);
  });
});
