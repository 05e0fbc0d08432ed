import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Messages } from '../i18n/messages';
import { hidePassword } from './check-redis';
import type { CheckResult } from './check-result';

/**
 * SMTP: connects (greeting and EHLO), checks that the session is encrypted (STARTTLS on
 * `smtp://`, TLS from the start on `smtps://`) and logs in with the URL's credentials.
 * Without SMTP_URL, capture mode is reported and the rest skipped.
 */
export async function checkSmtp(
  url: string | undefined,
  outboxDir: string,
  m: Messages,
): Promise<CheckResult[]> {
  if (url === undefined) {
    return [{ id: 'smtp.mode', label: m.checkCapture, status: 'ok', detail: m.captureMode(outboxDir) }];
  }
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const connection = new SMTPConnection({
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  const results: CheckResult[] = [];
  const shown = hidePassword(url);
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect(() => resolve());
    });
  } catch (error) {
    const tlsProblem = /certificate|TLS|SSL|STARTTLS/i.test((error as Error).message);
    connection.close();
    if (tlsProblem) {
      return [
        { id: 'smtp.connect', label: m.checkSmtpConnect, status: 'ok', detail: shown },
        {
          id: 'smtp.tls',
          label: m.checkSmtpTls,
          status: 'fail',
          detail: (error as Error).message,
          fix: m.fixSmtpTls,
        },
        { id: 'smtp.auth', label: m.checkSmtpAuth, status: 'skip', detail: '–' },
      ];
    }
    return [
      {
        id: 'smtp.connect',
        label: m.checkSmtpConnect,
        status: 'fail',
        detail: `${shown}: ${(error as Error).message}`,
        fix: m.fixSmtpConnect,
      },
    ];
  }
  results.push({ id: 'smtp.connect', label: m.checkSmtpConnect, status: 'ok', detail: shown });
  results.push(
    connection.secure
      ? { id: 'smtp.tls', label: m.checkSmtpTls, status: 'ok', detail: secure ? 'TLS (smtps)' : 'STARTTLS' }
      : { id: 'smtp.tls', label: m.checkSmtpTls, status: 'fail', detail: 'plain text', fix: m.fixSmtpTls },
  );
  if (parsed.username === '') {
    results.push({ id: 'smtp.auth', label: m.checkSmtpAuth, status: 'skip', detail: '–' });
  } else {
    try {
      await new Promise<void>((resolve, reject) => {
        connection.login(
          { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      results.push({
        id: 'smtp.auth',
        label: m.checkSmtpAuth,
        status: 'ok',
        detail: decodeURIComponent(parsed.username),
      });
    } catch (error) {
      results.push({
        id: 'smtp.auth',
        label: m.checkSmtpAuth,
        status: 'fail',
        detail: (error as Error).message,
        fix: m.fixSmtpAuth,
      });
    }
  }
  connection.quit();
  return results;
}
