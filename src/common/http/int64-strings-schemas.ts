import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { INT64_STRING_MEDIA_TYPE } from './int64-representation';

type Schema = SchemaObject | ReferenceObject;

/** A string of decimal digits: how an int64 is written in the second representation. */
export const INT64_STRING_PATTERN = '^-?[0-9]+$';

/** The name of the twin of a component schema, whose int64 values are strings. */
export const int64StringsName = (name: string): string => `${name}Int64String`;

const SCHEMA_REF = '#/components/schemas/';

/** The part of an operation this reads: its answers, and the requests of its callbacks. */
interface Operation {
  responses?: Record<string, Body>;
  callbacks?: Record<string, Record<string, Record<string, Operation>>>;
  requestBody?: Body;
}

interface Body {
  content?: Record<string, { schema?: Schema }>;
}

/**
 * Describes the second representation (see int64-representation.ts): every success answer whose schema holds an
 * int64 gets, beside `application/json`, the media type `application/json; int64=string` with the twin of its
 * schema, where each `integer`/`int64` is a string of digits; so does the body of each webhook callback, which a
 * subscription made with `int64: "string"` receives so. The twins of component schemas are added to the components
 * (`CallResponseDto` has `CallResponseDtoInt64String`), made once however many answers use them. A client generator
 * reads both; one that picks the media type (openapi-fetch's second type parameter) gets ids typed as strings. Error
 * answers hold no int64, so their one schema describes both; request bodies are left as they are (the service reads
 * an int64 given either way).
 */
export function describeInt64Strings(document: OpenAPIObject): void {
  const twins = new Twins(document.components?.schemas ?? {});
  const describe = (body: Body | undefined): void => {
    const json = body?.content?.['application/json'];
    if (body === undefined || json?.schema === undefined || !twins.holdsInt64(json.schema)) return;
    body.content = { ...body.content, [INT64_STRING_MEDIA_TYPE]: { schema: twins.of(json.schema) } };
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem as Record<string, Operation>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith('2')) describe(response);
      }
      for (const expressions of Object.values(operation.callbacks ?? {})) {
        for (const callbackItem of Object.values(expressions)) {
          for (const callback of Object.values(callbackItem)) describe(callback.requestBody);
        }
      }
    }
  }
}

class Twins {
  private readonly holding = new Map<string, boolean>();

  constructor(private readonly schemas: Record<string, Schema>) {}

  /** Whether the schema holds an int64 anywhere, through its references too. */
  holdsInt64(schema: Schema, seen: ReadonlySet<string> = new Set()): boolean {
    if ('$ref' in schema) {
      const name = schema.$ref.slice(SCHEMA_REF.length);
      if (seen.has(name)) return false;
      let holds = this.holding.get(name);
      if (holds === undefined) {
        holds = this.holdsInt64(this.component(name), new Set([...seen, name]));
        this.holding.set(name, holds);
      }
      return holds;
    }
    if (isInt64(schema)) return true;
    return parts(schema).some((part) => this.holdsInt64(part, seen));
  }

  /** The schema with its int64 values as strings: itself when it holds none. */
  of(schema: Schema): Schema {
    if (!this.holdsInt64(schema)) return schema;
    if ('$ref' in schema) {
      const name = schema.$ref.slice(SCHEMA_REF.length);
      const twin = int64StringsName(name);
      if (this.schemas[twin] === undefined) {
        // Named before it is written, so that a schema that refers to itself refers to its twin.
        this.schemas[twin] = {};
        const original = this.component(name) as SchemaObject;
        this.schemas[twin] = {
          ...this.of(original),
          description: `${name} with its int64 values as strings of digits, as answered to \`Accept: ${INT64_STRING_MEDIA_TYPE}\`.`,
        };
      }
      return { $ref: `${SCHEMA_REF}${twin}` };
    }
    if (isInt64(schema)) return int64AsString(schema);
    const twin: SchemaObject = { ...schema };
    if (schema.properties !== undefined) {
      twin.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, this.of(value)]),
      );
    }
    if (schema.items !== undefined) twin.items = this.of(schema.items);
    if (typeof schema.additionalProperties === 'object')
      twin.additionalProperties = this.of(schema.additionalProperties);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = schema[key];
      if (list !== undefined) twin[key] = list.map((part) => this.of(part));
    }
    if (schema.example !== undefined) twin.example = exampleAsStrings(schema.example as unknown, schema);
    return twin;
  }

  private component(name: string): Schema {
    const schema = this.schemas[name];
    if (schema === undefined) throw new Error(`The OpenAPI document refers to ${name}, which it does not have`);
    return schema;
  }
}

function isInt64(schema: SchemaObject): boolean {
  return schema.type === 'integer' && schema.format === 'int64';
}

/** The schemas inside a schema: its properties, items, additional properties and the parts of a composition. */
function parts(schema: SchemaObject): Schema[] {
  return [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items === undefined ? [] : [schema.items]),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.allOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
  ];
}

/** An int64 as a string: its description and example kept, its integer bounds and format dropped. */
function int64AsString(schema: SchemaObject): SchemaObject {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- what an integer has and a string has not
  const { type, format, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, ...kept } = schema;
  const twin: SchemaObject = { type: 'string', pattern: INT64_STRING_PATTERN, ...kept };
  if (schema.example !== undefined) twin.example = exampleAsStrings(schema.example as unknown, schema);
  return twin;
}

/** An example of an int64, or of a list of them, written as the second representation writes it. */
function exampleAsStrings(example: unknown, schema: SchemaObject): unknown {
  if (isInt64(schema) && (typeof example === 'number' || typeof example === 'bigint')) return String(example);
  if (Array.isArray(example) && schema.items !== undefined && !('$ref' in schema.items) && isInt64(schema.items)) {
    return example.map((item: unknown) => (typeof item === 'number' ? String(item) : item));
  }
  return example;
}
