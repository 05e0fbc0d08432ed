import { domainToASCII } from 'node:url';

const NEEDS_ENCODING = /[^\x20-\x7e]|=\?/;
const ATOM_SPECIALS = /[()<>[\]:;@\\,."]/;
/** Bytes of UTF-8 per encoded word: 45 bytes → 60 base64 characters, 72 with `=?UTF-8?B?…?=`. */
const WORD_BYTES = 45;

/**
 * Encodes an unstructured header value (a subject) per RFC 2047 when it holds anything but
 * printable ASCII; encoded words never split a UTF-8 sequence and are folded onto separate lines.
 * Printable ASCII values are returned as they are (fold long ones with {@link foldHeader}).
 */
export function encodeHeaderText(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (!NEEDS_ENCODING.test(clean)) return clean;
  return encodeWords(clean).join('\r\n ');
}

function encodeWords(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const words: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + WORD_BYTES, bytes.length);
    // never split a UTF-8 sequence: back off while the next byte is a continuation byte
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    words.push(`=?UTF-8?B?${bytes.toString('base64', start, end)}?=`);
    start = end;
  }
  return words;
}

/** An address with an optional display name. */
export interface MailAddress {
  name?: string | undefined;
  email: string;
}

/**
 * Formats `Name <local@domain>` for From/To/Reply-To: a non-ASCII name becomes encoded words, a
 * name with specials is quoted, an internationalised domain is converted to its ASCII form.
 */
export function formatAddress(address: MailAddress): string {
  const email = asciiAddress(address.email);
  const name = address.name?.replace(/[\r\n]+/g, ' ').trim();
  if (!name) return `<${email}>`;
  if (NEEDS_ENCODING.test(name)) return `${encodeWords(name).join(' ')} <${email}>`;
  if (ATOM_SPECIALS.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${name} <${email}>`;
}

/** The ASCII form of an address (punycode domain); the local part is kept as given. */
export function asciiAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = email.slice(at + 1);
  if (!NEEDS_ENCODING.test(domain)) return email;
  return `${email.slice(0, at)}@${domainToASCII(domain) || domain}`;
}

/** Folds a header line longer than 78 characters at spaces (RFC 5322 § 2.2.3). */
export function foldHeader(name: string, value: string): string {
  const line = `${name}: ${value}`;
  if (line.length <= 78 || value.includes('\r\n')) return line;
  let out = '';
  let current = '';
  for (const word of line.split(' ')) {
    if (current.length > 0 && current.length + 1 + word.length > 78) {
      out += `${current}\r\n`;
      current = ` ${word}`;
    } else {
      current = current.length > 0 ? `${current} ${word}` : word;
    }
  }
  return out + current;
}
