import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
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
  type CallbacksObject,
  type ExamplesObject,
  getSchemaPath,
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
  /** The requests the service sends because of this route (a subscription's webhook callbacks), by name. */
  callbacks?: Record<string, CallbackDoc>;
}

/**
 * A request the service sends to the client, documented as an OpenAPI callback of the route that sets it up: where
 * it goes, its headers, its body (a named schema, so that generators make its type) and what the receiver answers.
 */
export interface CallbackDoc {
  /** A runtime expression for the URL it is sent to, such as `{$request.body#/callbackUrl}`. */
  url: string;
  operationId: string;
  summary: string;
  description: string;
  /** The request headers it always carries. */
  headers: { name: string; description: string; schema: Record<string, unknown> }[];
  body: { type: Type; examples: ExamplesObject };
  /** What the receiver answers, by status or range (`2XX`, `default`). */
  answers: Record<string, { description: string }>;
}

/**
 * Documents a route by its {@link RouteDoc}; `operation` adds what its route kind says of every route of the kind
 * (`security: []` for a route called without a token).
 */
export function ApiRoute(doc: RouteDoc, operation: Partial<OperationObject> = {}): MethodDecorator {
  const callbacks = Object.values(doc.callbacks ?? {});
  return applyDecorators(
    ApiOperation({
      operationId: doc.operationId,
      summary: doc.summary,
      description: doc.description,
      ...(doc.callbacks === undefined ? {} : { callbacks: callbacksObject(doc.callbacks) }),
      ...operation,
    }),
    ...(callbacks.length === 0 ? [] : [ApiExtraModels(...callbacks.map((callback) => callback.body.type))]),
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

/**
 * The OpenAPI callbacks of a route. @nestjs/swagger's `ApiCallbacks` writes neither headers, nor examples, nor more
 * than one answer; the operation's own `callbacks` field takes the whole object.
 */
function callbacksObject(callbacks: Record<string, CallbackDoc>): CallbacksObject {
  return Object.fromEntries(
    Object.entries(callbacks).map(([name, callback]) => [
      name,
      {
        [callback.url]: {
          post: {
            operationId: callback.operationId,
            summary: callback.summary,
            description: callback.description,
            // Authenticated by its signature, not by a scheme of the document.
            security: [],
            parameters: callback.headers.map((header) => ({ in: 'header', required: true, ...header })),
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { $ref: getSchemaPath(callback.body.type) },
                  examples: callback.body.examples,
                },
              },
            },
            responses: callback.answers,
          },
        },
      },
    ]),
  );
}
