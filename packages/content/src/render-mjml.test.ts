import { describe, expect, it } from 'vitest';
import { ContentError } from './content-error';
import { compactWhitespace, renderMjml } from './render-mjml';

describe('renderMjml', () => {
  it('renders with strict validation and no web fonts', async () => {
    const html = await renderMjml(
      '<mjml lang="de"><mj-body><mj-section><mj-column><mj-text font-family="Roboto, Open Sans, Arial">Hallo</mj-text></mj-column></mj-section></mj-body></mjml>',
    );
    expect(html).toContain('Hallo');
    expect(html).not.toMatch(/fonts\.googleapis|<link/);
  });

  it('names component and line of a validation error', async () => {
    const source = [
      '<mjml>',
      '<mj-body>',
      '<mj-section>',
      '<mj-column>',
      '<mj-button color="not-a-colour" href="https://x.de">x</mj-button>',
      '</mj-column>',
      '</mj-section>',
      '</mj-body>',
      '</mjml>',
    ].join('\n');
    const error = await renderMjml(source).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).code).toBe('TEMPLATE_INVALID');
    expect((error as ContentError).message).toContain(
      'mj-button (line 5): Attribute color has invalid value: not-a-colour',
    );
    expect((error as ContentError).issues[0]?.path).toBe('mj-button (line 5)');
  });

  it('keeps line breaks when it drops indentation', () => {
    expect(compactWhitespace('<p>\n    a\n\n\n    b</p>\n  <!--[if mso]>\n  x<![endif]-->')).toBe(
      '<p>\na\nb</p>\n<!--[if mso]>\nx<![endif]-->',
    );
  });
});
