import { type CompiledCondition, compileCondition } from "./compile-condition.ts";
import type { Dcd, DcdRecord } from "./dcd.ts";

const fallbacks = new WeakMap<Dcd, CompiledCondition | undefined>();

function fallbackOf(dcd: Dcd): CompiledCondition | undefined {
  if (!fallbacks.has(dcd)) {
    const when = dcd.businessKey.fallback?.when;
    fallbacks.set(dcd, when && compileCondition(dcd)(when));
  }
  return fallbacks.get(dcd);
}

/**
 * The canonical text of a record's business key (the fields that identify one registration
 * in the registry, docs/domain.md §2), e.g. `IDC_PAT=93051822361|D_SURG=2025-03-04|CD_HPIN=...`.
 * It carries patient identifiers: hash it before storing or logging it.
 */
export function businessKeyOf(dcd: Dcd, record: DcdRecord): string {
  const { fields, fallback } = dcd.businessKey;
  const ctx = { values: record, invalid: new Set<string>(), today: "" };
  const useFallback = fallback !== undefined && fallbackOf(dcd)?.(ctx) === true;
  const chosen = useFallback && fallback ? fallback.fields : fields;
  // Names are compared as the registry would: case and surrounding spaces do not matter.
  return chosen
    .map(
      (name) =>
        `${name}=${String(record[name] ?? "")
          .trim()
          .toUpperCase()}`,
    )
    .join("|");
}
