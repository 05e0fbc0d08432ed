import { createHash, type Hash } from 'node:crypto';
import type { DkimSigner } from './dkim-signer';
import { encodeHeaderText, foldHeader, formatAddress, type MailAddress } from './encoded-word';
import { canonicalizeBodyRelaxed, encodeQuotedPrintableChunk } from './quoted-printable';

/**
 * A piece of a template: static text (final, already escaped), or a slot filled per recipient
 * with `values[slot]`, escaped for its place by the caller (the shape of `@regiokit/content`'s
 * compiled templates and `resolveMergeValues`).
 */
export type TemplatePart = string | { readonly slot: number };

/** What one kind of message looks like, compiled once per campaign and language. */
export interface MessageTemplateInput {
  /** Identifies the campaign (or service mail) in `Message-ID`s and the MIME boundary. */
  key: string;
  /** Domain of the `Message-ID`s, normally the sender's domain. */
  messageIdDomain: string;
  from: MailAddress;
  replyTo?: MailAddress | undefined;
  subject: readonly TemplatePart[];
  text: readonly TemplatePart[];
  html: readonly TemplatePart[];
  /** `List-Id` of bulk mail; with it every message needs an unsubscribe target. */
  list?: { id: string; name?: string | undefined } | undefined;
  dkim?: DkimSigner | undefined;
  /** Further static headers, e.g. `Feedback-ID`. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** One recipient of a message. */
export interface MessageRecipient {
  /** Stable id (the subscriber id) for the deterministic `Message-ID`. */
  id: string;
  to: MailAddress;
  /** Merge values per slot, already escaped for where they go. */
  values: readonly string[];
  /** Required for bulk mail (a template with `list`). */
  unsubscribe?: { url: string; mailto: string } | undefined;
}

/** A message ready for SMTP: CRLF line ends, 7-bit, no dot-stuffing needed. */
export interface ComposedMessage {
  messageId: string;
  /** The message as one buffer, carved from a shared slab (see {@link allocateMessage}). */
  chunks: [Buffer];
  dotSafe: true;
  /** The whole message (the one chunk). */
  readonly raw: Buffer;
  /**
   * Hands the message's room back for the next messages, once nothing reads it any more (the
   * transport has written it). Optional: a message never released is left to the garbage collector.
   */
  release(): void;
}

const SLAB_BYTES = 1024 * 1024;
/** Emptied slabs kept for reuse; the pipeline has a few hundred messages (a few MiB) in flight. */
const SPARE_SLABS = 16;

class Slab {
  readonly buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
  used = 0;
  /** Messages carved from it and not released yet. */
  live = 0;
}

let current = new Slab();
const spare: Slab[] = [];

function retire(slab: Slab) {
  if (slab !== current && slab.live === 0 && spare.length < SPARE_SLABS) {
    slab.used = 0;
    spare.push(slab);
  }
}

/**
 * Room for one message, carved from a 1 MiB slab: a message of about 28 KB as one buffer without a
 * memory allocation of its own (which, per message, cost more than writing it in pieces). A slab
 * whose messages were all released is used again; one that is not is freed by the garbage
 * collector once none of its messages is referenced any more.
 */
export function allocateMessage(bytes: number): { buffer: Buffer; release(): void } {
  if (bytes > SLAB_BYTES / 4) return { buffer: Buffer.allocUnsafeSlow(bytes), release() {} };
  if (current.used + bytes > SLAB_BYTES) {
    const full = current;
    current = spare.pop() ?? new Slab();
    retire(full);
  }
  const slab = current;
  const buffer = slab.buffer.subarray(slab.used, slab.used + bytes);
  slab.used = (slab.used + bytes + 7) & ~7;
  slab.live++;
  let released = false;
  return {
    buffer,
    release() {
      if (released) return;
      released = true;
      slab.live--;
      retire(slab);
    },
  };
}

/** A compiled template; see {@link compileMessageTemplate}. */
export interface MessageTemplate {
  readonly key: string;
  readonly from: MailAddress;
  compose(recipient: MessageRecipient, now?: Date): ComposedMessage;
}

type Segment =
  | { kind: 'static'; text: string; bytes: Buffer; canonical: Buffer }
  | { kind: 'slot'; slot: number };

function staticSegment(text: string): Segment {
  const bytes = Buffer.from(text, 'latin1');
  const canonical = canonicalizeBodyRelaxed(text);
  return {
    kind: 'static',
    text,
    bytes,
    canonical: canonical === text ? bytes : Buffer.from(canonical, 'latin1'),
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** RFC 5322 date in UTC, `Sun, 22 Nov 2026 09:00:00 +0000`. */
export function formatMailDate(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const ID_UNSAFE = /[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g;

/** The deterministic `Message-ID` of one message of a campaign to one recipient. */
export function formatMessageId(key: string, recipientId: string, domain: string): string {
  return `<${key.replace(ID_UNSAFE, '-')}.${recipientId.replace(ID_UNSAFE, '-')}@${domain}>`;
}

function segmentsOf(parts: readonly TemplatePart[]): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const flush = () => {
    if (text.length > 0) segments.push(staticSegment(encodeQuotedPrintableChunk(text)));
    text = '';
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
    } else {
      flush();
      segments.push({ kind: 'slot', slot: part.slot });
    }
  }
  flush();
  return segments;
}

function partHeader(boundary: string, type: string): string {
  return `\r\n--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
}

function renderSubject(parts: readonly TemplatePart[], values: readonly string[]): string {
  let s = '';
  for (const part of parts) s += typeof part === 'string' ? part : (values[part.slot] ?? '');
  return s;
}

/**
 * Compiles a message template: the static parts of the body are quoted-printable encoded once
 * here, so composing a message per recipient only encodes the merge values, hashes the body for
 * DKIM and writes the per-recipient headers.
 */
export function compileMessageTemplate(input: MessageTemplateInput): MessageTemplate {
  const boundary = `=_rk_${createHash('sha256').update(input.key).digest('hex').slice(0, 24)}`;
  const segments: Segment[] = [
    staticSegment(`This is a multi-part message in MIME format.\r\n${partHeader(boundary, 'text/plain')}`),
    ...segmentsOf(input.text),
    staticSegment(partHeader(boundary, 'text/html')),
    ...segmentsOf(input.html),
    staticSegment(`\r\n--${boundary}--\r\n`),
  ];
  // merge adjacent static segments so the hash prefix and the copies are as long as possible
  const body: Segment[] = [];
  for (const s of segments) {
    const last = body.at(-1);
    if (s.kind === 'static' && last?.kind === 'static')
      body[body.length - 1] = staticSegment(last.text + s.text);
    else body.push(s);
  }
  const first = body[0];
  const prefixHash: Hash = createHash('sha256');
  let rest = body;
  if (first?.kind === 'static') {
    prefixHash.update(first.canonical);
    rest = body.slice(1);
  }

  let staticBytes = 0;
  for (const s of body) if (s.kind === 'static') staticBytes += s.bytes.length;

  const subjectIsStatic = input.subject.every((p) => typeof p === 'string');
  const staticSubject = subjectIsStatic
    ? foldHeader('Subject', encodeHeaderText(renderSubject(input.subject, [])))
    : '';
  const fromLine = foldHeader('From', formatAddress(input.from));
  const replyToLine = input.replyTo ? foldHeader('Reply-To', formatAddress(input.replyTo)) : undefined;
  const listIdLine = input.list
    ? foldHeader(
        'List-Id',
        input.list.name ? `${encodeHeaderText(input.list.name)} <${input.list.id}>` : `<${input.list.id}>`,
      )
    : undefined;
  const trailing = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    ...Object.entries(input.headers ?? {}).map(([name, value]) => foldHeader(name, encodeHeaderText(value))),
  ];
  let dateSecond = -1;
  let dateLine = '';

  return {
    key: input.key,
    from: input.from,
    compose(recipient, now = new Date()) {
      const hash = input.dkim ? prefixHash.copy() : undefined;
      // the merge values, quoted-printable encoded, in the order of their slots in the body
      const encoded: string[] = [];
      let bytes = staticBytes;
      for (const s of rest) {
        if (s.kind === 'static') {
          hash?.update(s.canonical);
        } else {
          const value = encodeQuotedPrintableChunk(recipient.values[s.slot] ?? '');
          hash?.update(canonicalizeBodyRelaxed(value), 'latin1');
          encoded.push(value);
          bytes += value.length;
        }
      }

      const second = Math.floor(now.getTime() / 1000);
      if (second !== dateSecond) {
        dateSecond = second;
        dateLine = `Date: ${formatMailDate(now)}`;
      }
      const messageId = formatMessageId(input.key, recipient.id, input.messageIdDomain);
      const lines = [
        `Message-ID: ${messageId}`,
        dateLine,
        fromLine,
        foldHeader('To', formatAddress(recipient.to)),
      ];
      if (replyToLine) lines.push(replyToLine);
      lines.push(
        subjectIsStatic
          ? staticSubject
          : foldHeader('Subject', encodeHeaderText(renderSubject(input.subject, recipient.values))),
      );
      if (listIdLine) {
        if (!recipient.unsubscribe) {
          throw new Error(
            `recipient ${recipient.id}: bulk mail needs an unsubscribe URL and mailto, got none`,
          );
        }
        lines.push(
          listIdLine,
          `List-Unsubscribe: <${recipient.unsubscribe.url}>,\r\n <${recipient.unsubscribe.mailto}>`,
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        );
      }
      for (const line of trailing) lines.push(line);
      let head = '';
      if (input.dkim && hash) head = input.dkim.signHeader(lines, hash.digest('base64'), now);
      head += `${lines.join('\r\n')}\r\n\r\n`;

      // headers and merge values are 7-bit (encoded words, quoted-printable): one byte a character
      const { buffer: raw, release } = allocateMessage(head.length + bytes);
      let at = raw.write(head, 0, 'latin1');
      let slot = 0;
      for (const s of body) {
        if (s.kind === 'static') {
          raw.set(s.bytes, at);
          at += s.bytes.length;
        } else at += raw.write(encoded[slot++]!, at, 'latin1');
      }
      return { messageId, chunks: [raw], dotSafe: true, raw, release };
    },
  };
}
