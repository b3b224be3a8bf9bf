import { z } from "zod";
import type * as zm from "zod/mini";
import type { CodeList, Dcd, Field } from "./dcd.ts";
import { fieldSchema } from "./field-schema.ts";

/**
 * JSON Schema of a record's shape (types, lists, lengths), for OpenAPI documents. It is drawn
 * from the same field schemas as the validator, set in a `z.strictObject` that zod can
 * describe; the validator's own container (fields-object.ts) is faster but opaque to it.
 */
export function recordJsonSchema(dcd: Dcd): Record<string, unknown> {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const objectOf = (fields: Field[]): zm.ZodMiniType =>
    z.strictObject(
      Object.fromEntries(
        fields.map((field) => [field.name, z.optional(fieldSchema(field, lists, objectOf))]),
      ),
    );
  return z.toJSONSchema(objectOf(dcd.fields), { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}
