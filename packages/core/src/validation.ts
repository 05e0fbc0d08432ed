import type { z } from 'zod';

/** One problem with one field of an input, e.g. `members[2].officialKey`. */
export interface FieldError {
  /** Path to the field in dotted/bracket notation; empty for the whole record. */
  readonly path: string;
  /** What was expected and what was received. */
  readonly message: string;
}

/** Result of {@link validate}: the parsed value or the list of field errors. */
export type Validation<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly errors: readonly FieldError[] };

/**
 * Formats a zod issue path as `members[2].officialKey`.
 *
 * @example formatPath(['members', 2, 'officialKey']) // 'members[2].officialKey'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into {@link FieldError}s whose messages name the field. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Renders field errors one per line: `members[2].officialKey: expected 5 or 8 digits, got "1002"`. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

/**
 * Validates `input` against a schema without throwing.
 *
 * @example
 * const result = validate(Region, json);
 * if (!result.success) console.error(formatFieldErrors(result.errors));
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, errors: toFieldErrors(parsed.error) };
}

/** A {@link FieldError} for a key the schema does not know, with the path as segments. */
export interface UnknownKeyError extends FieldError {
  readonly segments: readonly (string | number)[];
}

/**
 * Finds keys of `input` that `schema` does not know, at any depth (objects, arrays, optional and
 * default wrappers, unions of objects), and names the closest known key when one is near enough.
 * zod strips unknown keys silently; a record file with a misspelt key would otherwise lose it
 * without a word. Objects with a catch-all (records, loose objects) accept any key.
 *
 * @example
 * findUnknownKeys(Project, { fieldsOfAction: ['a'] })
 * // [{ path: 'fieldsOfAction', message: 'unknown field; did you mean fieldOfActionIds?' }]
 */
export function findUnknownKeys(schema: z.ZodType, input: unknown): UnknownKeyError[] {
  const errors: UnknownKeyError[] = [];
  walkUnknownKeys(schema, input, [], errors);
  return errors;
}

/**
 * The known key closest to `key` (case-insensitive edit distance, at most a third of the longer
 * name, at least 2), or `undefined` when none is near enough. A key that contains a known key or is
 * contained in one (`fieldsOfAction` for `fieldOfActionIds`) counts as near.
 *
 * @example suggestKey('fieldsOfAction', ['title', 'fieldOfActionIds']) // 'fieldOfActionIds'
 */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = normaliseKey(key);
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const other = normaliseKey(candidate);
    const distance = editDistance(wanted, other);
    const limit = Math.max(2, Math.floor(Math.max(wanted.length, other.length) / 3));
    const contained =
      wanted.length >= 4 && other.length >= 4 && (other.includes(wanted) || wanted.includes(other));
    if (distance > limit && !contained) continue;
    if (best === undefined || distance < best.distance) best = { key: candidate, distance };
  }
  return best?.key;
}

interface ZodDefLike {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

/** The object schemas a value may match, looking through wrappers; empty when not an object. */
function objectShapes(schema: z.ZodType, depth = 0): ZodDefLike[] | 'any' {
  if (depth > 20) return 'any';
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.catchall !== undefined && defOf(def.catchall).type !== 'never' ? 'any' : [def];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return def.innerType === undefined ? 'any' : objectShapes(def.innerType, depth + 1);
    case 'pipe':
      return def.in === undefined ? 'any' : objectShapes(def.in, depth + 1);
    case 'lazy':
      return def.getter === undefined ? 'any' : objectShapes(def.getter(), depth + 1);
    case 'union': {
      const shapes: ZodDefLike[] = [];
      for (const option of def.options ?? []) {
        const found = objectShapes(option, depth + 1);
        if (found === 'any') return 'any';
        shapes.push(...found);
      }
      return shapes;
    }
    default:
      return [];
  }
}

function arrayElement(schema: z.ZodType, depth = 0): z.ZodType | undefined {
  if (depth > 20) return undefined;
  const def = defOf(schema);
  if (def.type === 'array') return def.element;
  if (def.innerType !== undefined) return arrayElement(def.innerType, depth + 1);
  if (def.type === 'pipe' && def.in !== undefined) return arrayElement(def.in, depth + 1);
  if (def.type === 'lazy' && def.getter !== undefined) return arrayElement(def.getter(), depth + 1);
  return undefined;
}

function walkUnknownKeys(
  schema: z.ZodType,
  input: unknown,
  path: (string | number)[],
  errors: UnknownKeyError[],
): void {
  if (Array.isArray(input)) {
    const element = arrayElement(schema);
    if (element === undefined) return;
    for (const [index, item] of input.entries()) walkUnknownKeys(element, item, [...path, index], errors);
    return;
  }
  if (input === null || typeof input !== 'object') return;
  const shapes = objectShapes(schema);
  if (shapes === 'any' || shapes.length === 0) return;
  const value = input as Record<string, unknown>;
  // In a union, the option whose keys fit best decides which keys are unknown.
  const shape = [...shapes]
    .map((s) => s.shape ?? {})
    .sort((a, b) => countUnknown(value, a) - countUnknown(value, b))[0] as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  for (const key of Object.keys(value)) {
    const field = shape[key];
    if (field === undefined) {
      const suggestion = suggestKey(key, known);
      errors.push({
        path: formatPath([...path, key]),
        segments: [...path, key],
        message: suggestion === undefined ? 'unknown field' : `unknown field; did you mean ${suggestion}?`,
      });
    } else {
      walkUnknownKeys(field, value[key], [...path, key], errors);
    }
  }
}

function countUnknown(value: Record<string, unknown>, shape: Record<string, unknown>): number {
  return Object.keys(value).filter((key) => !(key in shape)).length;
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
