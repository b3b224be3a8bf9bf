import { type CompiledDcd, compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Field } from "../../../shared-schema/src/dcd.ts";
import {
  type EligibilityFields,
  findEligibilityFields,
} from "../../../shared-schema/src/find-eligibility-fields.ts";
import type { DcdDelivery } from "../dcd/dcd-delivery.ts";
import type { Reply } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";

/** A DCD as the form uses it, compiled once. */
export interface FormDcd {
  compiled: CompiledDcd;
  /**
   * Whether a field is required for these values now, as the validator decides it: marked
   * before it is filled, and still after. In a repeat block, `values` reads the entry first.
   */
  isRequired(field: Field, values: Record<string, unknown>): boolean;
  /** The fields the eligibility banner reads, when the DCD decides eligibility. */
  eligibility: EligibilityFields | undefined;
}

/** Per DCD version and ETag: a page compiles each DCD once, however often the form opens. */
const compiled = new Map<string, FormDcd>();

export function formDcdOf(delivery: DcdDelivery): FormDcd {
  const { dcd } = delivery;
  const key = `${dcd.id}@${dcd.version}#${delivery.etag ?? ""}`;
  let found = compiled.get(key);
  if (!found) {
    found = createFormDcd(compileDcd(dcd));
    compiled.set(key, found);
  }
  return found;
}

function createFormDcd(dcd: CompiledDcd): FormDcd {
  return {
    compiled: dcd,
    // The validator's own answer, so a mark never disagrees with what the worker requires.
    isRequired: (field, values) => dcd.isRequired(field, values),
    eligibility: findEligibilityFields(dcd.dcd),
  };
}

/** The DCD of the settings, from the background (which alone talks to the worker). */
export async function loadFormDcd(): Promise<Reply<FormDcd>> {
  const reply = await sendMessage({ type: "dcd" });
  return reply.ok ? { ok: true, value: formDcdOf(reply.value) } : reply;
}
