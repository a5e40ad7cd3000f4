/**
 * The delay before the next attempt after `attemptsMade` failed attempts of a round, with ±20 %
 * jitter (so endpoints that failed together are not retried together); null when the schedule is
 * exhausted and the delivery has FAILED.
 */
export function retryDelayMs(attemptsMade: number, delaysMs: readonly number[], random: () => number = Math.random): number | null {
  const base = delaysMs[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function shouldDisable(failingSince: Date | null, now: Date, disableAfterMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}
