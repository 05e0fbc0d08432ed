import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify-smtp-error';

describe('classifySmtpError', () => {
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
  ])('%s', (_name, error, expected) => {
    expect(classifySmtpError(error)).toMatchObject(expected);
  });
});
