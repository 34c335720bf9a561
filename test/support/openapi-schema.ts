/** The part of an OpenAPI 3.0 schema object the document uses. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  pattern?: string;
  nullable?: boolean;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
}

/**
 * Where a value breaks a schema of the document, one line each (none when it conforms): a required key missing, a
 * key the schema does not declare, a wrong type, a value outside its enum or pattern. An integer may be a bigint
 * (a lossless parse of an id above 2^53). Enough of JSON Schema for the document's own schemas, no more.
 */
export function schemaViolations(
  schemas: Record<string, SchemaObject>,
  schema: SchemaObject,
  value: unknown,
  at = '$',
): string[] {
  if (schema.$ref !== undefined) {
    return schemaViolations(schemas, schemas[schema.$ref.replace('#/components/schemas/', '')], value, at);
  }
  if (schema.allOf !== undefined) return schema.allOf.flatMap((part) => schemaViolations(schemas, part, value, at));
  if (schema.oneOf !== undefined) {
    const matching = schema.oneOf.filter((part) => schemaViolations(schemas, part, value, at).length === 0);
    return matching.length === 1 ? [] : [`${at}: matches ${matching.length} of oneOf`];
  }
  if (value === null) return schema.nullable === true ? [] : [`${at}: null`];
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} not in the enum`];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      return [
        ...(schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`),
        ...Object.keys(record)
          .filter((key) => !(key in properties))
          .map((key) => `${at}.${key}: not in the schema`),
        ...Object.entries(properties)
          .filter(([key]) => key in record)
          .flatMap(([key, property]) => schemaViolations(schemas, property, record[key], `${at}.${key}`)),
      ];
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, index) => schemaViolations(schemas, schema.items ?? {}, item, `${at}[${index}]`));
    case 'integer':
      return typeof value === 'bigint' || Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      return schema.pattern === undefined || new RegExp(schema.pattern).test(value)
        ? []
        : [`${at}: does not match ${schema.pattern}`];
    default:
      return [];
  }
}
