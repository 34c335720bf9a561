import { defaultMessage, ErrorCode } from './error-code';

/**
 * A failure the client is told about: a code from {@link ErrorCode} and a message safe to show.
 * Services throw it; the exception filter turns it into `{code, message}` with the code's HTTP status.
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage(code),
  ) {
    super(message);
  }
}
