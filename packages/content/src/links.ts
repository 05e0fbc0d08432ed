import { createFieldError } from './content-error';
import { isSafeUrl } from './escape';

/**
 * Checks a link from a record or theme before it goes into a mail: only `https:`, `http:` and
 * `mailto:` without white space. Throws a {@link ContentError} `UNSAFE_URL` naming `path`
 * (e.g. `sections[1].items[0].url`) otherwise.
 */
export function assertSafeLink(url: string, path: string): void {
  if (!isSafeUrl(url)) {
    throw createFieldError(
      'UNSAFE_URL',
      path,
      `expected an https, http or mailto link, got ${JSON.stringify(url.slice(0, 80))}`,
    );
  }
}

/** `url` itself once {@link assertSafeLink} has passed it, for use inside markup. */
export function checkedLink(url: string, path: string): string {
  assertSafeLink(url, path);
  return url;
}
