import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledTemplate } from '@regiokit/content';
import type { Language } from '@regiokit/core';
import type { ContentRef } from './find-content';

/** What {@link writePreview} wrote. */
export interface PreviewResult {
  readonly kind: ContentRef['kind'];
  readonly regionId: string;
  readonly id: string;
  readonly language: Language;
  readonly subject: string;
  readonly htmlFile: string;
  readonly textFile: string;
  /** The archive page of a press release. */
  readonly pageFile: string | undefined;
  /** UTF-8 size of the mail's HTML. */
  readonly htmlBytes: number;
  readonly warnings: readonly { code: string; message: string }[];
  readonly embargo: string | undefined;
}

/**
 * Renders a newsletter issue or press release as a mail (compiled once, personalised with sample
 * values for Erika Musterfrau) and writes `<dir>/<region>/<id>.<language>.html` and `.txt`; for a
 * press release also the archive page (shown even before the embargo ends, marked as such).
 */
export async function writePreview(
  content: ContentRef,
  options: { dir: string; language?: Language | undefined; publicUrl: string; now: Date },
): Promise<PreviewResult> {
  // loaded on use: MJML takes a while to load, and most commands do not render
  const { compileNewsletter, compilePressRelease, createTheme, personalise, renderPressReleasePage } =
    await import('@regiokit/content');
  const theme = createTheme(content.region);
  const language = options.language ?? content.record.language;
  const compiled: CompiledTemplate =
    content.kind === 'newsletter'
      ? await compileNewsletter(content.record, theme, { language })
      : await compilePressRelease(content.record, theme, { language });
  const base = `${options.publicUrl}/${content.region.id}`;
  const mail = personalise(compiled, {
    email: 'erika.musterfrau@example.org',
    firstName: 'Erika',
    lastName: 'Musterfrau',
    salutation: 'frau',
    unsubscribeUrl: `${base}/preview/unsubscribe`,
    preferencesUrl: `${base}/preview/preferences`,
    webVersionUrl: `${base}/preview/${content.record.id}`,
  });
  const dir = join(options.dir, content.region.id);
  await mkdir(dir, { recursive: true });
  const stem = join(dir, `${content.record.id}.${language}`);
  await writeFile(`${stem}.html`, mail.html);
  await writeFile(`${stem}.txt`, mail.text);
  let pageFile: string | undefined;
  if (content.kind === 'press-release') {
    const page = renderPressReleasePage(content.record, theme, { now: options.now, preview: true, language });
    pageFile = `${stem}.page.html`;
    await writeFile(pageFile, page.html);
  }
  return {
    kind: content.kind,
    regionId: content.region.id,
    id: content.record.id,
    language,
    subject: mail.subject,
    htmlFile: `${stem}.html`,
    textFile: `${stem}.txt`,
    pageFile,
    htmlBytes: Buffer.byteLength(mail.html),
    warnings: compiled.warnings.map((w) => ({ code: w.code, message: w.message })),
    embargo: content.kind === 'press-release' ? content.record.embargo : undefined,
  };
}
