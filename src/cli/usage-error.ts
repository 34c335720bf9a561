import { AppError } from '../common/errors/app-error';

/** A command line that cannot be carried out as given: its message says why; the script exits with 2. */
export class UsageError extends Error {}

/** A service's refusal (an unknown user, a taken id) is, to a script, a command line that cannot be carried out. */
export function refusalAsUsageError(error: unknown): unknown {
  return error instanceof AppError ? new UsageError(error.message) : error;
}
