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
  type OperationObject,
} from '@nestjs/swagger';
import { ApiErrors, type ErrorExample } from '../errors/error-response.dto';

/** A success answer; its description is what a reader of the reference and a generated client see first. */
export type Answer = ApiResponseNoStatusOptions & { description: string };

/**
 * The reference of one route: its operationId, what it does, its path parameters, its body when the DTO alone
 * does not say it, its answers and the errors of its own (a route kind adds the ones every route of its kind
 * gives). Each module keeps these beside its DTOs (`x.openapi.ts`), so that a controller reads as routing.
 */
export interface RouteDoc {
  /**
   * The name generated clients give the operation: a short verb phrase in lower camel case (`getCall`,
   * `listLeadCalls`), unique in the API, and stable: renaming it breaks every client generated before.
   */
  operationId: string;
  summary: string;
  description: string;
  params?: ApiParamOptions[];
  /** The request headers of its own (a conditional request's `If-None-Match`, `If-Match`). */
  headers?: ApiHeaderOptions[];
  consumes?: string[];
  body?: ApiBodyOptions;
  /** The success answers, by status. */
  answers: { 200?: Answer; 201?: Answer; 304?: Answer };
  errors?: ErrorExample[];
}

/**
 * Documents a route by its {@link RouteDoc}; `operation` adds what its route kind says of every route of the kind
 * (`security: []` for a route called without a token).
 */
export function ApiRoute(doc: RouteDoc, operation: Partial<OperationObject> = {}): MethodDecorator {
  return applyDecorators(
    ApiOperation({ operationId: doc.operationId, summary: doc.summary, description: doc.description, ...operation }),
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
