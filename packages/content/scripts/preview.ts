/**
 * Writes the HTML and plain text of every example newsletter, press release and service mail,
 * in German and English, into a folder with an index.html to open in a browser.
 *
 *   pnpm --filter @regiokit/content preview [folder]   (default: packages/content/preview)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CompiledTemplate,
  compileNewsletter,
  compilePressRelease,
  compileServiceMail,
  createTheme,
  escapeHtml,
  type MergeValues,
  personalise,
  renderPressReleasePage,
  renderPressReleaseText,
} from '../src/index';
import { EXAMPLE_BUNDLES } from '../test/example-bundles';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '..', 'preview'));
const LANGUAGES = ['de', 'en'] as const;

const SAMPLE: MergeValues = {
  email: 'erika.mustermann@example.org',
  firstName: 'Erika',
  lastName: 'Mustermann',
  salutation: 'frau',
  unsubscribeUrl: 'https://example.org/abmelden',
  preferencesUrl: 'https://example.org/einstellungen',
  webVersionUrl: 'https://example.org/web-version',
  confirmUrl: 'https://example.org/bestaetigen',
  resubscribeUrl: 'https://example.org/anmelden',
};

interface Entry {
  readonly region: string;
  readonly title: string;
  readonly files: readonly { readonly label: string; readonly path: string }[];
  readonly note?: string;
}

const entries: Entry[] = [];

function write(path: string, content: string): string {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return path;
}

function describe(compiled: CompiledTemplate): string {
  const size = `${(compiled.htmlBytes / 1024).toFixed(1)} KiB`;
  return compiled.warnings.length === 0
    ? size
    : `${size}, ${compiled.warnings.map((w) => w.message).join('; ')}`;
}

rmSync(out, { recursive: true, force: true });
for (const bundle of EXAMPLE_BUNDLES) {
  const theme = createTheme(bundle.region);
  const region = bundle.region.id;
  const mail = async (name: string, compiled: CompiledTemplate) => {
    const personalised = personalise(compiled, SAMPLE);
    entries.push({
      region: theme.brand,
      title: `${personalised.subject}`,
      note: `${compiled.kind}, ${compiled.language}, ${describe(compiled)}`,
      files: [
        { label: 'HTML', path: write(`${region}/${name}.${compiled.language}.html`, personalised.html) },
        { label: 'Text', path: write(`${region}/${name}.${compiled.language}.txt`, personalised.text) },
      ],
    });
  };
  for (const language of LANGUAGES) {
    for (const issue of bundle.newsletterIssues) {
      await mail(`newsletter-${issue.id}`, await compileNewsletter(issue, theme, { language }));
    }
    for (const release of bundle.pressReleases) {
      await mail(`press-${release.id}`, await compilePressRelease(release, theme, { language }));
      const page = renderPressReleasePage(release, theme, { now: new Date(), preview: true, language });
      entries.push({
        region: theme.brand,
        title: `${release.headline}`,
        note: `archive page and editorial text, ${language}`,
        files: [
          { label: 'Page', path: write(`${region}/page-${release.id}.${language}.html`, page.html) },
          {
            label: 'Text',
            path: write(
              `${region}/editorial-${release.id}.${language}.txt`,
              renderPressReleaseText(release, theme, { language }),
            ),
          },
        ],
      });
    }
    await mail('double-opt-in', await compileServiceMail({ kind: 'double-opt-in' }, theme, { language }));
    await mail(
      'unsubscribe-confirmation',
      await compileServiceMail({ kind: 'unsubscribe-confirmation' }, theme, { language }),
    );
  }
  const first = bundle.newsletterIssues[0];
  if (first !== undefined)
    await mail(`test-send-newsletter-${first.id}`, await compileNewsletter(first, theme, { testSend: true }));
}

const byRegion = new Map<string, Entry[]>();
for (const e of entries) byRegion.set(e.region, [...(byRegion.get(e.region) ?? []), e]);
const index = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>regiokit: Vorschau</title>
<style>body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2933}li{margin:.4rem 0}small{color:#52606d}</style>
</head>
<body>
<h1>Vorschau der Mails und Seiten</h1>
<p>Personalised with sample values (Erika Mustermann). Generated ${escapeHtml(new Date().toISOString())}.</p>
${[...byRegion.entries()]
  .map(
    ([region, list]) =>
      `<h2>${escapeHtml(region)}</h2>\n<ul>\n${list
        .map(
          (e) =>
            `<li>${escapeHtml(e.title)} ${e.files.map((f) => `<a href="${escapeHtml(f.path)}">${f.label}</a>`).join(' · ')}<br><small>${escapeHtml(e.note ?? '')}</small></li>`,
        )
        .join('\n')}\n</ul>`,
  )
  .join('\n')}
</body>
</html>
`;
write('index.html', index);
console.log(`wrote ${entries.length} previews; open ${relative(process.cwd(), join(out, 'index.html'))}`);
