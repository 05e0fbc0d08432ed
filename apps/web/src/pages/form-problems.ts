import type { PageMessages } from '../i18n/messages';
import type { PageContext } from './page-context';

/** For each field a form knows: where its message is shown (the field id) and the message. */
export type KnownFields = Readonly<
  Record<string, (m: PageMessages) => readonly [field: string, message: string]>
>;

/**
 * Adds the message for a problem with `field` to `errors` (field id → message). A field the form
 * does not know is reported against the form as a whole, with its name cut short.
 */
export function addFormProblem(
  ctx: PageContext,
  errors: Map<string, string>,
  known: KnownFields,
  field: string,
  unknown: boolean,
): void {
  const entry = unknown ? undefined : known[field];
  const [key, message] = entry?.(ctx.m) ?? [
    `form:${field}`,
    unknown ? ctx.m.problems.unknownField(field.slice(0, 40)) : ctx.m.problems.form,
  ];
  if (!errors.has(key)) errors.set(key, message);
}
