import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUNDLES, SAMPLE_RECIPIENT } from '../test/fixtures/regions';
import { findMailProblems } from '../test/mail-assertions';
import { personalise } from './personalise';
import { compileServiceMail } from './service-mail';
import { createTheme } from './theme';

const theme = createTheme(FIXTURE_BUNDLES[0]!.region);
const expected = { ...SAMPLE_RECIPIENT, publisher: 'KielRegion GmbH' };

describe('compileServiceMail', () => {
  it('asks for the double opt-in confirmation with button, topics and expiry', async () => {
    const compiled = await compileServiceMail(
      {
        kind: 'double-opt-in',
        topics: ['Fachkräfte', 'Regionalbudget'],
        confirmExpiresAt: '2026-03-29T01:30:00Z',
      },
      theme,
    );
    expect(compiled.kind).toBe('double-opt-in');
    expect(compiled.requiredFields).toContain('confirmUrl');
    const mail = personalise(compiled, SAMPLE_RECIPIENT);
    const root = parse(mail.html);
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Newsletter KielRegion');
    expect(root.querySelector(`a[href="${SAMPLE_RECIPIENT.confirmUrl}"]`)?.text.trim()).toBe(
      'Anmeldung bestätigen',
    );
    expect(root.text).toContain('Gewählte Themen: Fachkräfte, Regionalbudget');
    expect(root.text).toContain('Der Link ist gültig bis 29. März 2026, 03:30 Uhr.');
    expect(root.querySelector('.rk-reason')?.text).toContain(SAMPLE_RECIPIENT.email);
    expect(mail.text).toContain(`Anmeldung bestätigen: ${SAMPLE_RECIPIENT.confirmUrl}`);
    expect(findMailProblems(mail.html, { language: 'de', ...expected })).toEqual([]);
    expect(() => personalise(compiled, { ...SAMPLE_RECIPIENT, confirmUrl: undefined })).toThrow(
      /^confirmUrl: /,
    );
  });

  it('confirms an unsubscribe and offers to subscribe again, in English too', async () => {
    for (const language of ['de', 'en'] as const) {
      const compiled = await compileServiceMail({ kind: 'unsubscribe-confirmation' }, theme, {
        language,
        list: 'press',
      });
      const mail = personalise(compiled, SAMPLE_RECIPIENT);
      const root = parse(mail.html);
      expect(root.querySelector(`a[href="${SAMPLE_RECIPIENT.resubscribeUrl}"]`)).not.toBeNull();
      expect(mail.subject).toBe(
        language === 'de'
          ? 'Sie wurden abgemeldet: Presseverteiler KielRegion'
          : 'You have been unsubscribed: KielRegion press list',
      );
      expect(findMailProblems(mail.html, { language, ...expected })).toEqual([]);
    }
  });

  it('has a test-send variant', async () => {
    const compiled = await compileServiceMail({ kind: 'double-opt-in' }, theme, { testSend: true });
    const mail = personalise(compiled, SAMPLE_RECIPIENT);
    expect(mail.subject.startsWith('[TEST] ')).toBe(true);
    expect(parse(mail.html).querySelector('.rk-test-banner')).not.toBeNull();
  });

  it('rejects a list name with a line break, naming it', async () => {
    await expect(
      compileServiceMail({ kind: 'double-opt-in' }, theme, { listName: 'A\r\nBcc: x' }),
    ).rejects.toThrow(/listName/);
  });
});
