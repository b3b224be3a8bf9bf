import { describe, expect, it } from "vitest";
import { describeConfigProblems } from "../../extension/src/settings/config-problem-text.ts";
import { findConfigProblems } from "../../extension/src/settings/find-config-problems.ts";
import { readPolicyConfig } from "../../scripts/policy/policy-config.ts";

const policy = readPolicyConfig().policy;

describe("findConfigProblems: a wrong configuration is never silent (issue 5)", () => {
  it("finds nothing in the example policy", () => {
    expect(findConfigProblems({}, policy)).toEqual([]);
  });

  it("reports a value the policy set wrong, as the hospital IT's to fix", () => {
    const problems = findConfigProblems(
      {},
      {
        ...policy,
        workerUrl: "not a url",
        language: "es",
        profiles: [{ id: "p", name: "P", matches: [], fields: {} }],
      },
    );
    expect(problems).toEqual([
      { key: "workerUrl", reason: "invalid", source: "policy", detail: "not a url" },
      { key: "language", reason: "invalid", source: "policy", detail: "es" },
      { key: "profiles", reason: "invalid", source: "policy", detail: "profile 1 (p): matches" },
    ]);
  });

  it("reports a setting the policy misses (Chrome dropped a value of the wrong type)", () => {
    const { apiToken: _dropped, ...rest } = policy;
    expect(findConfigProblems({}, rest)).toEqual([
      { key: "apiToken", reason: "missing", source: "policy" },
    ]);
    // Deployed by policy, the developer default worker URL does not count as configured.
    const { workerUrl: _gone, ...withoutUrl } = policy;
    expect(findConfigProblems({}, withoutUrl)).toEqual([
      { key: "workerUrl", reason: "missing", source: "policy" },
    ]);
    // ...but the user's own value does.
    expect(findConfigProblems({ workerUrl: "https://spine.h.be" }, withoutUrl)).toEqual([]);
  });

  it("without a policy, asks the user for the API token", () => {
    expect(findConfigProblems({}, {})).toEqual([
      { key: "apiToken", reason: "missing", source: "user" },
    ]);
  });

  it("says what is wrong and whom to ask, in fr/nl/de/en", () => {
    const problems = findConfigProblems({}, { ...policy, apiToken: undefined, language: "es" });
    expect(describeConfigProblems(problems, "fr")).toEqual({
      title: "L'enregistrement Spine n'est pas configuré correctement :",
      lines: ["La langue n'est pas valide (es)", "Le jeton d'API manque"],
      ask: "Ces paramètres viennent de la stratégie de votre hôpital : contactez le service informatique de l'hôpital.",
    });
    expect(describeConfigProblems(problems, "nl").lines).toEqual([
      "De taal is ongeldig (es)",
      "Het API-token ontbreekt",
    ]);
    expect(describeConfigProblems(problems, "de").ask).toContain("IT-Abteilung");
    expect(describeConfigProblems(problems, "en").ask).toContain("IT department");
    expect(
      describeConfigProblems([{ key: "apiToken", reason: "missing", source: "user" }], "en").ask,
    ).toContain("extension's options");
  });
});
