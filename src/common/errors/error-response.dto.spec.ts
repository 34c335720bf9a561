import { DECORATORS } from '@nestjs/swagger';
import { ApiErrors, type ErrorExample } from './error-response.dto';
import { ErrorCode } from './error-code';

const MISSING: ErrorExample = { code: ErrorCode.MissingParameter, message: 'a is required.', summary: 'No a' };
const DENIED: ErrorExample = { code: ErrorCode.PermissionDenied, message: 'No.', summary: 'Not yours' };
const REUSED: ErrorExample = { code: ErrorCode.IdempotencyKeyReused, message: 'Reused.', summary: 'Key reused' };

function responsesOf(...decorators: MethodDecorator[]): Record<string, { description: string; examples: object }> {
  class Controller {
    handler(): void {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Controller.prototype, 'handler')!;
  for (const decorator of [...decorators].reverse()) decorator(Controller.prototype, 'handler', descriptor);
  return Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value as object) as Record<
    string,
    { description: string; examples: object }
  >;
}

describe('ApiErrors', () => {
  it('groups the examples by status, each under its code', () => {
    const responses = responsesOf(ApiErrors(MISSING, DENIED, REUSED));
    expect(Object.keys(responses)).toEqual(['400', '409']);
    expect(responses[400].description).toBe('`MISSING_PARAMETER`: No a; `PERMISSION_DENIED`: Not yours');
    expect(responses[400].examples).toEqual({
      MISSING_PARAMETER: { summary: 'No a', value: { code: 'MISSING_PARAMETER', message: 'a is required.' } },
      PERMISSION_DENIED: { summary: 'Not yours', value: { code: 'PERMISSION_DENIED', message: 'No.' } },
    });
  });

  it('adds up the examples of several decorators on one route as if they were given at once', () => {
    expect(responsesOf(ApiErrors(REUSED), ApiErrors(MISSING), ApiErrors(DENIED))).toEqual(
      responsesOf(ApiErrors(DENIED, MISSING, REUSED)),
    );
  });
});
