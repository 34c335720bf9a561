import { ErrorCode } from '../common/errors/error-code';
import type { RouteDoc } from '../common/http/route-doc.decorator';
import { NOT_READY_DATABASE } from './health.errors';

export const LIVENESS: RouteDoc = {
  operationId: 'getLiveness',
  summary: 'Liveness: the process is up and serving',
  description: 'It checks nothing else (touches neither auth nor the database): restart the process when it fails.',
  answers: {
    200: {
      description: 'Alive.',
      schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } },
      example: { status: 'ok' },
    },
  },
};

export const READINESS: RouteDoc = {
  operationId: 'getReadiness',
  summary: 'Readiness: the service can answer requests',
  description:
    'The database answers within 1 s and the service is not shutting down. Send traffic only when it is 200.',
  answers: {
    200: {
      description: 'Ready.',
      schema: {
        type: 'object',
        properties: {
          status: { type: 'string', example: 'ok' },
          info: { type: 'object', additionalProperties: { type: 'object' } },
          error: { type: 'object', additionalProperties: { type: 'object' } },
          details: { type: 'object', additionalProperties: { type: 'object' } },
        },
      },
      example: {
        status: 'ok',
        info: { database: { status: 'up', responseTime: 2 } },
        error: {},
        details: { database: { status: 'up', responseTime: 2 } },
      },
    },
  },
  errors: [
    {
      code: ErrorCode.ServiceUnavailable,
      message: NOT_READY_DATABASE,
      summary: 'The database does not answer within 1 s, or the service is shutting down',
    },
  ],
};
