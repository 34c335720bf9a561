import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../../src/app.setup';
import { serializeOpenApi } from '../../src/cli/openapi';
import { CALLS, USERS } from '../support/demo';
import { createTestApp, TestApp } from '../support/test-app';

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('openapi.json is what the code produces (run `npm run openapi` after changing the API)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8');
    expect(serializeOpenApi(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('serves the document at /docs-json and the Swagger UI at /docs', async () => {
    const json = await t.http().get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(buildOpenApiDocument(t.app));
    const ui = await t.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  describe('Get Call', () => {
    type Schema = { properties: Record<string, Record<string, unknown>>; required: string[] };
    const doc = () =>
      buildOpenApiDocument(t.app) as unknown as {
        paths: Record<
          string,
          Record<
            string,
            {
              responses: Record<
                string,
                { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }
              >;
              security: unknown;
              parameters: { schema: unknown }[];
            }
          >
        >;
        components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
      };
    const operation = () => doc().paths['/v2.0/communication/call/{communicationId}'].get;

    it('documents every field of the 200 schema with type, int64 format, enum, description and example', () => {
      const schema = doc().components.schemas.CallResponseDto;
      expect(Object.keys(schema.properties)).toHaveLength(22);
      for (const field of ['id', 'dialerCallRecordId', 'userId', 'leadId', 'agentId']) {
        expect(schema.properties[field]).toMatchObject({ type: 'integer', format: 'int64' });
      }
      for (const property of Object.values(schema.properties)) {
        expect(property.description).toEqual(expect.any(String));
        expect(property.example).toBeDefined();
      }
      const statusRef = (schema.properties.status.allOf as { $ref: string }[])[0].$ref;
      expect(statusRef).toBe('#/components/schemas/CallStatus');
      expect(doc().components.schemas.CallStatus).toMatchObject({
        type: 'string',
        enum: ['Completed', 'Missed', 'Failed', 'Busy', 'NoAnswer', 'VoiceMail'],
      });
      expect(schema.required.sort()).toEqual(['agentId', 'createTime', 'id', 'leadId', 'updateTime', 'userId']);
    });

    it('documents the path parameter, the bearer scheme, the 400 and 401 answers', () => {
      const op = operation();
      expect(op.parameters[0].schema).toEqual({
        type: 'integer',
        format: 'int64',
        minimum: 1,
        example: 563172647619608,
      });
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(doc().components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const codes = Object.values(op.responses['400'].content['application/json'].examples).map(
        (e) => (e.value as { code: string }).code,
      );
      expect(codes.sort()).toEqual(['INVALID_PARAMETER', 'PERMISSION_DENIED']);
      expect(op.responses['401']).toBeDefined();
    });

    it('gives the source document example as the 200 example, as the service answers it', async () => {
      const example = operation().responses['200'].content['application/json'].examples.dialer.value;
      const res = await t
        .http()
        .get(`/v2.0/communication/call/${CALLS.dialer}`)
        .set('Authorization', `Bearer ${t.token(USERS.agent)}`);
      expect(res.text).toBe(JSON.stringify(example));
    });
  });
});
