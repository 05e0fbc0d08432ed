import { type HTMLElement, parse } from 'node-html-parser';

/** Problems found in a personalised mail; empty when the mail is sound. */
export function findMailProblems(
  html: string,
  expected: { language: 'de' | 'en'; unsubscribeUrl: string; preferencesUrl: string; publisher: string },
): string[] {
  const problems: string[] = [];
  const root = parse(html, { comment: false });
  const htmlElement = root.querySelector('html');
  if (htmlElement?.getAttribute('lang') !== expected.language) {
    problems.push(`lang is ${htmlElement?.getAttribute('lang')}, expected ${expected.language}`);
  }
  const unsubscribe = root.querySelector('a.rk-unsubscribe');
  if (unsubscribe === null || unsubscribe.getAttribute('href') !== expected.unsubscribeUrl) {
    problems.push(`no visible unsubscribe link to ${expected.unsubscribeUrl}`);
  } else if (unsubscribe.text.trim() === '') {
    problems.push('unsubscribe link has no text');
  }
  if (root.querySelector('a.rk-preferences')?.getAttribute('href') !== expected.preferencesUrl) {
    problems.push('no preferences link');
  }
  const imprint = root.querySelector('.rk-imprint');
  if (imprint === null || !imprint.text.includes(expected.publisher))
    problems.push('no Impressum with the publisher');
  if (root.querySelector('.rk-reason') === null) problems.push('no reason line');
  if (root.querySelector('.rk-sender') === null) problems.push('no sender line');
  problems.push(...findInjection(root));
  for (const img of root.querySelectorAll('img')) {
    if (!('alt' in img.attributes)) problems.push(`img without alt: ${img.getAttribute('src')}`);
  }
  for (const link of root.querySelectorAll('link')) problems.push(`external <link>: ${link.toString()}`);
  for (const style of root.querySelectorAll('style')) {
    if (/@import|@font-face|url\(/i.test(style.text)) problems.push('style loads something');
  }
  if (/fonts\.googleapis|fonts\.gstatic/i.test(html)) problems.push('Google Fonts reference');
  if (html.includes('{{') || /[\uE000\uE001]/.test(html)) problems.push('unreplaced merge field');
  return problems;
}

/** Scripts, event handler attributes and links that are not https/http/mailto (or `#id` on the same page). */
export function findInjection(root: HTMLElement): string[] {
  const problems: string[] = [];
  if (root.querySelectorAll('script').length > 0) problems.push('a <script> element');
  for (const element of root.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${element.tagName}>`);
      const sameDocument = name === 'href' && /^#[A-Za-z][\w-]*$/.test(value);
      if ((name === 'href' || name === 'src') && !sameDocument && !/^(https?:\/\/|mailto:)/i.test(value)) {
        problems.push(`${name}="${value}" on <${element.tagName}>`);
      }
    }
  }
  return problems;
}
