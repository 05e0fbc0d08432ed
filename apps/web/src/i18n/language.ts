import type { Language } from '@regiokit/core';

/** The language of a page and whether the visitor chose it explicitly (`?lang=`). */
export interface PageLanguage {
  readonly language: Language;
  /** True when `?lang=` chose it; links and form targets then carry it on. */
  readonly explicit: boolean;
}

/**
 * Picks the page language: `?lang=de|en` first, else the best of the Accept-Language header,
 * else German.
 */
export function choosePageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): PageLanguage {
  if (query === 'de' || query === 'en') return { language: query, explicit: true };
  return { language: pickAccepted(acceptLanguage ?? ''), explicit: false };
}

function pickAccepted(header: string): Language {
  let best: { language: Language; q: number } | undefined;
  for (const part of header.slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'de' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? 'de';
}
