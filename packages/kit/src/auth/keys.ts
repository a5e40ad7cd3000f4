import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlatformConfig } from '../config.js';

export interface TokenKeys {
  /** Only Accounts signs; other services hold the public half alone. */
  signingKey: KeyObject | null;
  verifyKey: KeyObject;
}

type KeySources = Pick<
  PlatformConfig,
  'jwtPrivateKey' | 'jwtPrivateKeyFile' | 'jwtPublicKey' | 'jwtPublicKeyFile' | 'dataDir'
>;

/**
 * The Ed25519 key pair of the platform's tokens: from `JWT_PRIVATE_KEY`/`JWT_PRIVATE_KEY_FILE`
 * (and `JWT_PUBLIC_KEY`/`JWT_PUBLIC_KEY_FILE` for services that only verify); with none of these,
 * the pair under `DATA_DIR/keys`, made on first start, so tokens survive restarts.
 */
export function loadTokenKeys(config: KeySources): TokenKeys {
  const privatePem = config.jwtPrivateKey ?? readOptional(config.jwtPrivateKeyFile);
  const publicPem = config.jwtPublicKey ?? readOptional(config.jwtPublicKeyFile);
  if (privatePem) {
    const signingKey = createPrivateKey(privatePem);
    return { signingKey, verifyKey: publicPem ? createPublicKey(publicPem) : createPublicKey(signingKey) };
  }
  if (publicPem) return { signingKey: null, verifyKey: createPublicKey(publicPem) };
  const pem = loadOrCreateSecretFile(join(config.dataDir, 'keys', 'token-signing-key.pem'), () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const signingKey = createPrivateKey(pem);
  return { signingKey, verifyKey: createPublicKey(signingKey) };
}

export function readOptional(path: string | null): string | null {
  return path ? readFileSync(path, 'utf8') : null;
}

/** A secret kept in `file`, made by `make` on first use (by whichever process gets there first). */
export function loadOrCreateSecretFile(file: string, make: () => string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const pem = make();
  // Written aside, then linked into place: link fails if another process got there first, and
  // a reader never sees a half-written file.
  // Random, not the pid: containers sharing the volume all run as pid 1.
  const temporary = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  writeFileSync(temporary, pem, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readFileSync(file, 'utf8');
}
