import { type ArgumentMetadata, type Type, type ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

/**
 * Request DTO validation whose failures are `{code, message}` naming the field: MISSING_PARAMETER for an
 * absent required field, PARAMETER_TOO_LONG past a maximum length, the code a constraint names in its
 * context (`{ context: { code } }`), INVALID_PARAMETER otherwise. Unknown fields are dropped.
 *
 * A body or a query reaches class-transformer and class-validator with the DTO's own fields only: the others are
 * never looked at. Their whitelisting walks every key of the value, and class-transformer removes duplicate keys
 * with an indexOf per key, which made a body of 100,000 unknown keys cost seconds.
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      transform: true,
      stopAtFirstError: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => toAppError(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if ((type === 'body' || type === 'query') && metatype !== undefined && metatype !== Object) {
      const fields = type === 'body' ? requireJsonObject(value) : (value as Record<string, unknown>);
      if (type === 'body') refuseUndeclaredFields(fields, metatype);
      return super.transform(declaredFieldsOf(fields, metatype), metadata);
    }
    return super.transform(value, metadata);
  }
}

const declaredFields = new Map<Type, readonly string[]>();

/** The fields the DTO class declares (has a validation rule for). */
function declaredNames(dto: Type): readonly string[] {
  let names = declaredFields.get(dto);
  if (names === undefined) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
    names = [...new Set(rules.map((rule) => rule.propertyName))];
    declaredFields.set(dto, names);
  }
  return names;
}

/** A new object with the fields of `value` that the DTO class declares. */
function declaredFieldsOf(value: Record<string, unknown>, dto: Type): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of declaredNames(dto)) if (Object.hasOwn(value, name)) fields[name] = value[name];
  return fields;
}

const UNDECLARED_REFUSAL = Symbol('validation:undeclaredFieldRefusal');

/**
 * A body DTO whose undeclared fields are refused rather than dropped: the first one (in the body's order) is a 400
 * INVALID_PARAMETER with the message `refusal(field)`. For a write where a field that is silently ignored would
 * look like a change made (an edit of a read-only field).
 */
export function RefusesUndeclaredFields(refusal: (field: string) => string): ClassDecorator {
  return (target) => Reflect.defineMetadata(UNDECLARED_REFUSAL, refusal, target);
}

function refuseUndeclaredFields(value: Record<string, unknown>, dto: Type): void {
  const refusal = Reflect.getMetadata(UNDECLARED_REFUSAL, dto) as ((field: string) => string) | undefined;
  if (refusal === undefined) return;
  const names = declaredNames(dto);
  for (const field of Object.keys(value)) {
    if (!names.includes(field)) throw new AppError(ErrorCode.InvalidParameter, refusal(field));
  }
}

/** A request body that is a JSON object, or the error that says what it is instead. */
export function requireJsonObject(body: unknown): Record<string, unknown> {
  if (body === undefined) {
    throw new AppError(ErrorCode.MissingParameter, 'A JSON body is required (Content-Type: application/json).');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError(ErrorCode.InvalidParameter, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

export function createValidationPipe(): AppValidationPipe {
  return new AppValidationPipe();
}

function toAppError(errors: ValidationError[]): AppError {
  const [path, error] = firstLeaf(errors[0], '');
  const [constraint, message] = Object.entries(error.constraints ?? {})[0] ?? ['invalid', `${path} is invalid`];
  const named = (error.contexts?.[constraint] as { code?: ErrorCode } | undefined)?.code;
  const code =
    named ??
    (constraint === 'isDefined'
      ? ErrorCode.MissingParameter
      : constraint === 'maxLength'
        ? ErrorCode.ParameterTooLong
        : ErrorCode.InvalidParameter);
  const text = message.replace(/^\w+(?=\s)/, path);
  return new AppError(code, text.endsWith('.') ? text : `${text}.`);
}

function firstLeaf(error: ValidationError, prefix: string): [string, ValidationError] {
  const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
  return error.children && error.children.length > 0 && !error.constraints
    ? firstLeaf(error.children[0], path)
    : [path, error];
}
