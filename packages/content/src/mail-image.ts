import type { Image } from '@regiokit/core';
import { createFieldError } from './content-error';
import { assertSafeLink } from './links';
import { type Markup, markup } from './markup';
import type { Theme } from './theme';

/** Width of the content column in pixels (600 minus 24 px padding on each side). */
export const CONTENT_WIDTH = 552;

/**
 * Throws `INVALID_INPUT` naming `path.alt` when an image has no alt text. Decorative images must
 * say so with `alt: ""`.
 */
export function assertAlt(image: Pick<Image, 'alt'>, path: string): void {
  if (typeof (image as { alt?: unknown }).alt !== 'string') {
    throw createFieldError(
      'INVALID_INPUT',
      `${path}.alt`,
      'expected alt text (use "" for a decorative image)',
    );
  }
}

/** An image as `mj-image` (full column width unless smaller), with caption and credit below. */
export function renderMailImage(
  image: Image,
  path: string,
  theme: Theme,
  options: { fullBleed?: boolean; caption?: string; paddingTop?: number } = {},
): Markup {
  assertAlt(image, path);
  assertSafeLink(image.src, `${path}.src`);
  const max = options.fullBleed === true ? 600 : CONTENT_WIDTH;
  const width = Math.min(image.width ?? max, max);
  const top = `${options.paddingTop ?? 0}px`;
  const padding = options.fullBleed === true ? `${top} 0 0` : `${top} 24px 0`;
  const caption = options.caption ?? image.caption;
  const lines = [caption, image.credit].filter((l): l is string => l !== undefined && l !== '');
  const below =
    lines.length === 0
      ? ''
      : markup`<mj-text css-class="rk-image-caption" font-size="12px" line-height="1.4" color="${theme.colours.muted}" padding="6px 24px 0">${lines.map((l, i) => markup`${i > 0 ? markup`<br>` : ''}${l}`)}</mj-text>`;
  return markup`<mj-image src="${image.src}" alt="${image.alt}" width="${width}px" padding="${padding}" />${below}`;
}
