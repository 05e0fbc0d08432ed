import { describe, expect, it } from 'vitest';
import { assembleCompiledTemplate, type CompiledTemplate } from './compiled-template';
import { ContentError } from './content-error';
import { formatMergeSentinel as slot } from './merge-field';
import { fillParts, personalise, resolveMergeValues } from './personalise';

function compile(
  html: string,
  text = '',
  subject = 'Betreff',
  language: 'de' | 'en' = 'de',
): CompiledTemplate {
  return assembleCompiledTemplate({
    kind: 'newsletter',
    language,
    testSend: false,
    minified: false,
    subject,
    preheader: '',
    html,
    text,
  });
}

const URLS = {
  email: 'erika@example.org',
  unsubscribeUrl: 'https://x.de/u?a=1&b=2',
  preferencesUrl: 'https://x.de/p',
};

describe('personalise', () => {
  it('fills each context with its own escaping', () => {
    const compiled = compile(
      `<p>${slot('firstName', 'html')}</p><img alt="${slot('lastName', 'attribute')}"><a href="${slot('unsubscribeUrl', 'url')}">x</a>`,
      `Hallo ${slot('firstName', 'text')}\nAbmelden: ${slot('unsubscribeUrl', 'text')}`,
      `Für ${slot('firstName', 'header')}`,
    );
    const mail = personalise(compiled, {
      ...URLS,
      firstName: '<b>Erika</b> & Co',
      lastName: '"><img onerror=x>',
    });
    expect(mail.html).toBe(
      '<p>&lt;b&gt;Erika&lt;/b&gt; &amp; Co</p><img alt="&quot;&gt;&lt;img onerror=x&gt;"><a href="https://x.de/u?a=1&amp;b=2">x</a>',
    );
    expect(mail.text).toBe('Hallo <b>Erika</b> & Co\nAbmelden: https://x.de/u?a=1&b=2');
    expect(mail.subject).toBe('Für <b>Erika</b> & Co');
  });

  it('shares one slot per field and context however often it appears', () => {
    const compiled = compile(
      `${slot('firstName', 'html')} ${slot('firstName', 'html')}`,
      `${slot('firstName', 'text')} ${slot('firstName', 'text')}`,
    );
    expect(compiled.slots).toEqual([
      { slot: 0, field: 'firstName', context: 'html' },
      { slot: 1, field: 'firstName', context: 'text' },
    ]);
    expect(compiled.html.parts).toEqual([compiled.slots[0], ' ', compiled.slots[0]]);
  });

  it('exposes static chunks and slots so a sender can fill them itself', () => {
    const compiled = compile(`<p>Hallo ${slot('firstName', 'html')}!</p>`);
    expect(compiled.html.parts).toEqual([
      '<p>Hallo ',
      { slot: 0, field: 'firstName', context: 'html' },
      '!</p>',
    ]);
    const resolved = resolveMergeValues(compiled, { firstName: 'A&B' });
    expect(resolved).toEqual(['A&amp;B']);
    expect(fillParts(compiled.html, resolved)).toBe('<p>Hallo A&amp;B!</p>');
  });

  it('derives the salutation line in the template language', () => {
    const de = compile(slot('salutationLine', 'html'));
    const en = compile(slot('salutationLine', 'html'), '', 'Subject', 'en');
    const cases = [
      [
        { salutation: 'frau', firstName: 'Erika', lastName: 'Mustermann' },
        'Sehr geehrte Frau Mustermann,',
        'Dear Ms Mustermann,',
      ],
      [{ salutation: 'herr', lastName: 'Muster' }, 'Sehr geehrter Herr Muster,', 'Dear Mr Muster,'],
      [
        { salutation: 'divers', firstName: 'Kim', lastName: 'Muster' },
        'Guten Tag Kim Muster,',
        'Dear Kim Muster,',
      ],
      [{ salutation: 'frau' }, 'Guten Tag,', 'Hello,'],
      [{}, 'Guten Tag,', 'Hello,'],
    ] as const;
    for (const [values, german, english] of cases) {
      expect(personalise(de, values).html).toBe(german);
      expect(personalise(en, values).html).toBe(english);
    }
    expect(personalise(de, { salutationLine: 'Moin <Erika>,' }).html).toBe('Moin &lt;Erika&gt;,');
  });

  it('treats a missing optional name as empty', () => {
    expect(personalise(compile(`[${slot('firstName', 'html')}]`), {}).html).toBe('[]');
  });

  it('names the missing required field', () => {
    const compiled = compile(`${slot('email', 'html')}<a href="${slot('unsubscribeUrl', 'url')}">x</a>`);
    expect(compiled.requiredFields).toEqual(['email', 'unsubscribeUrl']);
    expect(() => personalise(compiled, { email: 'a@b.de' })).toThrow(
      'unsubscribeUrl: expected a value for merge field unsubscribeUrl, got none',
    );
    try {
      personalise(compiled, { email: 'a@b.de', unsubscribeUrl: '' });
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as ContentError).code).toBe('MISSING_MERGE_VALUE');
      expect((e as ContentError).issues).toEqual([{ path: 'unsubscribeUrl', message: expect.any(String) }]);
    }
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'https://x.de/"onmouseover="x',
    'https://x.de/a b',
  ])('rejects the link %j', (url) => {
    const compiled = compile(`<a href="${slot('unsubscribeUrl', 'url')}">x</a>`);
    expect(() => personalise(compiled, { unsubscribeUrl: url })).toThrow(
      /^unsubscribeUrl: expected an https/,
    );
  });

  it('rejects CR/LF in a value bound for the subject', () => {
    const compiled = compile('', '', `Hallo ${slot('firstName', 'header')}`);
    expect(() => personalise(compiled, { firstName: 'Erika\r\nBcc: all@x.de' })).toThrow(/^firstName: /);
  });

  it('works on a template that went through JSON', () => {
    const compiled = compile(`<p>${slot('firstName', 'html')}</p>`);
    const copy = JSON.parse(JSON.stringify(compiled)) as CompiledTemplate;
    expect(personalise(copy, { firstName: 'Ä<' }).html).toBe('<p>Ä&lt;</p>');
  });

  it('refuses a merge marker in a context that does not fit', () => {
    expect(() => compile('', '', `${slot('firstName', 'html')}`)).toThrow(
      /subject: merge slot firstName:html/,
    );
  });
});
