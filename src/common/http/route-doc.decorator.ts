import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  type ApiBodyOptions,
  ApiConsumes,
  ApiOperation,
  ApiParam,
  type ApiParamOptions,
  ApiCreatedResponse,
  ApiHeader,
  type ApiHeaderOptions,
  ApiOkResponse,
  ApiResponse,
  type ApiResponseNoStatusOptions,
} from '@nestjs/swagger';
import { ApiErrors, type ErrorExample } from '../errors/error-response.dto';

/**
 * The reference of one route: what it does, its path parameters, its body when the DTO alone does not say
 * it, its answers and the errors of its own (a route kind adds the ones every route of its kind gives).
 * Each module keeps these beside its DTOs (`x.openapi.ts`), so that a controller reads as routing.
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  params?: ApiParamOptions[];
  /** The request headers of its own (a conditional request's `If-None-Match`, `If-Match`). */
  headers?: ApiHeaderOptions[];
  consumes?: string[];
  body?: ApiBodyOptions;
  /** The success answers, by status. */
  answers: { 200?: ApiResponseNoStatusOptions; 201?: ApiResponseNoStatusOptions; 304?: ApiResponseNoStatusOptions };
  errors?: ErrorExample[];
}

/** Documents a route by its {@link RouteDoc}. */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: doc.summary, ...(doc.description === undefined ? {} : { description: doc.description }) }),
    ...(doc.params ?? []).map((param) => ApiParam(param)),
    ...(doc.headers ?? []).map((header) => ApiHeader(header)),
    ...(doc.consumes === undefined ? [] : [ApiConsumes(...doc.consumes)]),
    ...(doc.body === undefined ? [] : [ApiBody(doc.body)]),
    ...(doc.answers[200] === undefined ? [] : [ApiOkResponse(doc.answers[200])]),
    ...(doc.answers[201] === undefined ? [] : [ApiCreatedResponse(doc.answers[201])]),
    ...(doc.answers[304] === undefined ? [] : [ApiResponse({ ...doc.answers[304], status: 304 })]),
    ApiErrors(...(doc.errors ?? [])),
  );
}
