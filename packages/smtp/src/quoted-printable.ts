const HEX = '0123456789ABCDEF';
/** Longest encoded line without its CRLF (RFC 2045: 76, including a soft break's `=`). */
const MAX_LINE = 76;

// printable ASCII without "=", not starting with "." and not ending in a space or tab
const SAFE_SHORT = /^[!--/-<>-~](?:[ !-<>-~]*[!-<>-~])?$/;

// printable ASCII without "=" and without spaces: needs only soft line breaks
const SAFE_RUN = /^[!-<>-~]+$/;

const ESCAPED: string[] = Array.from({ length: 256 }, (_, b) => `=${HEX[b >> 4]}${HEX[b & 15]}`);

/**
 * Encodes text as a self-contained run of quoted-printable lines that ends at a line boundary:
 * the last line ends with a soft line break (`=` CRLF) unless the text itself ended with a line
 * break. Two such chunks therefore concatenate into valid quoted-printable, which lets a message
 * body be assembled from chunks encoded once per campaign and values encoded per recipient.
 *
 * No line ends in whitespace, and a `.` that starts a line is encoded, so SMTP needs no
 * dot-stuffing and DKIM's relaxed body canonicalisation only has to collapse whitespace runs
 * (see {@link canonicalizeBodyRelaxed}).
 *
 * Line breaks in the input (LF or CRLF) become CRLF; empty input gives an empty string.
 */
export function encodeQuotedPrintableChunk(text: string): string {
  if (text.length === 0) return '';
  // most merge values (names, links) are short printable ASCII: nothing to escape
  if (text.length < MAX_LINE && SAFE_SHORT.test(text)) return `${text}=\r\n`;
  // long links and tokens: cut into lines, a line that would start with "." starts with "=2E"
  if (SAFE_RUN.test(text)) return splitSafeRun(text);
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let line = '';
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] === 0x0a)) {
      if (b === 0x0d) i++;
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    let token: string;
    if (b === 0x20 || b === 0x09) {
      const next = bytes[i + 1];
      const atLineEnd = next === undefined || next === 0x0a || next === 0x0d;
      token = atLineEnd ? ESCAPED[b]! : b === 0x20 ? ' ' : '\t';
    } else if (b === 0x2e && line.length === 0) {
      token = '=2E';
    } else if (b >= 33 && b <= 126 && b !== 0x3d) {
      token = String.fromCharCode(b);
    } else {
      token = ESCAPED[b]!;
    }
    if (line.length + token.length > MAX_LINE - 1) {
      out += `${line}=\r\n`;
      line = token === '.' ? '=2E' : token;
    } else {
      line += token;
    }
  }
  if (line.length > 0) out += `${line}=\r\n`;
  return out;
}

function splitSafeRun(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 0x2e) {
      const line = text.slice(i + 1, i + MAX_LINE - 3);
      out += `=2E${line}=\r\n`;
      i += 1 + line.length;
    } else {
      const line = text.slice(i, i + MAX_LINE - 1);
      out += `${line}=\r\n`;
      i += line.length;
    }
  }
  return out;
}

/** Decodes quoted-printable text (for tests and diagnostics). */
export function decodeQuotedPrintable(encoded: string): string {
  const bytes: number[] = [];
  const s = encoded.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(c);
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

/**
 * DKIM relaxed body canonicalisation (RFC 6376 § 3.4.4) of lines that end with CRLF and never in
 * whitespace, as {@link encodeQuotedPrintableChunk} writes them: whitespace runs become one space.
 * Line-local, so the canonical form of concatenated chunks is the concatenation of theirs.
 */
export function canonicalizeBodyRelaxed(lines: string): string {
  return /[ \t]{2}|\t/.test(lines) ? lines.replace(/[ \t]+/g, ' ') : lines;
}
