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
      'message rejected after DATA',
      { code: 'EMESSAGE', responseCode: 554, response: '554 5.6.0 message refused', command: 'DATA' },
      { kind: 'permanent', scope: 'recipient', hardBounce: false },
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
