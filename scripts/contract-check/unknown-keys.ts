// The keys of a real reply that our contract does not name. zod passes them silently (a
// loose object keeps them, a plain one drops them), yet they are what HD4DP tells us that we
// do not model yet: the report lists them as notes, which do not fail the check.
import { z } from "zod";
import { formatPath } from "./format-path.ts";

/** Their paths with array indexes collapsed (`body[].extra`), each once. */
export function unknownKeys(schema: z.core.$ZodType, reply: unknown): string[] {
  const found = new Set<string>();
  walk(schema, reply, [], found);
  return [...found];
}

function walk(
  schema: z.core.$ZodType,
  value: unknown,
  path: PropertyKey[],
  found: Set<string>,
): void {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      walk(def.innerType, value, path, found);
      return;
    case "pipe":
      walk(def.in, value, path, found);
      return;
    case "lazy":
      walk(def.getter(), value, path, found);
      return;
    case "union": {
      // The keys another alternative would name are no news: follow the one that fits.
      const fitting = def.options.find((option) => z.safeParse(option, value).success);
      if (fitting !== undefined) walk(fitting, value, path, found);
      return;
    }
    case "array":
      if (Array.isArray(value)) {
        for (const [index, item] of value.entries())
          walk(def.element, item, [...path, index], found);
      }
      return;
    case "object":
      if (!isObject(value)) return;
      for (const [key, item] of Object.entries(value)) {
        const field = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
        if (field === undefined) found.add(formatPath([...path, key], "collapsed"));
        else walk(field, item, [...path, key], found);
      }
      return;
    case "record":
      if (!isObject(value)) return;
      for (const [key, item] of Object.entries(value))
        walk(def.valueType, item, [...path, key], found);
      return;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
