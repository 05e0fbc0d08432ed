import type { Context } from 'hono';
import { z } from 'zod';

/** Fields of a posted form: a string, or strings when a name repeats (checkboxes). */
export type FormFields = Record<string, string | string[]>;

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Reads a posted form. `undefined` when the body is not a form, cannot be parsed, or carries a
 * file (no public form uploads anything).
 */
export async function readFormBody(c: Context): Promise<FormFields | undefined> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = await c.req.parseBody({ all: true });
  } catch {
    return undefined;
  }
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(parsed)) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v): v is string => typeof v === 'string')) return undefined;
    fields[name] = Array.isArray(value) ? values : values[0]!;
  }
  return fields;
}

/**
 * What one line of text from outside may not contain: control characters (CR, LF, tab, NUL …),
 * line and paragraph separators, and the characters that start markup or merge fields.
 */
export const UNSAFE_TEXT = /[\p{Cc}\p{Zl}\p{Zp}<>{}]/u;

/**
 * One line of text from a form: at most `max` characters, no control characters (CR/LF), no
 * `< > { }`; trimmed, and an empty value is absent.
 */
export function formLine(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !UNSAFE_TEXT.test(s), { message: 'unsafe characters' })
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? undefined : s));
}

/** A field that may repeat (checkboxes): always an array of at most `max` strings. */
export function formList(item: z.ZodType<string, string>, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(max));
}

/** One problem of a posted form: the field and, for unknown fields, nothing more to say. */
export interface FormProblem {
  readonly field: string;
  readonly unknown: boolean;
}

/** Validates a form against a strict schema; problems name each field (unknown fields too). */
export function validateForm<S extends z.ZodType>(
  schema: S,
  fields: FormFields,
): { ok: true; data: z.output<S> } | { ok: false; problems: FormProblem[] } {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const problems: FormProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ field: key, unknown: true });
    } else {
      const field = String(issue.path[0] ?? 'form');
      if (!problems.some((p) => p.field === field)) problems.push({ field, unknown: false });
    }
  }
  return { ok: false, problems };
}
