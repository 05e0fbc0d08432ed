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

/**
 * Classifies an SMTP error (nodemailer's `responseCode` / `code`, or our own client's): 5xx is
 * permanent, 4xx and network errors are temporary; 421/451/452 also ask for back-pressure; a
 * 5xx about the mailbox (550/551/553, or enhanced status 5.1.x) is a hard bounce. Failures on
 * the envelope's recipient or the message are about the recipient; authentication, connection
 * and greeting failures are about the transport.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const reason = String(e.response ?? e.message ?? 'unknown SMTP error').trim();
  const code = typeof e.responseCode === 'number' ? e.responseCode : leadingCode(reason);
  const status = ENHANCED.exec(reason)?.[0];
  const errorCode = typeof e.code === 'string' ? e.code : undefined;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const aboutRecipient =
    errorCode === 'EENVELOPE' || errorCode === 'EMESSAGE' || command.startsWith('RCPT') || command === 'DATA';

  if (code !== undefined && code >= 500 && code < 600) {
    const mailbox =
      status?.startsWith('5.1.') ||
      ((code === 550 || code === 551 || code === 553) && !status?.startsWith('5.7.'));
    return {
      kind: 'permanent',
      scope: errorCode === 'EAUTH' || !aboutRecipient ? 'transport' : 'recipient',
      throttle: false,
      hardBounce: aboutRecipient && mailbox === true,
      code,
      status,
      reason,
    };
  }
  if (code !== undefined && code >= 400 && code < 500) {
    return {
      kind: 'temporary',
      scope: aboutRecipient && code !== 421 ? 'recipient' : 'transport',
      throttle: THROTTLE_CODES.has(code),
      hardBounce: false,
      code,
      status,
      reason,
    };
  }
  if (errorCode === 'EAUTH') {
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
  // network errors, and anything unknown, are worth another try
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
