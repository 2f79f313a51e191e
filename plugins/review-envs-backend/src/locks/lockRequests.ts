import { InputError } from '@backstage/errors';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

const MAX_REASON_LENGTH = 500;

/** The reason of a claim or a place in the queue, trimmed; never blank. */
export function validReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new InputError('reason must not be empty');
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw new InputError(
      `reason must be at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return trimmed;
}

/** How long a hold asked for in minutes lasts, within the environment's limit. */
export function holdDurationMs(
  environment: SharedEnvironmentConfig,
  minutes: number | undefined,
): number {
  const { name, defaultDurationMs, maxDurationMs } = environment;
  if (minutes === undefined) return defaultDurationMs;
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new InputError(
      'durationMinutes must be a whole number of minutes, at least 1',
    );
  }
  if (minutes * 60_000 > maxDurationMs) {
    throw new InputError(
      `durationMinutes ${minutes} is over the limit of ${
        maxDurationMs / 60_000
      } for '${name}'`,
    );
  }
  return minutes * 60_000;
}
