import mjml2html from 'mjml';
import { ContentError } from './content-error';

/** Options of {@link renderMjml}. */
export interface RenderMjmlOptions {
  /** Minify the HTML; Outlook conditional comments (`<!--[if mso]>`) are kept. */
  readonly minify?: boolean;
}

/**
 * Drops the indentation MJML writes at the start of each line and empty lines. A line break
 * stays, so whitespace between inline elements keeps its meaning; only the size shrinks (about a
 * quarter of a newsletter), which keeps large issues below Gmail's clipping limit.
 */
export function compactWhitespace(html: string): string {
  return html.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n');
}

interface MjmlValidationIssue {
  readonly line?: number;
  readonly tagName?: string;
  readonly message?: string;
}

/**
 * Renders MJML to HTML with strict validation and no web fonts (`fonts: {}`): nothing is loaded
 * from elsewhere. A validation error becomes a {@link ContentError} `TEMPLATE_INVALID` whose
 * message names each component and line, e.g. `mj-button (line 42): Attribute color has invalid value`.
 */
export async function renderMjml(source: string, options: RenderMjmlOptions = {}): Promise<string> {
  try {
    const result = await mjml2html(source, {
      validationLevel: 'strict',
      fonts: {},
      keepComments: false,
      ignoreIncludes: true,
      minify: options.minify === true,
      ...(options.minify === true ? { minifyOptions: { removeComments: 'safe' } as never } : {}),
    });
    return options.minify === true ? result.html : compactWhitespace(result.html);
  } catch (error) {
    const issues = (error as { errors?: readonly MjmlValidationIssue[] }).errors;
    if (Array.isArray(issues) && issues.length > 0) {
      const fieldErrors = issues.map((i: MjmlValidationIssue) => ({
        path: `${i.tagName ?? 'mjml'} (line ${i.line ?? '?'})`,
        message: i.message ?? 'invalid',
      }));
      throw new ContentError(
        'TEMPLATE_INVALID',
        `MJML validation failed:\n${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('\n')}`,
        { issues: fieldErrors, cause: error },
      );
    }
    throw new ContentError('TEMPLATE_INVALID', `MJML could not be rendered: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
