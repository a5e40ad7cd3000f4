import argon2 from 'argon2';

/**
 * argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane): memory-hard, and cheap enough that
 * sign-in stays fast. The parameters live in each hash, so raising them later re-hashes on sign-in.
 */
const options = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, options);
}

let decoy: Promise<string> | null = null;

/**
 * Verifies against a throwaway hash, so that "no such email" costs as much time as "wrong password"
 * and timing does not tell which one it was.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password never used');
  await verifyPassword(await decoy, password);
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
