import { createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto';

/**
 * Headers signed when present, in this order. Both list headers are included (RFC 8058 requires
 * `List-Unsubscribe-Post` to be covered by the signature for one-click unsubscribe).
 */
export const DKIM_SIGNED_HEADERS = [
  'from',
  'to',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
] as const;

/** Settings of a {@link DkimSigner}. */
export interface DkimSignerOptions {
  domain: string;
  selector: string;
  /** PEM, RSA (rsa-sha256) or Ed25519 (ed25519-sha256, RFC 8463). */
  privateKey: string;
}

/** Signs messages with DKIM, relaxed/relaxed canonicalisation. */
export interface DkimSigner {
  readonly domain: string;
  readonly selector: string;
  /**
   * Returns the `DKIM-Signature` header line (CRLF-terminated) for header lines already in their
   * final form (`Name: value`, folded with CRLF SP) and the base64 SHA-256 of the canonical body.
   */
  signHeader(headerLines: readonly string[], bodyHash: string, now?: Date): string;
}

/** Relaxed header canonicalisation (RFC 6376 § 3.4.2) of one `Name: value` line. */
export function canonicalizeHeaderRelaxed(line: string): string {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}\r\n`;
}

/** Creates a signer; the key is parsed once here. */
export function createDkimSigner(options: DkimSignerOptions): DkimSigner {
  let key: KeyObject;
  try {
    key = createPrivateKey(options.privateKey);
  } catch (cause) {
    throw new Error('DKIM private key: expected a PEM RSA or Ed25519 private key', { cause });
  }
  const ed25519 = key.asymmetricKeyType === 'ed25519';
  if (!ed25519 && key.asymmetricKeyType !== 'rsa') {
    throw new Error(`DKIM private key: expected RSA or Ed25519, got ${key.asymmetricKeyType}`);
  }
  const algorithm = ed25519 ? 'ed25519-sha256' : 'rsa-sha256';
  const signed = new Set<string>(DKIM_SIGNED_HEADERS);
  return {
    domain: options.domain,
    selector: options.selector,
    signHeader(headerLines, bodyHash, now = new Date()) {
      const names: string[] = [];
      let canonical = '';
      for (const line of headerLines) {
        const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
        if (!signed.has(name)) continue;
        names.push(name);
        canonical += canonicalizeHeaderRelaxed(line);
      }
      const tags =
        `v=1; a=${algorithm}; c=relaxed/relaxed; d=${options.domain}; s=${options.selector};\r\n` +
        ` t=${Math.floor(now.getTime() / 1000)}; h=${names.join(':')};\r\n bh=${bodyHash}; b=`;
      const header = `DKIM-Signature: ${tags}`;
      const data = Buffer.from(canonical + canonicalizeHeaderRelaxed(header).slice(0, -2), 'latin1');
      // ed25519-sha256 signs the SHA-256 digest of the canonical headers (RFC 8463 § 3)
      const signature = ed25519
        ? sign(null, sha256(data), key).toString('base64')
        : sign('sha256', data, key).toString('base64');
      return `${header}${signature}\r\n`;
    },
  };
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
