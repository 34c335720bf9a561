import { DECORATORS, type HeaderObject, type ReferenceObject } from '@nestjs/swagger';

/**
 * The response headers that many answers carry, declared once in the document's `components.headers` and
 * referenced from each answer. A header is declared on an answer only when every such answer carries it: the
 * rate-limit headers, for one, are not declared on a 413 refused before the request was counted.
 */
export const ANSWER_HEADERS = {
  'X-Request-Id': {
    description:
      "The request's id: the X-Request-Id you sent when it is 1 to 128 letters, digits and `._:-`, a new UUID " +
      "otherwise. The service's log lines of the request carry it: quote it when reporting a problem.",
    required: true,
    schema: { type: 'string', example: '6f1f0f6e-3c2a-4d4b-9a37-2f0c1b7f8e21' },
  },
  'X-RateLimit-Limit': {
    description:
      "The requests the caller's bucket (its API client, its user, or its address without a valid token) takes a minute.",
    required: true,
    schema: { type: 'integer', example: 600 },
  },
  'X-RateLimit-Remaining': {
    description: 'The requests left in the current minute, this one counted.',
    required: true,
    schema: { type: 'integer', example: 599 },
  },
  'X-RateLimit-Reset': {
    description: 'When the current window ends and the count starts again, in epoch seconds (on the minute).',
    required: true,
    schema: { type: 'integer', format: 'int64', example: 1795640460 },
  },
  'Retry-After': {
    description: 'Seconds to wait before sending the request again (a 503: at least that long, then back off).',
    required: true,
    schema: { type: 'integer', example: 30 },
  },
} satisfies Record<string, HeaderObject>;

export type SharedHeader = keyof typeof ANSWER_HEADERS;

/** A header of the answers of a route: which one, and on which statuses. */
export interface AnswerHeader {
  name: string;
  /** A header of its own, or a reference to a shared one (see {@link sharedHeader}). */
  header: HeaderObject | ReferenceObject;
  on(status: number): boolean;
}

export function sharedHeader(name: SharedHeader, on: (status: number) => boolean): AnswerHeader {
  return { name, header: { $ref: `#/components/headers/${name}` }, on };
}

const ANSWER_HEADER_RULES = Symbol('answerHeaders');

type Responses = Record<string, { headers?: Record<string, HeaderObject | ReferenceObject> }>;

/**
 * Declares headers on the answers of a route, on those documented so far and, through {@link applyAnswerHeaders}
 * (which ApiErrors calls), on those documented later. A header an answer declares itself is kept.
 */
export function ApiAnswerHeaders(...headers: AnswerHeader[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const rules = (Reflect.getMetadata(ANSWER_HEADER_RULES, handler) as AnswerHeader[] | undefined) ?? [];
    Reflect.defineMetadata(ANSWER_HEADER_RULES, [...rules, ...headers], handler);
    applyAnswerHeaders(handler);
    return descriptor;
  };
}

/** Writes the headers declared with {@link ApiAnswerHeaders} into every answer of the handler documented so far. */
export function applyAnswerHeaders(handler: object): void {
  const rules = Reflect.getMetadata(ANSWER_HEADER_RULES, handler) as AnswerHeader[] | undefined;
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Responses | undefined;
  if (rules === undefined || responses === undefined) return;
  const updated: Responses = {};
  for (const [status, response] of Object.entries(responses)) {
    const headers = { ...response.headers };
    for (const rule of rules) {
      if (!(rule.name in headers) && rule.on(Number(status))) headers[rule.name] = rule.header;
    }
    updated[status] = Object.keys(headers).length === 0 ? response : { ...response, headers };
  }
  Reflect.defineMetadata(DECORATORS.API_RESPONSE, updated, handler);
}
