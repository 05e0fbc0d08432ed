import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CliConfig } from '../config';
import type { Messages } from '../i18n/messages';
import type { CheckResult } from './check-result';

/** The DNS record a DKIM key needs: name and TXT value. */
export interface DkimRecord {
  readonly name: string;
  readonly value: string;
}

/**
 * DKIM key sanity without DNS: all three settings present, the key is a readable private key,
 * RSA of at least 1,024 bits (2,048 recommended) or Ed25519, and a signature made with it verifies
 * with its public key. Returns the TXT record to publish.
 */
export async function checkDkim(
  dkim: CliConfig['dkim'],
  m: Messages,
): Promise<{ result: CheckResult; record?: DkimRecord }> {
  const base = { id: 'dkim.key', label: m.checkDkim };
  const keySource = dkim.privateKey ?? dkim.privateKeyFile;
  if (dkim.domain === undefined && dkim.selector === undefined && keySource === undefined) {
    return { result: { ...base, status: 'warn', detail: m.dkimNotConfigured, fix: m.fixDkim } };
  }
  if (dkim.domain === undefined || dkim.selector === undefined || keySource === undefined) {
    const missing = [
      dkim.domain === undefined ? 'DKIM_DOMAIN' : undefined,
      dkim.selector === undefined ? 'DKIM_SELECTOR' : undefined,
      keySource === undefined ? 'DKIM_PRIVATE_KEY / DKIM_PRIVATE_KEY_FILE' : undefined,
    ].filter((v) => v !== undefined);
    return { result: { ...base, status: 'fail', detail: `missing: ${missing.join(', ')}`, fix: m.fixDkim } };
  }
  let pem: string;
  try {
    pem = dkim.privateKey?.replace(/\\n/g, '\n') ?? (await readFile(dkim.privateKeyFile ?? '', 'utf8'));
  } catch (error) {
    return { result: { ...base, status: 'fail', detail: (error as Error).message, fix: m.fixDkim } };
  }
  try {
    const key = createPrivateKey(pem);
    const publicKey = createPublicKey(key);
    const type = key.asymmetricKeyType;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    const sample = Buffer.from('regiokit dkim check');
    const algorithm = type === 'ed25519' ? null : 'sha256';
    if (!verify(algorithm, sample, publicKey, sign(algorithm, sample, key))) {
      return { result: { ...base, status: 'fail', detail: 'signature does not verify', fix: m.fixDkim } };
    }
    const record = {
      name: `${dkim.selector}._domainkey.${dkim.domain}`,
      value: `v=DKIM1; k=${type === 'ed25519' ? 'ed25519' : 'rsa'}; p=${dkimPublicKey(publicKey, type)}`,
    };
    if (type === 'rsa') {
      const size = bits ?? 0;
      const status = size < 1024 ? 'fail' : size < 2048 ? 'warn' : 'ok';
      return {
        result: {
          ...base,
          status,
          detail: `RSA ${size} bit, ${record.name}`,
          ...(status === 'ok' ? {} : { fix: m.fixDkim }),
        },
        record,
      };
    }
    if (type === 'ed25519')
      return { result: { ...base, status: 'ok', detail: `Ed25519, ${record.name}` }, record };
    return {
      result: { ...base, status: 'fail', detail: `unsupported key type ${type ?? '?'}`, fix: m.fixDkim },
    };
  } catch (error) {
    return { result: { ...base, status: 'fail', detail: (error as Error).message, fix: m.fixDkim } };
  }
}

/** `p=` of the DKIM record: the SPKI DER for RSA, the raw 32-byte key for Ed25519 (RFC 8463). */
function dkimPublicKey(publicKey: ReturnType<typeof createPublicKey>, type: string | undefined): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return (type === 'ed25519' ? der.subarray(der.length - 32) : der).toString('base64');
}
