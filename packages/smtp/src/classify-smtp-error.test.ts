import { describe, expect, it } from 'vitest';
import { classifySmtpError, findSmtpFailureRule, SMTP_FAILURE_TABLE, SmtpError } from './index';

describe('classifySmtpError', () => {
  const used = new Set<unknown>();
  it.each([
    [
      'unknown mailbox',
      {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 <x@example.org>: user unknown',
        command: 'RCPT TO',
      },
      {
        kind: 'permanent',
        scope: 'recipient',
        throttle: false,
        hardBounce: true,
        code: 550,
        status: '5.1.1',
      },
    ],
    [
      'policy rejection is permanent but no hard bounce',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.7.1 rejected as spam', command: 'RCPT TO' },
      { kind: 'permanent', scope: 'recipient', hardBounce: false },
    ],
    [
      'message rejected after DATA is about the campaign, not the recipient',
      { code: 'EMESSAGE', responseCode: 554, response: '554 5.6.0 message refused', command: 'DATA' },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'bare 5xx at end of data is no bounce',
      { code: 'EMESSAGE', responseCode: 550, response: '550 rejected', command: 'DATA' },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'message too big at end of data',
      {
        code: 'EMESSAGE',
        responseCode: 552,
        response: '552 5.3.4 Message size exceeds fixed limit',
        command: 'DATA',
      },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'DATA command refused',
      {
        code: 'EENVELOPE',
        responseCode: 554,
        response: '554 5.5.1 Error: no valid recipients',
        command: 'DATA',
      },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'sender refused at MAIL FROM (553 5.1.8) suppresses nobody',
      {
        code: 'EENVELOPE',
        responseCode: 553,
        response: '553 5.1.8 <bounce@kielregion.example>: Sender address rejected',
        command: 'MAIL FROM',
      },
      { kind: 'permanent', scope: 'transport', hardBounce: false, code: 553, status: '5.1.8' },
    ],
    [
      'sender refused at MAIL FROM by nodemailer',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.0 sender rejected', command: 'MAIL FROM' },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'MAIL FROM deferred',
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 try later', command: 'MAIL FROM' },
      { kind: 'temporary', scope: 'transport', throttle: true, hardBounce: false },
    ],
    [
      'null MX at RCPT is a hard bounce',
      { code: 'EENVELOPE', responseCode: 556, response: '556 5.1.10 null MX', command: 'RCPT TO' },
      { kind: 'permanent', scope: 'recipient', hardBounce: true },
    ],
    [
      'disabled mailbox at RCPT is a hard bounce',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.2.1 mailbox disabled', command: 'RCPT TO' },
      { kind: 'permanent', scope: 'recipient', hardBounce: true },
    ],
    [
      'bare 550 at RCPT fails the recipient without a bounce',
      { code: 'EENVELOPE', responseCode: 550, response: '550 no such user here', command: 'RCPT TO' },
      { kind: 'permanent', scope: 'recipient', hardBounce: false },
    ],
    [
      'mailbox full at RCPT fails the recipient without a bounce',
      { code: 'EENVELOPE', responseCode: 552, response: '552 5.2.2 mailbox full', command: 'RCPT TO' },
      { kind: 'permanent', scope: 'recipient', hardBounce: false },
    ],
    [
      'greeting refused',
      { code: 'EPROTOCOL', responseCode: 554, response: '554 5.7.1 no service', command: 'greeting' },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'AUTH answer cut off by a dropped connection is temporary',
      { code: 'EAUTH', responseCode: 0, response: 'connection closed by the server', command: 'AUTH PLAIN' },
      { kind: 'temporary', scope: 'transport', hardBounce: false },
    ],
    [
      'greylisting',
      { code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 try again later', command: 'RCPT TO' },
      { kind: 'temporary', scope: 'recipient', throttle: true, code: 451 },
    ],
    [
      'too many recipients',
      { code: 'EENVELOPE', responseCode: 452, response: '452 4.5.3 too many recipients', command: 'RCPT TO' },
      { kind: 'temporary', throttle: true },
    ],
    [
      'server closing down',
      { code: 'EPROTOCOL', responseCode: 421, response: '421 4.3.2 service shutting down' },
      { kind: 'temporary', scope: 'transport', throttle: true },
    ],
    [
      'mailbox busy',
      { code: 'EENVELOPE', responseCode: 450, response: '450 mailbox busy', command: 'RCPT TO' },
      { kind: 'temporary', scope: 'recipient', throttle: false },
    ],
    [
      'connection refused',
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
      { kind: 'temporary', scope: 'transport', status: 'ECONNECTION' },
    ],
    ['timeout', { code: 'ETIMEDOUT', message: 'Timeout' }, { kind: 'temporary', scope: 'transport' }],
    [
      'bad credentials',
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 authentication failed' },
      { kind: 'permanent', scope: 'transport', hardBounce: false },
    ],
    [
      'reply text without responseCode',
      new Error('550 mailbox unavailable'),
      { kind: 'permanent', scope: 'transport', code: 550 },
    ],
    ['anything else', 'boom', { kind: 'temporary', scope: 'transport', reason: 'boom' }],
    // our own client names the phase
    [
      'greeting 421 from our client',
      new SmtpError('EPROTOCOL', 'x', { responseCode: 421, response: '421 4.3.2 busy', phase: 'greeting' }),
      {
        phase: 'greeting',
        kind: 'temporary',
        scope: 'transport',
        action: 'wait-for-transport',
        throttle: true,
      },
    ],
    [
      'greeting 554',
      new SmtpError('EPROTOCOL', 'x', {
        responseCode: 554,
        response: '554 5.7.1 go away',
        phase: 'greeting',
      }),
      { phase: 'greeting', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'EHLO 451',
      new SmtpError('EPROTOCOL', 'x', { responseCode: 451, response: '451 4.3.0 later', phase: 'EHLO' }),
      { phase: 'EHLO', kind: 'temporary', scope: 'transport', action: 'wait-for-transport', throttle: true },
    ],
    [
      'EHLO 501',
      new SmtpError('EPROTOCOL', 'x', { responseCode: 501, response: '501 5.5.4 bad name', phase: 'EHLO' }),
      { phase: 'EHLO', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'STARTTLS 454',
      new SmtpError('ETLS', 'x', {
        responseCode: 454,
        response: '454 4.7.0 TLS not available',
        phase: 'STARTTLS',
      }),
      {
        phase: 'STARTTLS',
        kind: 'temporary',
        scope: 'transport',
        action: 'wait-for-transport',
        throttle: false,
      },
    ],
    [
      'STARTTLS required but not offered',
      new SmtpError('ETLSREQUIRED', 'STARTTLS required', { phase: 'STARTTLS' }),
      {
        phase: 'STARTTLS',
        kind: 'permanent',
        scope: 'transport',
        action: 'pause-campaign',
        status: 'ETLSREQUIRED',
      },
    ],
    [
      'TLS handshake failed after STARTTLS',
      new SmtpError('ETLS', 'STARTTLS failed: bad certificate', { phase: 'STARTTLS' }),
      { phase: 'STARTTLS', kind: 'temporary', scope: 'transport', action: 'wait-for-transport' },
    ],
    [
      'AUTH 454 temporary authentication failure',
      new SmtpError('EAUTH', 'x', { responseCode: 454, response: '454 4.7.0 try later', phase: 'AUTH' }),
      { phase: 'AUTH', kind: 'temporary', scope: 'transport', action: 'wait-for-transport' },
    ],
    [
      'AUTH 535',
      new SmtpError('EAUTH', 'x', {
        responseCode: 535,
        response: '535 5.7.8 bad credentials',
        phase: 'AUTH',
      }),
      { phase: 'AUTH', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'AUTH cut off by our client',
      new SmtpError('ECONNECTION', 'connection closed by the server', { phase: 'AUTH' }),
      { phase: 'AUTH', kind: 'temporary', scope: 'transport', action: 'wait-for-transport' },
    ],
    [
      'no AUTH mechanism we can use',
      new SmtpError('EAUTHMETHOD', 'no AUTH PLAIN or LOGIN offered', { phase: 'AUTH' }),
      { phase: 'AUTH', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'connection refused by our client',
      new SmtpError('ECONNECTION', 'cannot connect', { phase: 'connection' }),
      {
        phase: 'connection',
        kind: 'temporary',
        scope: 'transport',
        action: 'wait-for-transport',
        status: 'ECONNECTION',
      },
    ],
    [
      'MAIL FROM 553 5.1.8 from our client',
      new SmtpError('EENVELOPE', 'x', {
        responseCode: 553,
        response: '553 5.1.8 sender rejected',
        phase: 'MAIL',
      }),
      { phase: 'MAIL', kind: 'permanent', scope: 'transport', action: 'pause-campaign', hardBounce: false },
    ],
    [
      'MAIL FROM 550 5.1.1 (sender unknown) is no bounce',
      new SmtpError('EENVELOPE', 'x', {
        responseCode: 550,
        response: '550 5.1.1 sender unknown',
        phase: 'MAIL',
      }),
      { phase: 'MAIL', kind: 'permanent', scope: 'transport', action: 'pause-campaign', hardBounce: false },
    ],
    [
      'MAIL FROM 450',
      new SmtpError('EENVELOPE', 'x', {
        responseCode: 450,
        response: '450 4.1.8 sender domain not found',
        phase: 'MAIL',
      }),
      { phase: 'MAIL', kind: 'temporary', scope: 'transport', action: 'wait-for-transport', throttle: false },
    ],
    [
      'message larger than the announced SIZE',
      new SmtpError('ESIZE', 'message too large', { phase: 'MAIL' }),
      { phase: 'MAIL', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'RCPT 452',
      new SmtpError('EENVELOPE', 'x', { responseCode: 452, response: '452 4.5.3 too many', phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'temporary', scope: 'recipient', action: 'retry-message', throttle: true },
    ],
    [
      'RCPT 450',
      new SmtpError('EENVELOPE', 'x', { responseCode: 450, response: '450 4.2.1 busy', phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'temporary', scope: 'recipient', action: 'retry-message', throttle: false },
    ],
    [
      'RCPT 550 5.1.1',
      new SmtpError('EENVELOPE', 'x', { responseCode: 550, response: '550 5.1.1 unknown', phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'permanent', scope: 'recipient', action: 'hard-bounce', hardBounce: true },
    ],
    [
      'RCPT 554 5.7.1',
      new SmtpError('EENVELOPE', 'x', {
        responseCode: 554,
        response: '554 5.7.1 relay denied',
        phase: 'RCPT',
      }),
      { phase: 'RCPT', kind: 'permanent', scope: 'recipient', action: 'fail-recipient', hardBounce: false },
    ],
    [
      'RCPT address with CR/LF refused by the client',
      new SmtpError('EADDRESS', 'bad address', { phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'permanent', scope: 'recipient', action: 'fail-recipient', hardBounce: false },
    ],
    [
      'RCPT needs SMTPUTF8 that the server lacks',
      new SmtpError('ESMTPUTF8', 'no SMTPUTF8', { phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'permanent', scope: 'recipient', action: 'fail-recipient' },
    ],
    [
      'RCPT 421',
      new SmtpError('EENVELOPE', 'x', { responseCode: 421, response: '421 4.4.2 timeout', phase: 'RCPT' }),
      { phase: 'RCPT', kind: 'temporary', scope: 'transport', action: 'wait-for-transport', throttle: true },
    ],
    [
      'DATA 451',
      new SmtpError('EENVELOPE', 'x', { responseCode: 451, response: '451 4.3.0 later', phase: 'DATA' }),
      { phase: 'DATA', kind: 'temporary', scope: 'recipient', action: 'retry-message', throttle: true },
    ],
    [
      'end of data 450',
      new SmtpError('EMESSAGE', 'x', {
        responseCode: 450,
        response: '450 4.7.1 later',
        phase: 'end of data',
      }),
      {
        phase: 'end of data',
        kind: 'temporary',
        scope: 'recipient',
        action: 'retry-message',
        throttle: false,
      },
    ],
    [
      'end of data 550 5.1.1 is no bounce',
      new SmtpError('EMESSAGE', 'x', { responseCode: 550, response: '550 5.1.1 odd', phase: 'end of data' }),
      {
        phase: 'end of data',
        kind: 'permanent',
        scope: 'transport',
        action: 'pause-campaign',
        hardBounce: false,
      },
    ],
    [
      'end of data 554 content refused',
      new SmtpError('EMESSAGE', 'x', { responseCode: 554, response: '554 5.7.1 spam', phase: 'end of data' }),
      { phase: 'end of data', kind: 'permanent', scope: 'transport', action: 'pause-campaign' },
    ],
    [
      'connection lost mid-DATA',
      new SmtpError('ECONNECTION', 'connection closed by the server', { phase: 'end of data' }),
      { phase: 'end of data', kind: 'temporary', scope: 'transport', action: 'wait-for-transport' },
    ],
    [
      'nodemailer: refused connection',
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED', command: 'CONN' },
      { phase: 'connection', kind: 'temporary', scope: 'transport' },
    ],
    [
      'nodemailer: bad greeting',
      { code: 'EPROTOCOL', responseCode: 554, response: '554 no', command: 'CONN' },
      { phase: 'greeting', kind: 'permanent', scope: 'transport' },
    ],
    [
      'nodemailer: end of data refused',
      { code: 'EMESSAGE', responseCode: 554, response: '554 5.6.0 refused', command: 'DATA' },
      { phase: 'end of data', action: 'pause-campaign' },
    ],
    [
      'a reply with a status but no known phase',
      { code: 'EPROTOCOL', responseCode: 452, response: '452 4.3.1 full' },
      { phase: 'network', kind: 'temporary', scope: 'transport', throttle: true },
    ],
    [
      'a 4xx with no known phase',
      { code: 'EPROTOCOL', responseCode: 450, response: '450 later' },
      { phase: 'network', kind: 'temporary', scope: 'transport', throttle: false },
    ],
    [
      'a 5xx mailbox status with no known phase is no bounce',
      { responseCode: 550, response: '550 5.1.1 unknown' },
      { phase: 'network', kind: 'permanent', hardBounce: false },
    ],
    [
      'a local refusal with no known phase',
      { code: 'EADDRESS', message: 'bad address' },
      { phase: 'network', kind: 'permanent', scope: 'transport' },
    ],
    [
      'DATA refused with a local error',
      new SmtpError('EADDRESS', 'x', { phase: 'DATA' }),
      { phase: 'DATA', kind: 'permanent', scope: 'transport' },
    ],
    [
      'DATA 550 5.2.1 is no bounce',
      new SmtpError('EENVELOPE', 'x', { responseCode: 550, response: '550 5.2.1 disabled', phase: 'DATA' }),
      { phase: 'DATA', hardBounce: false, action: 'pause-campaign' },
    ],
    [
      'a sender refusal answered at RCPT (Postfix smtpd_delay_reject) pauses the campaign',
      {
        code: 'EENVELOPE',
        responseCode: 554,
        response: '554 5.7.1 <news@kielregion.example>: Sender address rejected: Access denied',
        command: 'RCPT TO',
      },
      { phase: 'RCPT', kind: 'permanent', scope: 'transport', action: 'pause-campaign', hardBounce: false },
    ],
    [
      'a 553 5.1.8 at RCPT is about the sender, never a bounce',
      new SmtpError('EENVELOPE', 'x', {
        responseCode: 553,
        response: '553 5.1.8 bad sender domain',
        phase: 'RCPT',
      }),
      { scope: 'transport', action: 'pause-campaign', hardBounce: false },
    ],
    [
      'greeting with a mailbox status is no bounce',
      new SmtpError('EPROTOCOL', 'x', { responseCode: 550, response: '550 5.1.1 odd', phase: 'greeting' }),
      { hardBounce: false, action: 'pause-campaign' },
    ],
  ])('%s', (_name, error, expected) => {
    expect(classifySmtpError(error)).toMatchObject(expected);
    used.add(findSmtpFailureRule(error));
  });

  it('has a case above for every row of the table', () => {
    const missing = SMTP_FAILURE_TABLE.filter((r) => !used.has(r)).map(
      (r) => `${r.phases.join(',')} ${r.reply}`,
    );
    expect(missing).toEqual([]);
  });

  it('never bounces outside RCPT and never touches a recipient before RCPT', () => {
    for (const rule of SMTP_FAILURE_TABLE) {
      if (rule.hardBounce) expect(rule.phases).toEqual(['RCPT']);
      if (rule.scope === 'recipient')
        expect(rule.phases.every((p) => ['RCPT', 'DATA', 'end of data'].includes(p))).toBe(true);
      expect(rule.kind === 'temporary').toBe(
        rule.action === 'retry-message' || rule.action === 'wait-for-transport',
      );
    }
  });
});
