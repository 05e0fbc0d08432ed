import type { Language } from '@regiokit/core';
import { ContentError } from './content-error';
import {
  isMergeField,
  MERGE_SENTINEL_PATTERN,
  type MergeContext,
  type MergeField,
  URL_MERGE_FIELDS,
} from './merge-field';

/**
 * A place in a compiled text where a merge value goes. `slot` indexes
 * {@link CompiledTemplate.slots}: every part with the same field and context shares one slot,
 * so a value is escaped once per recipient however often it appears.
 */
export interface MergeSlot {
  readonly slot: number;
  readonly field: MergeField;
  readonly context: MergeContext;
}

/** One piece of a compiled text: a static chunk (final, already escaped) or a merge slot. */
export type TemplatePart = string | MergeSlot;

/**
 * A text split at its merge fields. Concatenating the parts, with each slot replaced by its
 * escaped value, gives the final text. Static chunks never change between recipients, so a
 * sender may encode them (quoted-printable, base64) once per campaign.
 */
export interface CompiledText {
  readonly parts: readonly TemplatePart[];
}

/** Which mail a template renders. */
export type TemplateKind = 'newsletter' | 'press-release' | 'double-opt-in' | 'unsubscribe-confirmation';

/** A non-fatal finding about a render. */
export interface ContentWarning {
  /** `HTML_TOO_LARGE`: the HTML is above {@link HTML_SIZE_LIMIT_BYTES}; Gmail clips at about 102 KB. */
  readonly code: 'HTML_TOO_LARGE';
  readonly message: string;
}

/** HTML size above which a render carries a warning: 100 KiB (Gmail clips at about 102 KB). */
export const HTML_SIZE_LIMIT_BYTES = 100 * 1024;

/**
 * A mail rendered once per campaign and language, ready to be personalised per recipient with
 * {@link personalise}. Plain JSON data: it can be stored or sent to another process as it is.
 *
 * The sending worker may skip `personalise` and work with the parts directly: encode each static
 * string once, and per recipient encode only `resolveMergeValues(compiled, values)[part.slot]`.
 */
export interface CompiledTemplate {
  /** Version of this structure. */
  readonly format: 1;
  readonly kind: TemplateKind;
  readonly language: Language;
  /** Whether this is the test-send variant (banner at the top, `[TEST]` in the subject). */
  readonly testSend: boolean;
  /** Subject line; slots use the `header` context. */
  readonly subject: CompiledText;
  /** Preview text shown after the subject; slots use the `text` context. */
  readonly preheader: CompiledText;
  /** The HTML document; slots use `html`, `attribute` or `url`. */
  readonly html: CompiledText;
  /** The plain-text part; slots use `text`. */
  readonly text: CompiledText;
  /** Every distinct (field, context) pair used, indexed by {@link MergeSlot.slot}. */
  readonly slots: readonly MergeSlot[];
  /** Fields that {@link personalise} needs a value for; it throws naming the first missing one. */
  readonly requiredFields: readonly MergeField[];
  /** UTF-8 size of the HTML without merge values, in bytes. */
  readonly htmlBytes: number;
  /** Whether the HTML was minified (Outlook conditional comments are kept). */
  readonly minified: boolean;
  /** Non-fatal findings, e.g. `HTML_TOO_LARGE`. */
  readonly warnings: readonly ContentWarning[];
}

const CONTEXTS: readonly MergeContext[] = ['html', 'attribute', 'url', 'text', 'header'];

/** Hands out one shared {@link MergeSlot} per (field, context). */
export class SlotRegistry {
  readonly #slots: MergeSlot[] = [];
  readonly #byKey = new Map<string, MergeSlot>();

  /** The slot for `field` in `context`, created on first use. */
  slotFor(field: MergeField, context: MergeContext): MergeSlot {
    const key = `${field}:${context}`;
    let slot = this.#byKey.get(key);
    if (slot === undefined) {
      slot = { slot: this.#slots.length, field, context };
      this.#slots.push(slot);
      this.#byKey.set(key, slot);
    }
    return slot;
  }

  /** All slots handed out so far. */
  get slots(): readonly MergeSlot[] {
    return this.#slots;
  }
}

/**
 * Splits rendered output at its merge markers into static chunks and slots. Throws
 * `TEMPLATE_INVALID` if a marker was mangled on the way (a lone delimiter left in a chunk) or
 * uses a context not in `contexts`.
 */
export function splitAtMergeFields(
  rendered: string,
  registry: SlotRegistry,
  name: string,
  contexts: readonly MergeContext[] = CONTEXTS,
): CompiledText {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of rendered.matchAll(MERGE_SENTINEL_PATTERN)) {
    const field = match[1] ?? '';
    const context = (match[2] ?? '') as MergeContext;
    if (!isMergeField(field) || !contexts.includes(context)) {
      throw new ContentError(
        'TEMPLATE_INVALID',
        `${name}: merge slot ${field}:${context} is not allowed here`,
      );
    }
    if (match.index > last) parts.push(rendered.slice(last, match.index));
    parts.push(registry.slotFor(field, context));
    last = match.index + match[0].length;
  }
  if (last < rendered.length) parts.push(rendered.slice(last));
  for (const part of parts) {
    if (typeof part === 'string' && /[\uE000\uE001]/.test(part)) {
      throw new ContentError('TEMPLATE_INVALID', `${name}: a merge marker was altered during rendering`);
    }
  }
  return { parts };
}

const encoder = new TextEncoder();

/** UTF-8 size in bytes of the static chunks of a compiled text. */
export function measureBytes(text: CompiledText): number {
  let bytes = 0;
  for (const part of text.parts) if (typeof part === 'string') bytes += encoder.encode(part).length;
  return bytes;
}

/** What {@link assembleCompiledTemplate} needs: the four rendered strings with their markers. */
export interface RenderedMail {
  readonly kind: TemplateKind;
  readonly language: Language;
  readonly testSend: boolean;
  readonly minified: boolean;
  readonly subject: string;
  readonly preheader: string;
  readonly html: string;
  readonly text: string;
}

/** Splits a rendered mail into a {@link CompiledTemplate}, with required fields, size and warnings. */
export function assembleCompiledTemplate(mail: RenderedMail): CompiledTemplate {
  const registry = new SlotRegistry();
  const subject = splitAtMergeFields(mail.subject, registry, 'subject', ['header']);
  const preheader = splitAtMergeFields(mail.preheader, registry, 'preheader', ['text']);
  const html = splitAtMergeFields(mail.html, registry, 'html', ['html', 'attribute', 'url']);
  const text = splitAtMergeFields(mail.text, registry, 'text', ['text']);
  const used = new Set(registry.slots.map((s) => s.field));
  const requiredFields = [...used].filter((f) => f === 'email' || URL_MERGE_FIELDS.includes(f));
  const htmlBytes = measureBytes(html);
  const warnings: ContentWarning[] = [];
  if (htmlBytes > HTML_SIZE_LIMIT_BYTES) {
    warnings.push({
      code: 'HTML_TOO_LARGE',
      message: `the HTML is ${(htmlBytes / 1024).toFixed(1)} KiB, above ${HTML_SIZE_LIMIT_BYTES / 1024} KiB; Gmail clips mails above about 102 KB`,
    });
  }
  return {
    format: 1,
    kind: mail.kind,
    language: mail.language,
    testSend: mail.testSend,
    subject,
    preheader,
    html,
    text,
    slots: registry.slots,
    requiredFields,
    htmlBytes,
    minified: mail.minified,
    warnings,
  };
}
