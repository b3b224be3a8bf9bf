import { findConfigProblems } from "../../extension/src/settings/find-config-problems.ts";
import { RELEASE_DEFAULTS } from "../../extension/src/settings/settings-schema.ts";
import type { PolicyConfig } from "./policy-config.ts";
import {
  checkManagedSchema,
  type ManagedSchema,
  validateManagedValue,
} from "./validate-managed-value.ts";

/**
 * Why a configuration must not be turned into policy files: the schema breaks Chrome's
 * rules, a value does not match the schema (Chrome would drop it), or the extension itself
 * would report the configuration as wrong (bad URL, unknown language, a profile that does
 * not parse). Empty when all is well.
 */
export function checkPolicyConfig(config: PolicyConfig, schema: unknown): string[] {
  const schemaErrors = checkManagedSchema(schema);
  if (schemaErrors.length > 0) return schemaErrors.map((error) => `managed-schema.json ${error}`);
  const errors = validateManagedValue(schema as ManagedSchema, config.policy, "policy");
  // Workstations run release builds: no worker URL unless the policy sets one.
  for (const problem of findConfigProblems({}, config.policy, RELEASE_DEFAULTS)) {
    errors.push(
      `policy.${problem.key}: ${problem.reason}${problem.detail ? ` (${problem.detail})` : ""}`,
    );
  }
  return errors;
}
