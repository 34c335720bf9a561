import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';
import { requiredMessage } from './errors/parameter-messages';
import { INT64_MAX, type Int64, parseInt64Value } from './int64';

export function invalidInt64Message(name: string): string {
  return `${name} must be a decimal integer from 1 to ${INT64_MAX}.`;
}

/**
 * The one reader of ids at the edge: a positive int64 in decimal digits (or, from a JSON body, an integer
 * number), returned as its canonical string. Absent: MISSING_PARAMETER; anything else: INVALID_PARAMETER,
 * naming the parameter. The guards that load lead-scoped resources read their ids with it too, through
 * {@link Int64IdPipe.parse}, since guards run before pipes.
 */
@Injectable()
export class Int64IdPipe implements PipeTransform<unknown, Int64> {
  static parse(value: unknown, name: string): Int64 {
    if (value === undefined || value === null || value === '') {
      throw new AppError(ErrorCode.MissingParameter, requiredMessage(name));
    }
    const id = parseInt64Value(value);
    if (id === null) {
      throw new AppError(ErrorCode.InvalidParameter, invalidInt64Message(name));
    }
    return id;
  }

  transform(value: unknown, metadata: ArgumentMetadata): Int64 {
    return Int64IdPipe.parse(value, metadata.data ?? 'id');
  }
}
