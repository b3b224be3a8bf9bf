import type { ManagedSchema } from "../../scripts/policy/validate-managed-value.ts";

/** A regedit file's keys and values (REG_SZ as string, REG_DWORD as number): our subset. */
export function parseReg(text: string): Map<string, Map<string, string | number>> {
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | undefined;
  for (const line of text.split("\r\n")) {
    if (line === "" || line.startsWith(";") || line.startsWith("Windows Registry Editor")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      keys.set(section[1], current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value?.[1] || !current) throw new Error(`not a .reg line: ${line}`);
    const unescapeText = (s: string) => s.replace(/\\(.)/g, "$1");
    current.set(
      unescapeText(value[1]),
      value[3] ? Number.parseInt(value[3], 16) : unescapeText(value[2] ?? ""),
    );
  }
  return keys;
}

/**
 * Registry values as Chrome reads them by the schema (components/policy/core/common/
 * registry_dict.cc): DWORD for integers and booleans, JSON strings for lists and objects.
 */
export function readRegPolicy(
  values: Map<string, string | number>,
  schema: ManagedSchema,
): Record<string, unknown> {
  const policy: Record<string, unknown> = {};
  for (const [name, raw] of values) {
    const type = schema.properties?.[name]?.type;
    if (type === "boolean") policy[name] = raw !== 0;
    else if ((type === "array" || type === "object") && typeof raw === "string")
      policy[name] = JSON.parse(raw);
    else policy[name] = raw;
  }
  return policy;
}
