import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  isEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { ErrorCode } from '../errors/error-code';
import {
  idListMessage,
  positiveIdMessage,
  requiredMessage,
  tooLongMessage,
  utcTimeMessage,
} from '../errors/parameter-messages';
import { parseInt64Value } from '../int64';
import { characterCount } from '../text';
import { isUtcDateTime } from '../utc-time';

/**
 * Field decorators of the request DTOs. Every one states its rule once, with a message that names the
 * field, for the validation pipe to report.
 */

export function Required(): PropertyDecorator {
  return IsDefined({ message: requiredMessage('$property') });
}

/** A required text that may not be empty: an empty one is reported as missing. */
export function RequiredText(): PropertyDecorator {
  return applyDecorators(
    Required(),
    IsNotEmpty({ message: requiredMessage('$property'), context: { code: ErrorCode.MissingParameter } }),
  );
}

/**
 * A string of at most `max` characters (PARAMETER_TOO_LONG past it), or no maximum. A lone surrogate (a
 * broken UTF-16 pair, which no database column takes) becomes U+FFFD. Characters are code points, as a
 * utf8mb4 VARCHAR counts them; class-validator's MaxLength does not count the variation selectors U+FE0E and
 * U+FE0F, so it let through texts that the MySQL column then refused.
 */
export function Text(max?: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toWellFormed() : value)),
    IsString({ message: '$property must be a string' }),
    ...(max === undefined ? [] : [MaxCharacters(max)]),
  );
}

/** At most `max` code points; reported as PARAMETER_TOO_LONG (the validation pipe maps `maxLength` to it). */
function MaxCharacters(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxLength',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && characterCount(value) <= max,
      defaultMessage: () => tooLongMessage('$property', max),
    },
  });
}

/**
 * A positive int64 id: a JSON integer (exact also above 2^53) or a string of decimal digits. The DTO
 * receives it as its canonical decimal string.
 */
export function Int64Id(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => parseInt64Value(value) ?? value),
    ValidateBy(
      {
        name: 'isInt64Id',
        validator: {
          validate: isCanonicalId,
          defaultMessage: () => positiveIdMessage('$property'),
        },
      },
      options,
    ),
  );
}

const isCanonicalId = (value: unknown): boolean => typeof value === 'string' && parseInt64Value(value) === value;

/**
 * A list of 1 to `max` positive int64 ids, each as {@link Int64Id} takes one; the DTO receives their canonical
 * decimal strings. The refusal names the field, or its first bad item by position (`ids[3]`).
 */
export function Int64IdList(max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((item: unknown) => parseInt64Value(item) ?? item) : value,
    ),
    ValidateBy({
      name: 'isInt64IdList',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length >= 1 && value.length <= max && value.every(isCanonicalId),
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          const at =
            Array.isArray(value) && value.length >= 1 && value.length <= max
              ? value.findIndex((item) => !isCanonicalId(item))
              : -1;
          return at === -1 ? idListMessage('$property', max) : positiveIdMessage(`$property[${at}]`);
        },
      },
    }),
  );
}

/** Digits with the usual separators, an optional leading +, at least three digits. */
const PHONE_NUMBER = /^\+?(?=(?:[^0-9]*[0-9]){3})[0-9 ().-]+$/;

/** The phone number rule of the API, which the administration CLI applies too. */
export function isPhoneNumber(value: unknown): value is string {
  return typeof value === 'string' && PHONE_NUMBER.test(value);
}

/** The email address rule of the API (class-validator's isEmail), which the administration CLI applies too. */
export function isEmailAddress(value: unknown): value is string {
  return isEmail(value);
}

/** A phone number by {@link isPhoneNumber}; its length is Text's to check. */
export function PhoneNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isPhoneNumber',
    validator: { validate: isPhoneNumber, defaultMessage: () => '$property must be a phone number' },
  });
}

/** An email address by {@link isEmailAddress}; its length is Text's to check. */
export function EmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isEmail',
    validator: { validate: isEmailAddress, defaultMessage: () => '$property must be an email address' },
  });
}

/** 9999-12-31 23:59:59 UTC: the latest time the API reads or writes. */
export const MAX_EPOCH_MILLIS = 253_402_300_799_000;

/** Up to 15 digits: {@link MAX_EPOCH_MILLIS} has 15, and no such text is past 2^53. */
const EPOCH_MILLIS_DIGITS = /^[0-9]{1,15}$/;

/**
 * A time as epoch milliseconds: a JSON integer from 0 to {@link MAX_EPOCH_MILLIS}, or a string of its digits, as
 * every int64 of a body may be (an answer asked with `int64=string` writes `asOf` so, and it is sent back as read).
 */
export function EpochMillis(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && EPOCH_MILLIS_DIGITS.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'isEpochMillis',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EPOCH_MILLIS,
        defaultMessage: () =>
          `$property must be a time in epoch milliseconds: an integer from 0 to ${MAX_EPOCH_MILLIS}.`,
      },
    }),
  );
}

/** A time written as `yyyy-MM-dd HH:mm:ss` in UTC, as the API answers times. */
export function UtcDateTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isUtcDateTime',
    validator: {
      validate: isUtcDateTime,
      defaultMessage: () => utcTimeMessage('$property'),
    },
  });
}

/**
 * Optional, and null counts as absent: the DTO receives undefined, so that no service has to tell null from
 * absent (`"price": null` reached `price.toFixed()`, `"firstName": null` counted as a name given).
 */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value === null ? undefined : value)),
    IsOptional(),
  );
}
