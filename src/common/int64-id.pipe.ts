import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';
import { INT64_MAX, Int64, parseInt64Id } from './int64';

export function invalidInt64Message(name: string): string {
  return `${name} must be a decimal integer from 1 to ${INT64_MAX}.`;
}

/** Validates a path or query id: a positive int64 in decimal digits, returned as a canonical string. */
@Injectable()
export class Int64IdPipe implements PipeTransform<unknown, Int64> {
  transform(value: unknown, metadata: ArgumentMetadata): Int64 {
    const id = parseInt64Id(value);
    if (id === null) {
      throw new AppError(ErrorCode.InvalidParameter, invalidInt64Message(metadata.data ?? 'id'));
    }
    return id;
  }
}
