/**
 * The JSON-schema subset Chrome accepts for `storage.managed_schema`
 * (developer.chrome.com/docs/extensions/reference/manifest/storage): one `type` per schema,
 * properties, additionalProperties, patternProperties, items, enum, minimum, maximum,
 * pattern, required. `$ref` is not used by our schema and is refused here, so a future
 * use is noticed.
 */
export interface ManagedSchema {
  type: "object" | "array" | "string" | "integer" | "number" | "boolean";
  title?: string;
  description?: string;
  properties?: Record<string, ManagedSchema>;
  additionalProperties?: ManagedSchema;
  patternProperties?: Record<string, ManagedSchema>;
  required?: string[];
  items?: ManagedSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const TYPES = new Set(["object", "array", "string", "integer", "number", "boolean"]);
const KEYWORDS = new Set([
  "type",
  "title",
  "description",
  "properties",
  "additionalProperties",
  "patternProperties",
  "required",
  "items",
  "enum",
  "minimum",
  "maximum",
  "pattern",
]);

/** Problems of the schema itself under Chrome's rules (Chrome refuses to load the extension). */
export function checkManagedSchema(schema: unknown): string[] {
  const errors: string[] = [];
  if (!isRecord(schema) || schema.type !== "object")
    return ["$: the top-level schema must be of type object"];
  if ("additionalProperties" in schema)
    errors.push("$: the top level cannot have additionalProperties");
  walk(schema, "$");
  return errors;

  function walk(node: unknown, path: string): void {
    if (!isRecord(node)) return void errors.push(`${path}: not a schema object`);
    if (typeof node.type !== "string" || !TYPES.has(node.type))
      errors.push(`${path}: needs exactly one type`);
    for (const key of Object.keys(node))
      if (!KEYWORDS.has(key)) errors.push(`${path}: unsupported keyword ${key}`);
    if (isRecord(node.properties))
      for (const [k, v] of Object.entries(node.properties)) walk(v, `${path}.${k}`);
    if (isRecord(node.patternProperties))
      for (const [k, v] of Object.entries(node.patternProperties)) walk(v, `${path}[/${k}/]`);
    if (node.additionalProperties !== undefined) walk(node.additionalProperties, `${path}[*]`);
    if (node.items !== undefined) walk(node.items, `${path}[]`);
  }
}

/**
 * Checks a policy value the way Chrome does before publishing it in storage.managed, but
 * stricter: an undeclared key is an error (Chrome would silently drop it).
 */
export function validateManagedValue(schema: ManagedSchema, value: unknown, path = "$"): string[] {
  const errors: string[] = [];
  if (!hasType(schema.type, value))
    return [`${path}: expected ${schema.type}, got ${describe(value)}`];
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push(`${path}: above ${schema.maximum}`);
  }
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value))
    errors.push(`${path}: does not match ${schema.pattern}`);
  if (Array.isArray(value) && schema.items)
    for (const [index, item] of value.entries())
      errors.push(...validateManagedValue(schema.items, item, `${path}[${index}]`));
  if (isRecord(value)) {
    for (const key of schema.required ?? [])
      if (!(key in value)) errors.push(`${path}.${key}: required`);
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key}`;
      const schemas = [
        schema.properties?.[key],
        ...Object.entries(schema.patternProperties ?? {})
          .filter(([pattern]) => new RegExp(pattern).test(key))
          .map(([, s]) => s),
      ].filter((s): s is ManagedSchema => s !== undefined);
      if (schemas.length === 0 && schema.additionalProperties)
        schemas.push(schema.additionalProperties);
      if (schemas.length === 0)
        errors.push(`${at}: not declared in the schema (Chrome would drop it)`);
      for (const s of schemas) errors.push(...validateManagedValue(s, item, at));
    }
  }
  return errors;
}

function hasType(type: ManagedSchema["type"], value: unknown): boolean {
  switch (type) {
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
