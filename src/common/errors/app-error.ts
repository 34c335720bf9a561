import { defaultMessage, type ErrorCode } from './error-code';

/**
 * A failure the client is told about: a code from {@link ErrorCode} and a message safe to show.
 * Services throw it; the exception filter turns it into `{code, message}` with the code's HTTP status.
 *
 * It is a refusal, not a fault, and nothing reads its stack: it is created without one, which makes a
 * refused request as cheap as an answered one (capturing a stack deep in Nest's pipeline costs more than
 * the rest of building the error).
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  /**
   * @param headers of the answer: a `WWW-Authenticate` challenge other than `Bearer` on a 401 (the token
   *   endpoint answers a client that sent HTTP Basic credentials with `Basic`), `Retry-After` on a 429.
   * @param members of the answer's body beside `code` and `message` (the token endpoint's OAuth `error`, where
   *   the code alone does not tell it).
   */
  constructor(
    code: ErrorCode,
    message: string = defaultMessage(code),
    readonly headers: Readonly<Record<string, string>> = {},
    readonly members: Readonly<Record<string, string>> = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.code = code;
  }
}
