/**
 * The step of the SMTP conversation a failure happened in:
 * `connection` (TCP connect, implicit TLS handshake, connect timeout), `greeting` (the server's
 * 220), `EHLO`, `STARTTLS`, `AUTH`, `MAIL` (MAIL FROM), `RCPT` (RCPT TO), `DATA` (the DATA
 * command), `end of data` (the reply after the final dot), and `network` (the connection broke or
 * a reply was overdue where no step is known).
 */
export type SmtpPhase =
  | 'connection'
  | 'greeting'
  | 'EHLO'
  | 'STARTTLS'
  | 'AUTH'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'end of data'
  | 'network';

/** Every phase, in the order of a conversation. */
export const SMTP_PHASES: readonly SmtpPhase[] = [
  'connection',
  'greeting',
  'EHLO',
  'STARTTLS',
  'AUTH',
  'MAIL',
  'RCPT',
  'DATA',
  'end of data',
  'network',
];

/**
 * What the sender does about a failure:
 * - `retry-message`: try this message again later with backoff (spends one of its attempts);
 * - `wait-for-transport`: the relay is unusable for now: spend no recipient's attempt, wait (pause
 *   the campaign, resuming by itself) until it answers again;
 * - `pause-campaign`: the relay refuses the sender, the credentials, the content or the security
 *   the settings require: no recipient is touched, staff must look;
 * - `fail-recipient`: this recipient is refused for good, without suppressing the address;
 * - `hard-bounce`: the mailbox does not exist: fail the recipient and suppress the address.
 */
export type SmtpAction =
  | 'retry-message'
  | 'wait-for-transport'
  | 'pause-campaign'
  | 'fail-recipient'
  | 'hard-bounce';

/**
 * The kind of answer a failure got: `none` (no reply: network, timeout, a cut-off answer),
 * `local` (the client refused before asking the server: STARTTLS required but not offered, an
 * envelope address with CR/LF/`<>`, a message over the announced SIZE, SMTPUTF8 needed but not
 * offered), `421` (the server closes the connection), `451/452` (local error, insufficient
 * storage: slow down), `4xx` (another temporary reply), `5xx mailbox` (5xx with an enhanced
 * status that says the mailbox does not exist or is disabled: 5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10,
 * 5.2.1), `5xx` (another permanent reply).
 */
export type SmtpReplyClass =
  | 'none'
  | 'local'
  | '421'
  | '451/452'
  | '4xx'
  | '5xx mailbox'
  | '5xx sender'
  | '5xx';

/** One row of {@link SMTP_FAILURE_TABLE}. */
export interface SmtpFailureRule {
  phases: readonly SmtpPhase[];
  reply: SmtpReplyClass;
  kind: 'permanent' | 'temporary';
  scope: 'recipient' | 'transport';
  action: SmtpAction;
  throttle: boolean;
  hardBounce: boolean;
}

/** What a failed SMTP attempt means for the recipient and the sender. */
export interface SmtpFailure {
  /** `permanent`: never retry (5xx, local refusal). `temporary`: retry later (4xx, network). */
  kind: 'permanent' | 'temporary';
  /** Whether the failure is about this recipient only, or about the connection / server / campaign. */
  scope: 'recipient' | 'transport';
  /** What to do about it (see {@link SmtpAction}). */
  action: SmtpAction;
  /** The step of the conversation it happened in. */
  phase: SmtpPhase;
  /** The server asks to slow down (421, 451, 452): lower the shared rate. */
  throttle: boolean;
  /** The address does not exist: suppress it (hard bounce). */
  hardBounce: boolean;
  /** SMTP reply code, when there was a reply. */
  code: number | undefined;
  /** Enhanced status code such as `5.1.1`, when given; the error code for network errors. */
  status: string | undefined;
  /** The server's reply or the error message, for the ledger. */
  reason: string;
}

const BEFORE_RECIPIENT: readonly SmtpPhase[] = ['connection', 'greeting', 'EHLO', 'STARTTLS', 'AUTH', 'MAIL'];
const AFTER_RECIPIENT: readonly SmtpPhase[] = ['DATA', 'end of data'];

const row = (
  phases: readonly SmtpPhase[],
  reply: SmtpReplyClass,
  kind: SmtpFailureRule['kind'],
  scope: SmtpFailureRule['scope'],
  action: SmtpAction,
  throttle = false,
): SmtpFailureRule => ({
  phases,
  reply,
  kind,
  scope,
  action,
  throttle,
  hardBounce: action === 'hard-bounce',
});

/**
 * How every failure is classified, the first matching row wins. Only a RCPT refusal with a
 * mailbox status is a hard bounce; a refusal of the sender (MAIL FROM), of the credentials, or of
 * the content (5xx at DATA or after the final dot) is about the campaign and never touches a
 * recipient; a failure of the transport (no reply, 421, 4xx before RCPT) spends no recipient's
 * attempts.
 *
 * | phase | reply | kind | scope | action | slow down |
 * |---|---|---|---|---|---|
 * | any | 421 | temporary | transport | wait-for-transport | yes |
 * | any | none | temporary | transport | wait-for-transport | no |
 * | connection … MAIL | 451/452 | temporary | transport | wait-for-transport | yes |
 * | connection … MAIL | 4xx | temporary | transport | wait-for-transport | no |
 * | connection … MAIL | 5xx, 5xx mailbox | permanent | transport | pause-campaign | no |
 * | connection … MAIL | local | permanent | transport | pause-campaign | no |
 * | RCPT | 451/452 | temporary | recipient | retry-message | yes |
 * | RCPT | 4xx | temporary | recipient | retry-message | no |
 * | RCPT | 5xx sender | permanent | transport | pause-campaign | no |
 * | RCPT | 5xx mailbox | permanent | recipient | hard-bounce | no |
 * | RCPT | 5xx | permanent | recipient | fail-recipient | no |
 * | RCPT | local | permanent | recipient | fail-recipient | no |
 * | DATA, end of data | 451/452 | temporary | recipient | retry-message | yes |
 * | DATA, end of data | 4xx | temporary | recipient | retry-message | no |
 * | DATA, end of data | 5xx, 5xx mailbox, local | permanent | transport | pause-campaign | no |
 *
 * ("connection … MAIL": connection, greeting, EHLO, STARTTLS, AUTH, MAIL.)
 */
export const SMTP_FAILURE_TABLE: readonly SmtpFailureRule[] = [
  row(SMTP_PHASES, '421', 'temporary', 'transport', 'wait-for-transport', true),
  row(SMTP_PHASES, 'none', 'temporary', 'transport', 'wait-for-transport'),
  row(BEFORE_RECIPIENT, '451/452', 'temporary', 'transport', 'wait-for-transport', true),
  row(BEFORE_RECIPIENT, '4xx', 'temporary', 'transport', 'wait-for-transport'),
  row(BEFORE_RECIPIENT, '5xx mailbox', 'permanent', 'transport', 'pause-campaign'),
  row(BEFORE_RECIPIENT, '5xx', 'permanent', 'transport', 'pause-campaign'),
  row(BEFORE_RECIPIENT, 'local', 'permanent', 'transport', 'pause-campaign'),
  row(['RCPT'], '451/452', 'temporary', 'recipient', 'retry-message', true),
  row(['RCPT'], '4xx', 'temporary', 'recipient', 'retry-message'),
  // a sender refusal answered at RCPT (Postfix's default smtpd_delay_reject) is about the campaign
  row(['RCPT'], '5xx sender', 'permanent', 'transport', 'pause-campaign'),
  row(['RCPT'], '5xx mailbox', 'permanent', 'recipient', 'hard-bounce'),
  row(['RCPT'], '5xx', 'permanent', 'recipient', 'fail-recipient'),
  row(['RCPT'], 'local', 'permanent', 'recipient', 'fail-recipient'),
  row(AFTER_RECIPIENT, '451/452', 'temporary', 'recipient', 'retry-message', true),
  row(AFTER_RECIPIENT, '4xx', 'temporary', 'recipient', 'retry-message'),
  row(AFTER_RECIPIENT, '5xx mailbox', 'permanent', 'transport', 'pause-campaign'),
  row(AFTER_RECIPIENT, '5xx', 'permanent', 'transport', 'pause-campaign'),
  row(AFTER_RECIPIENT, 'local', 'permanent', 'transport', 'pause-campaign'),
  // a network phase with a reply: the client could not tell which command it answered
  row(['network'], '451/452', 'temporary', 'transport', 'wait-for-transport', true),
  row(['network'], '4xx', 'temporary', 'transport', 'wait-for-transport'),
  row(['network'], '5xx mailbox', 'permanent', 'transport', 'pause-campaign'),
  row(['network'], '5xx', 'permanent', 'transport', 'pause-campaign'),
  row(['network'], 'local', 'permanent', 'transport', 'pause-campaign'),
];

/** Enhanced status codes that say the mailbox itself does not exist or is disabled. */
const MAILBOX_STATUS = new Set(['5.1.1', '5.1.2', '5.1.3', '5.1.6', '5.1.10', '5.2.1']);

/** Enhanced status codes about the sender's address (RFC 3463: X.1.7 syntax, X.1.8 system). */
const SENDER_STATUS = new Set(['5.1.7', '5.1.8']);
const SENDER_REFUSED = /\bsender address rejected\b/i;

/** Error codes of refusals made by the client itself, before the server was asked. */
const LOCAL_CODES = new Set(['EADDRESS', 'ESIZE', 'ESMTPUTF8', 'ETLSREQUIRED', 'EAUTHMETHOD', 'EREQUIRETLS']);

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
const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

interface ErrorLike {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  phase?: unknown;
  message?: unknown;
}

/** The phase from our client's `phase`, else from the `command` nodemailer and we both set. */
function phaseOf(e: ErrorLike, errorCode: string | undefined, code: number | undefined): SmtpPhase {
  if (typeof e.phase === 'string' && (SMTP_PHASES as readonly string[]).includes(e.phase))
    return e.phase as SmtpPhase;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  if (command.startsWith('MAIL')) return 'MAIL';
  if (command.startsWith('RCPT')) return 'RCPT';
  if (command === 'DATA') return errorCode === 'EMESSAGE' ? 'end of data' : 'DATA';
  if (command.startsWith('AUTH') || errorCode === 'EAUTH') return 'AUTH';
  if (command === 'STARTTLS') return 'STARTTLS';
  if (command === 'EHLO' || command === 'HELO' || command === 'LHLO') return 'EHLO';
  if (command === 'GREETING') return 'greeting';
  // nodemailer names the greeting, a connect failure and a broken socket all `CONN`
  if (command === 'CONN') return code !== undefined ? 'greeting' : 'connection';
  if (command === 'CONNECT' || errorCode === 'ECONNREFUSED') return 'connection';
  if (errorCode === 'EMESSAGE') return 'end of data';
  return 'network';
}

function replyClassOf(
  code: number | undefined,
  status: string | undefined,
  errorCode: string | undefined,
): SmtpReplyClass {
  if (code !== undefined && code >= 500 && code < 600)
    return status !== undefined && MAILBOX_STATUS.has(status) ? '5xx mailbox' : '5xx';
  if (code === 421) return '421';
  if (code === 451 || code === 452) return '451/452';
  if (code !== undefined && code >= 400 && code < 500) return '4xx';
  if (errorCode !== undefined && LOCAL_CODES.has(errorCode)) return 'local';
  return 'none';
}

interface Read {
  rule: SmtpFailureRule;
  phase: SmtpPhase;
  code: number | undefined;
  status: string | undefined;
  reason: string;
}

function read(error: unknown): Read {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const reason = String(e.response ?? e.message ?? 'unknown SMTP error').trim();
  // a reply code 0 is what a cut-off answer leaves: no reply at all
  const code =
    typeof e.responseCode === 'number' && e.responseCode >= 200 ? e.responseCode : leadingCode(reason);
  const enhanced = ENHANCED.exec(reason)?.[0];
  const errorCode = typeof e.code === 'string' ? e.code : undefined;
  const phase = phaseOf(e, errorCode, code);
  const reply =
    phase === 'RCPT' &&
    replyClassOf(code, enhanced, errorCode) === '5xx' &&
    ((enhanced !== undefined && SENDER_STATUS.has(enhanced)) || SENDER_REFUSED.test(reason))
      ? '5xx sender'
      : replyClassOf(code, enhanced, errorCode);
  const rule =
    SMTP_FAILURE_TABLE.find((r) => r.reply === reply && r.phases.includes(phase)) ??
    // a 2xx/3xx where another reply was expected: a protocol error of the transport
    SMTP_FAILURE_TABLE[1]!;
  const status =
    enhanced ??
    ((reply === 'none' && errorCode !== undefined && NETWORK_CODES.has(errorCode)) || reply === 'local'
      ? errorCode
      : undefined);
  return { rule, phase, code, status, reason };
}

/** The row of {@link SMTP_FAILURE_TABLE} an error falls in. */
export function findSmtpFailureRule(error: unknown): SmtpFailureRule {
  return read(error).rule;
}

/**
 * Classifies an SMTP error (nodemailer's `responseCode` / `code` / `command`, or our own
 * client's, which also names its `phase`) by the row of {@link SMTP_FAILURE_TABLE} it falls in.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const { rule, phase, code, status, reason } = read(error);
  return {
    kind: rule.kind,
    scope: rule.scope,
    action: rule.action,
    phase,
    throttle: rule.throttle,
    hardBounce: rule.hardBounce,
    code,
    status,
    reason,
  };
}

function leadingCode(reason: string): number | undefined {
  const match = /^([2-5]\d\d)[ -]/.exec(reason);
  return match ? Number(match[1]) : undefined;
}
