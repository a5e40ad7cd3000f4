import { createRequire } from 'node:module';
import type { dictionary as Dictionary } from '@zxcvbn-ts/language-common';
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

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | null = null;

/** Loaded at the first check, not at start-up: decompressing the list takes a few hundred ms. */
function commonPasswords(): string[] {
  const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: typeof Dictionary };
  return dictionary['passwords-common'];
}

/**
 * Why a new password is refused, or null when it is acceptable: at least 10 characters once
 * surrounding spaces are set aside, and not one of the ~30,000 most common passwords (zxcvbn-ts's
 * list, shipped in the package: no network). Compared case-insensitively, spaces trimmed.
 */
export function passwordProblem(password: string): string | null {
  const meaningful = password.trim();
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (meaningful.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters besides surrounding spaces.`;
  common ??= new Set(commonPasswords().map((word) => word.toLowerCase()));
  if (common.has(meaningful.toLowerCase())) return 'This password is one of the most common ones; choose another.';
  return null;
}
