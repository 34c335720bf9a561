import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';

/** Request DTO validation whose failures name the field, as `{code, message}`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => toAppError(errors),
  });
}

function toAppError(errors: ValidationError[]): AppError {
  const [path, error] = firstLeaf(errors[0], '');
  const constraints = error.constraints ?? {};
  if ('isDefined' in constraints || ('isNotEmpty' in constraints && Object.keys(constraints).length === 1)) {
    return new AppError(ErrorCode.MissingParameter, `${path} is required.`);
  }
  const message = Object.values(constraints)[0] ?? 'is invalid';
  return new AppError(ErrorCode.InvalidParameter, message.startsWith(path) ? `${message}.` : `${path}: ${message}.`);
}

function firstLeaf(error: ValidationError, prefix: string): [string, ValidationError] {
  const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
  return error.children && error.children.length > 0 && !error.constraints
    ? firstLeaf(error.children[0], path)
    : [path, error];
}
