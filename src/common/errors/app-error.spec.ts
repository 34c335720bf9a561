import { AppError } from './app-error';
import { ErrorCode } from './error-code';

describe('AppError', () => {
  it('carries a code and the default message of the code', () => {
    const error = new AppError(ErrorCode.PermissionDenied);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toBe('The resource does not exist or you do not have permission to access it.');
  });

  it('captures no stack frames, and leaves the stack depth of other errors as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = new AppError(ErrorCode.InvalidParameter, 'id must be a number.');
    expect(error.stack).toBe('AppError: id must be a number.');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a fault').stack?.split('\n').length).toBeGreaterThan(1);
  });
});
