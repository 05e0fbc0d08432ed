import type { FieldError, Validation } from '@regiokit/core';
import { ContentError } from './content-error';

/** Joins a prefix and a field path: `prefixPath('region', 'members[2].kind')` → `region.members[2].kind`. */
export function prefixPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * Returns the data of a successful {@link Validation} (from `validate` of `@regiokit/core`), or
 * throws a {@link ContentError} `INVALID_INPUT` whose issues name each field
 * (`sections[1].items[0].url`), prefixed with `prefix`.
 */
export function unwrapValidation<T>(result: Validation<T>, what: string, prefix = ''): T {
  if (result.success) return result.data;
  const issues: FieldError[] = result.errors.map((e) => ({
    path: prefixPath(prefix, e.path),
    message: e.message,
  }));
  throw new ContentError(
    'INVALID_INPUT',
    `invalid ${what}:\n${issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('\n')}`,
    { issues },
  );
}
