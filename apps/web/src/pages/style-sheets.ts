import { createHash } from 'node:crypto';
import type { Theme } from '@regiokit/content';

/**
 * The style sheet of every public page: system fonts, one column that fits 320 px, visible focus,
 * large touch targets. Colours come from the region's sheet ({@link renderThemeStyleSheet}).
 */
export const SITE_CSS = `
:root{--primary:#1d4f7a;--on-primary:#fff;--text:#1f2933;--muted:#52606d;--link:#1d4f7a;--background:#eef2f5;--surface:#fff;--error:#b00020;
font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;line-height:1.5;color:var(--text);background:var(--background)}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;overflow-wrap:anywhere}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
.skip-link{position:absolute;left:-10000px;top:0}
.skip-link:focus{left:1rem;top:1rem;background:var(--surface);color:var(--link);padding:.5rem;z-index:1}
.site-header{background:var(--primary);color:var(--on-primary);padding:1rem 0}
.brand{font-size:1.375rem;font-weight:700;margin:0}
.claim{margin:.25rem 0 0}
main{background:var(--surface);padding-top:1.5rem;padding-bottom:2rem;min-height:50vh}
h1{font-size:1.625rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--text);outline-offset:2px}
.field{margin:0 0 1.25rem}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
.hint{color:var(--muted);font-size:.9375rem;margin:.25rem 0}
input[type=email],input[type=text]{width:100%;max-width:100%;font:inherit;padding:.625rem .75rem;border:2px solid var(--muted);border-radius:4px;background:var(--surface);color:var(--text)}
input[aria-invalid=true]{border-color:var(--error)}
fieldset{border:0;padding:0;margin:0 0 1.25rem;min-width:0}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}
.choice label{font-weight:400;margin:0}
.consent{background:var(--background);padding:1rem;border-radius:4px}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.625rem 1.25rem;border:0;border-radius:4px;background:var(--primary);color:var(--on-primary);cursor:pointer}
button.secondary{background:var(--surface);color:var(--error);border:2px solid var(--error)}
.error{color:var(--error);font-weight:600;margin:.25rem 0}
.error-summary{border:3px solid var(--error);padding:1rem;margin:0 0 1.5rem}
.notice{border-left:6px solid var(--primary);background:var(--background);padding:.75rem 1rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.archive-list{list-style:none;padding:0}
.archive-list li{padding:.75rem 0;border-bottom:1px solid var(--background)}
.archive-list time{display:block;color:var(--muted);font-size:.9375rem}
.site-footer{padding:1.5rem 0;color:var(--text);font-size:.9375rem}
.footer-links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
`;

/** Path of {@link SITE_CSS}; the hash changes with the content so caches never serve an old sheet. */
export const SITE_CSS_PATH = `/assets/site-${createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 10)}.css`;

/** The region's colours as CSS custom properties (served as a file: the CSP allows no inline style). */
export function renderThemeStyleSheet(theme: Theme): string {
  const c = theme.colours;
  return `:root{--primary:${c.primary};--on-primary:${c.onPrimary};--text:${c.text};--muted:${c.muted};--link:${c.link};--background:${c.background};--surface:${c.surface}}\n`;
}
