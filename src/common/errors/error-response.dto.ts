import type { Type } from '@nestjs/common';
import { ApiProperty, ApiResponse, DECORATORS } from '@nestjs/swagger';
import { applyAnswerHeaders } from '../http/answer-headers';
import { invalidInt64Message } from '../int64-id.pipe';
import { defaultMessage, ErrorCode } from './error-code';
import { httpStatusOf } from './error-status';

export class ErrorResponseDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.PermissionDenied })
  code!: ErrorCode;

  @ApiProperty({ example: defaultMessage(ErrorCode.PermissionDenied) })
  message!: string;
}

/** A documented error answer: its code, the message the code's thrower writes, and what provokes it. */
export interface ErrorExample {
  code: ErrorCode;
  message: string;
  summary: string;
  /** The example's name, when the code alone does not tell it from another example of the route. */
  name?: string;
  /** The members of the body beside `code` and `message` (the token endpoint's OAuth error). */
  members?: Readonly<Record<string, string>>;
  /** The body's schema, when it has members beside those of {@link ErrorResponseDto}. */
  type?: Type<ErrorResponseDto>;
}

const ERROR_EXAMPLES = Symbol('errorExamples');

/** The error examples documented so far on a route's handler, in order. */
export function documentedErrors(handler: object): readonly ErrorExample[] {
  return (Reflect.getMetadata(ERROR_EXAMPLES, handler) as ErrorExample[] | undefined) ?? [];
}

/**
 * Documents error answers of a route, grouped by HTTP status, each with a named example. It may be applied
 * several times (a route kind, `@Idempotent()`, the route's own): the examples of a status add up, in the
 * order the decorators run (a stack of them runs bottom up), under one description. Swagger's own merge of two answers of a
 * status would join their descriptions with a blank line, so the answers of the statuses touched are
 * written anew from every example documented so far (with the headers declared for them, see ApiAnswerHeaders).
 */
export function ApiErrors(...examples: ErrorExample[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const documented = [...documentedErrors(handler)];
    documented.push(...examples);
    Reflect.defineMetadata(ERROR_EXAMPLES, documented, handler);

    const statuses = new Set(examples.map((example) => httpStatusOf(example.code)));
    const responses = {
      ...(Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Record<string, unknown> | undefined),
    };
    for (const status of statuses) delete responses[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, handler);

    for (const status of statuses) {
      const list = documented.filter((example) => httpStatusOf(example.code) === status);
      ApiResponse({
        status,
        description: list.map((e) => `\`${e.code}\`: ${e.summary}`).join('; '),
        type: list.find((e) => e.type !== undefined)?.type ?? ErrorResponseDto,
        examples: Object.fromEntries(
          list.map((e) => [
            e.name ?? e.code,
            { summary: e.summary, value: { code: e.code, message: e.message, ...e.members } },
          ]),
        ),
      })(target, key, descriptor);
    }
    applyAnswerHeaders(handler);
    return descriptor;
  };
}

/** The refusal of a lead-scoped resource, and of a resource of the caller's own: the same for "no such". */
export function notManageable(summary = 'No such resource, or its lead is not manageable by the caller'): ErrorExample {
  return { code: ErrorCode.PermissionDenied, message: defaultMessage(ErrorCode.PermissionDenied), summary };
}

/** The id pipe's refusal of a path or query id. */
export function invalidId(name: string): ErrorExample {
  return {
    code: ErrorCode.InvalidParameter,
    message: invalidInt64Message(name),
    summary: `${name} is not a positive int64`,
  };
}
