import type { Theme } from '@regiokit/content';
import type { Language } from '@regiokit/core';
import type { PageLanguage } from '../i18n/language';
import { PAGE_MESSAGES, type PageMessages } from '../i18n/messages';

/** What every page template needs: the language, its texts, the path and the region's theme. */
export interface PageContext {
  readonly language: Language;
  /** Whether `?lang=` chose the language (links then keep it). */
  readonly explicitLanguage: boolean;
  readonly m: PageMessages;
  /** Path of the page, without query. */
  readonly path: string;
  readonly theme?: Theme;
}

/** Builds a {@link PageContext}. */
export function createPageContext(lang: PageLanguage, path: string, theme?: Theme): PageContext {
  return {
    language: lang.language,
    explicitLanguage: lang.explicit,
    m: PAGE_MESSAGES[lang.language],
    path,
    ...(theme === undefined ? {} : { theme }),
  };
}

/** `path` with `?lang=` when the visitor chose the language explicitly. */
export function withLanguage(ctx: PageContext, path: string): string {
  return ctx.explicitLanguage ? `${path}?lang=${ctx.language}` : path;
}
