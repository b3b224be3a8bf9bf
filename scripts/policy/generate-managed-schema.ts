import * as z from "zod/mini";
import { SettingsSchema } from "../../extension/src/settings/settings-schema.ts";
import type { ManagedSchema } from "./validate-managed-value.ts";

/** What a node of the managed schema keeps: its type, its words, and its children. */
const KEPT = ["type", "title", "description", "properties", "additionalProperties", "items"];

/**
 * extension/public/managed-schema.json from the settings schema. Types only: Chrome drops a
 * policy value that breaks its schema without a word (chrome://policy shows it as not set),
 * so the rules (an enum, a pattern, a range, a required key) stay the extension's, which
 * names what is wrong (findConfigProblems). A node without exactly one type, which Chrome
 * would refuse, is an error here.
 */
export function generateManagedSchema(): ManagedSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(SettingsSchema, { io: "input" });
  return typesOnly(json, "$");
}

function typesOnly(node: Record<string, unknown>, path: string): ManagedSchema {
  if (typeof node.type !== "string") throw new Error(`${path}: not exactly one type`);
  const kept: Record<string, unknown> = {};
  for (const key of KEPT) {
    const value = node[key];
    if (value === undefined || typeof value === "boolean") continue;
    if (key === "properties")
      kept[key] = Object.fromEntries(
        Object.entries(value as Record<string, Record<string, unknown>>).map(([name, child]) => [
          name,
          typesOnly(child, `${path}.${name}`),
        ]),
      );
    else if (key === "items" || key === "additionalProperties")
      kept[key] = typesOnly(value as Record<string, unknown>, `${path}.${key}`);
    else kept[key] = value;
  }
  return kept as unknown as ManagedSchema;
}
