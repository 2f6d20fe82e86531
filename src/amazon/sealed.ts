// Credentials at rest: AES-256-GCM under RECLAIM_SECRET_KEY. Each value is bound to its account and field (the
// additional authenticated data), so a sealed value copied into another row or column does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * A stored credential that does not open: altered, or sealed under another RECLAIM_SECRET_KEY. Thrown, not returned:
 * it is the process's configuration (or tampering), not the seller's input, and like the cipher's own failure it
 * stops the caller; the sync catches it where it opens the credentials and closes the run with its message.
 */
export class SealError extends Error {}

/** A short name of the key (not the key): a value sealed under another key says so instead of failing obscurely. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyIdOf(key), iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function unseal(key: Buffer, sealed: string, context: string): string {
  const [version, keyId, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || body === undefined) throw new SealError('the stored credential is not a sealed value');
  if (keyId !== keyIdOf(key)) {
    throw new SealError(
      `the stored credentials were sealed under another RECLAIM_SECRET_KEY (key ${keyId}, this one is ${keyIdOf(key)}): ` +
        'set the key they were sealed with, or connect the account again',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv as string, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag as string, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('a stored credential does not open: it was altered, or belongs to another account');
  }
}
