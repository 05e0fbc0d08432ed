/** What a failed SMTP attempt means for the recipient and the sender. */
export interface SmtpFailure {
  /** `permanent`: never retry (5xx). `temporary`: retry later with backoff (4xx, network). */
  kind: 'permanent' | 'temporary';
  /** Whether the failure is about this recipient only, or about the connection / server. */
  scope: 'recipient' | 'transport';
  /** The server asks to slow down (421, 451, 452): lower the shared rate. */
  throttle: boolean;
  /** The address does not exist: suppress it (hard bounce). */
  hardBounce: boolean;
  /** SMTP reply code, when there was a reply. */
  code: number | undefined;
  /** Enhanced status code such as `5.1.1`, when given. */
  status: string | undefined;
  /** The server's reply or the error message, for the ledger. */
  reason: string;
}

const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
]);
const THROTTLE_CODES = new Set([421, 451, 452]);
const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

interface ErrorLike {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

/** Enhanced status codes that say the mailbox itself does not exist or is disabled. */
const MAILBOX_STATUS = new Set(['5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10', '5.2.1']);

/** The phase of the conversation a failure happened in, from the error's `command`. */
export type SmtpPhase = 'connection' | 'MAIL' | 'RCPT' | 'DATA';

function phaseOf(command: string, errorCode: string | undefined): SmtpPhase {
  if (command.startsWith('MAIL')) return 'MAIL';
  if (command.startsWith('RCPT')) return 'RCPT';
  if (command === 'DATA' || errorCode === 'EMESSAGE') return 'DATA';
  return 'connection';
}

/**
 * Classifies an SMTP error (nodemailer's `responseCode` / `code` / `command`, or our own
 * client's) by the phase it happened in:
 *
 * | phase | reply | meaning |
 * |---|---|---|
 * | connect, greeting, EHLO, STARTTLS, AUTH, network | 4xx, none | temporary, transport (421 / 451 / 452 also slow down) |
 * | same | 5xx, AUTH refused | permanent, transport: the campaign stops, no recipient is touched |
 * | MAIL FROM | 4xx | temporary, transport |
 * | MAIL FROM | 5xx (e.g. 553 5.1.8) | permanent, transport: about the sender, never a bounce |
 * | RCPT TO | 4xx | temporary, recipient (451 / 452 also slow down) |
 * | RCPT TO | 5xx with a mailbox status (5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10, 5.2.1) | permanent, recipient, hard bounce |
 * | RCPT TO | other 5xx (policy 5.7.x, bare 550) | permanent, recipient, no bounce |
 * | DATA, end of data | 4xx | temporary, recipient (the message is retried; 451 / 452 slow down) |
 * | DATA, end of data | 5xx (content, policy, size) | permanent, transport: about the campaign, never a bounce |
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const reason = String(e.response ?? e.message ?? 'unknown SMTP error').trim();
  const code = typeof e.responseCode === 'number' ? e.responseCode : leadingCode(reason);
  const status = ENHANCED.exec(reason)?.[0];
  const errorCode = typeof e.code === 'string' ? e.code : undefined;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const phase = phaseOf(command, errorCode);

  if (code !== undefined && code >= 500 && code < 600) {
    const recipient = phase === 'RCPT' && errorCode !== 'EAUTH';
    return {
      kind: 'permanent',
      scope: recipient ? 'recipient' : 'transport',
      throttle: false,
      hardBounce: recipient && status !== undefined && MAILBOX_STATUS.has(status),
      code,
      status,
      reason,
    };
  }
  if (code !== undefined && code >= 400 && code < 500) {
    return {
      kind: 'temporary',
      scope: (phase === 'RCPT' || phase === 'DATA') && code !== 421 ? 'recipient' : 'transport',
      throttle: THROTTLE_CODES.has(code),
      hardBounce: false,
      code,
      status,
      reason,
    };
  }
  if (errorCode === 'EAUTH' && code === undefined) {
    return {
      kind: 'permanent',
      scope: 'transport',
      throttle: false,
      hardBounce: false,
      code,
      status,
      reason,
    };
  }
  // network errors (an AUTH answer cut off by a dropped connection, code 0, too), and anything unknown,
  // are worth another try
  return {
    kind: 'temporary',
    scope: 'transport',
    throttle: false,
    hardBounce: false,
    code,
    status: errorCode !== undefined && NETWORK_CODES.has(errorCode) ? errorCode : status,
    reason,
  };
}

function leadingCode(reason: string): number | undefined {
  const match = /^([2-5]\d\d)[ -]/.exec(reason);
  return match ? Number(match[1]) : undefined;
}
