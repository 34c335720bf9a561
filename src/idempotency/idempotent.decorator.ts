import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { defaultMessage, ErrorCode } from '../common/errors/error-code';
import { ApiErrors, type ErrorExample } from '../common/errors/error-response.dto';
import { ApiAnswerHeaders } from '../common/http/answer-headers';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** The error answers that an Idempotency-Key adds to a route. */
const IDEMPOTENCY_ERRORS: ErrorExample[] = [
  {
    code: ErrorCode.IdempotencyKeyInvalid,
    message: defaultMessage(ErrorCode.IdempotencyKeyInvalid),
    summary: 'An Idempotency-Key that is empty, too long or not visible ASCII',
  },
  {
    code: ErrorCode.IdempotencyKeyReused,
    message: defaultMessage(ErrorCode.IdempotencyKeyReused),
    summary: 'The Idempotency-Key was sent before with another body or on another route',
  },
];

/** The route takes an Idempotency-Key, and answers its refusals; a replayed success says so. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiErrors(...IDEMPOTENCY_ERRORS),
    ApiAnswerHeaders({
      name: REPLAYED_HEADER,
      header: {
        description:
          '`true` on the stored answer of an earlier request with the same Idempotency-Key (nothing was executed ' +
          'again); absent on an answer of this request.',
        required: false,
        schema: { type: 'string', enum: ['true'] },
      },
      on: (status) => status >= 200 && status < 300,
    }),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Makes retries safe. Send a new unique value (a UUID, say) with each new request, and the same value with ' +
        'every retry of it. Within 24 h a retry with the same key and the same body is not executed again: it gets ' +
        'the answer of the request that wrote (the same status, body and Location), with ' +
        `\`${REPLAYED_HEADER}: true\`, also when that answer never reached you (a 503, a broken connection). The ` +
        'same key with another body or on another route is refused with 409 IDEMPOTENCY_KEY_REUSED. Keys are per ' +
        'caller. An error answer is not stored: correct the request and send it with the same key.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
      example: '5f0c9a52-1d0b-4f1e-9a65-0d6a1c3b7e21',
    }),
  );
}
