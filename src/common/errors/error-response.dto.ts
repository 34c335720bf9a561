import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ErrorCode } from './error-code';
import { httpStatusOf } from './error-status';

export class ErrorResponseDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.PermissionDenied })
  code!: ErrorCode;

  @ApiProperty({ example: 'The resource does not exist or you do not have permission to access it.' })
  message!: string;
}

export interface ErrorExample {
  code: ErrorCode;
  message: string;
  summary: string;
}

/** Documents the error answers of a route, grouped by HTTP status, each with a named example. */
export function ApiErrors(...examples: ErrorExample[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorExample[]>();
  for (const example of examples) {
    const status = httpStatusOf(example.code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), example]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        description: list.map((e) => `\`${e.code}\`: ${e.summary}`).join('; '),
        type: ErrorResponseDto,
        examples: Object.fromEntries(
          list.map((e) => [e.code, { summary: e.summary, value: { code: e.code, message: e.message } }]),
        ),
      }),
    ),
  );
}

/** The error examples several routes share. */
export const BAD_TOKEN: ErrorExample = {
  code: ErrorCode.BadCredentials,
  message: 'Missing access token: send the header "Authorization: Bearer <access_token>".',
  summary: 'Missing, invalid or expired token, or unknown or deactivated user',
};

export const NOT_MANAGEABLE: ErrorExample = {
  code: ErrorCode.PermissionDenied,
  message: 'The resource does not exist or you do not have permission to access it.',
  summary: 'No such resource, or its lead is not manageable by the caller',
};

export function INVALID_ID(name: string): ErrorExample {
  return {
    code: ErrorCode.InvalidParameter,
    message: `${name} must be a decimal integer from 1 to 9223372036854775807.`,
    summary: `${name} is not a positive int64`,
  };
}
