import { cleanText } from './clean-text';
import { AUTHOR_MERGE_FIELDS, formatMergeSentinel, type MergeField, parseAuthoredText } from './merge-field';

/** Width assumed for a merge value when wrapping lines. */
const SLOT_WIDTH = 12;
const SENTINEL = /\uE000[A-Za-z]+:[a-z]+\uE001/g;

function visibleWidth(word: string): number {
  let width = 0;
  const plain = word.replace(SENTINEL, () => {
    width += SLOT_WIDTH;
    return '';
  });
  return width + [...plain].length;
}

/** Wraps one line at spaces to `width` columns; words longer than the width (URLs) stay whole. */
export function wrapLine(line: string, width: number): string {
  if (width <= 0 || visibleWidth(line) <= width) return line;
  const out: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of line.split(' ')) {
    const w = visibleWidth(word);
    if (current !== '' && currentWidth + 1 + w > width) {
      out.push(current);
      current = word;
      currentWidth = w;
    } else {
      current = current === '' ? word : `${current} ${word}`;
      currentWidth += (currentWidth === 0 ? 0 : 1) + w;
    }
  }
  out.push(current);
  return out.join('\n');
}

/**
 * Builds the plain-text part from the model (not from the HTML): headings underlined, links
 * written as `label: URL`, paragraphs wrapped to `width` columns (0 keeps each paragraph on one
 * line, as editorial systems want it).
 */
export class PlainTextWriter {
  readonly #blocks: string[] = [];
  readonly #width: number;

  constructor(width: number) {
    this.#width = width;
  }

  /** A heading: level 1 underlined with `=`, level 2 with `-`, level 3 plain. */
  heading(text: string, level: 1 | 2 | 3): this {
    return this.headingWithSlots(cleanText(text), level);
  }

  /** A heading that contains merge slots in the `text` context (see {@link toTextWithSlots}). */
  headingWithSlots(text: string, level: 1 | 2 | 3): this {
    const line = text.replace(/\s*\n\s*/g, ' ');
    if (level === 3) return this.#push(line);
    const underline = (level === 1 ? '=' : '-').repeat(
      Math.min(Math.max(visibleWidth(line), 3), this.#width || 76),
    );
    return this.#push(`${line}\n${underline}`);
  }

  /** A paragraph of renderer text (already in the right language). */
  paragraph(text: string): this {
    return this.#push(this.#wrap(cleanText(text)));
  }

  /** A paragraph that contains merge slots in the `text` context. */
  paragraphWithSlots(text: string): this {
    return this.#push(this.#wrap(text));
  }

  /**
   * Authored text: paragraphs kept, `{{name}}` turned into merge slots when `merge` allows it
   * (else a token is an error naming `path`).
   */
  authored(text: string, path: string, merge: boolean): this {
    for (const paragraph of cleanText(text).split(/\n[ \t]*\n+/)) {
      const trimmed = paragraph.trim();
      if (trimmed === '') continue;
      this.#push(this.#wrap(toTextWithSlots(trimmed, path, merge ? AUTHOR_MERGE_FIELDS : [])));
    }
    return this;
  }

  /** Lines kept as they are (an address, a contact block). */
  lines(lines: readonly (string | undefined)[]): this {
    const kept = lines.filter((l): l is string => l !== undefined && l !== '').map((l) => cleanText(l));
    return kept.length === 0 ? this : this.#push(kept.join('\n'));
  }

  /** A link as `label: URL`, the URL never wrapped. */
  link(label: string, url: string): this {
    return this.#push(`${cleanText(label)}: ${url}`);
  }

  /** A horizontal rule. */
  rule(): this {
    return this.#push('-'.repeat(this.#width || 40));
  }

  /** Raw text with slots, as it is. */
  raw(text: string): this {
    return this.#push(text);
  }

  /** The text: blocks separated by a blank line, ending with a newline. */
  toString(): string {
    return `${this.#blocks.join('\n\n')}\n`;
  }

  #wrap(text: string): string {
    return text
      .split('\n')
      .map((line) => wrapLine(line, this.#width))
      .join('\n');
  }

  #push(block: string): this {
    this.#blocks.push(block);
    return this;
  }
}

/** Authored text with `{{name}}` tokens replaced by `text` slots. */
export function toTextWithSlots(text: string, path: string, allowed: readonly MergeField[]): string {
  let out = '';
  for (const s of parseAuthoredText(cleanText(text), path, allowed)) {
    out += typeof s === 'string' ? s : formatMergeSentinel(s.field, 'text');
  }
  return out;
}
