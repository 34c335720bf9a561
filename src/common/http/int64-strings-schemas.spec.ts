import type { OpenAPIObject } from '@nestjs/swagger';
import { describeInt64Strings } from './int64-strings-schemas';

const int64 = (example?: number) => ({ type: 'integer', format: 'int64', minimum: 1, ...(example && { example }) });
const json = (schema: object) => ({ content: { 'application/json': { schema, example: {} } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/calls/{id}': {
        get: {
          responses: {
            '200': { description: 'a call', ...json(ref('Call')) },
            '400': { description: 'an error', ...json(ref('Error')) },
          },
        },
        parameters: [],
      },
      '/pages': {
        post: {
          requestBody: { content: { 'application/json': { schema: ref('Call') } } },
          responses: { '201': { description: 'a page', ...json(ref('Page')) } },
        },
      },
      '/health': { get: { responses: { '200': { description: 'ok', ...json(ref('Health')) } } } },
      '/hooks': {
        post: {
          responses: { '200': { description: 'subscribed', ...json(ref('Health')) } },
          callbacks: {
            events: { '{$request.body#/url}': { post: { requestBody: json(ref('Call')), responses: {} } } },
            ping: { '{$request.body#/url}': { post: { requestBody: json(ref('Health')), responses: {} } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Call: {
          type: 'object',
          properties: { id: int64(563172647619608), duration: { type: 'integer', format: 'int32' }, note: {} },
        },
        Error: { type: 'object', properties: { code: { type: 'string' } } },
        Health: { type: 'object', properties: { status: { type: 'string' } } },
        Page: {
          type: 'object',
          properties: {
            entries: { type: 'array', items: { oneOf: [ref('Call'), ref('Health')] } },
            denied: { type: 'array', items: int64(), example: [1, 2] },
            next: ref('Page'),
          },
        },
      },
    },
  };
}

describe('the int64-as-strings representation in the OpenAPI document', () => {
  const described = () => {
    const doc = document();
    describeInt64Strings(doc);
    return doc as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
  };

  it('gives a success answer holding an int64 a second media type, its schema the twin with strings', () => {
    const doc = described();
    expect(Object.keys(doc.paths['/calls/{id}'].get.responses['200'].content)).toEqual([
      'application/json',
      'application/json; int64=string',
    ]);
    expect(doc.paths['/calls/{id}'].get.responses['200'].content['application/json; int64=string']).toEqual({
      schema: ref('CallInt64String'),
    });
    expect(doc.components.schemas.CallInt64String).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^-?[0-9]+$', example: '563172647619608' },
        duration: { type: 'integer', format: 'int32' },
        note: {},
      },
      description:
        'Call with its int64 values as strings of digits, as answered to `Accept: application/json; int64=string`.',
    });
  });

  it('gives the body of a callback holding an int64 the second media type too', () => {
    const doc = described() as unknown as {
      paths: Record<string, { post: { callbacks: Record<string, Record<string, { post: { requestBody: object } }>> } }>;
    };
    const body = (name: string) => doc.paths['/hooks'].post.callbacks[name]['{$request.body#/url}'].post.requestBody;
    expect(body('events')).toEqual({
      content: {
        'application/json': { schema: ref('Call'), example: {} },
        'application/json; int64=string': { schema: ref('CallInt64String') },
      },
    });
    expect(Object.keys((body('ping') as { content: object }).content)).toEqual(['application/json']);
  });

  it('leaves errors, answers without an int64 and request bodies as they are', () => {
    const doc = described();
    expect(Object.keys(doc.paths['/calls/{id}'].get.responses['400'].content)).toEqual(['application/json']);
    expect(Object.keys(doc.paths['/health'].get.responses['200'].content)).toEqual(['application/json']);
    expect(doc.components.schemas.Health).toEqual(document().components?.schemas?.Health);
    expect(doc.components.schemas.Call).toEqual(document().components?.schemas?.Call);
    expect(doc.components.schemas.HealthInt64String).toBeUndefined();
  });

  it('follows references, lists, compositions and a schema that refers to itself, making each twin once', () => {
    const doc = described();
    expect(doc.components.schemas.PageInt64String.properties).toEqual({
      entries: { type: 'array', items: { oneOf: [ref('CallInt64String'), ref('Health')] } },
      denied: { type: 'array', items: { type: 'string', pattern: '^-?[0-9]+$' }, example: ['1', '2'] },
      next: ref('PageInt64String'),
    });
    expect(Object.keys(doc.components.schemas).filter((name) => name.endsWith('Int64String'))).toEqual([
      'CallInt64String',
      'PageInt64String',
    ]);
  });
});
