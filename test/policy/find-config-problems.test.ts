import { describe, expect, it } from "vitest";
import { describeConfigProblems } from "../../extension/src/settings/config-problem-text.ts";
import { findConfigProblems as findWithDefaults } from "../../extension/src/settings/find-config-problems.ts";
import { RELEASE_DEFAULTS } from "../../extension/src/settings/settings-schema.ts";
import { readPolicyConfig } from "../../scripts/policy/policy-config.ts";

const policy = readPolicyConfig().policy;
/** A development build's defaults: the local worker. */
const DEVELOPMENT = { ...RELEASE_DEFAULTS, workerUrl: "http://127.0.0.1:8787" };
const findConfigProblems = (user: unknown, managed: unknown) =>
  findWithDefaults(user, managed, RELEASE_DEFAULTS);

describe("findConfigProblems: a wrong configuration is never silent", () => {
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
      {
        key: "profiles",
        reason: "invalid",
        source: "policy",
        detail: "profile 1 (p): matches (Too small: expected array to have >=1 items)",
      },
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

  it("without a policy, asks the user for the worker URL and the API token", () => {
    expect(findConfigProblems({}, {})).toEqual([
      { key: "workerUrl", reason: "missing", source: "user" },
      { key: "apiToken", reason: "missing", source: "user" },
    ]);
    // An empty field of the options page is a missing setting, not a wrong one.
    expect(findConfigProblems({ workerUrl: "", apiToken: "t" }, {})).toEqual([
      { key: "workerUrl", reason: "missing", source: "user" },
    ]);
  });

  it("counts a development build's local worker, but never for a policy deployment", () => {
    expect(findWithDefaults({}, {}, DEVELOPMENT)).toEqual([
      { key: "apiToken", reason: "missing", source: "user" },
    ]);
    const { workerUrl: _gone, ...withoutUrl } = policy;
    expect(findWithDefaults({}, withoutUrl, DEVELOPMENT)).toEqual([
      { key: "workerUrl", reason: "missing", source: "policy" },
    ]);
  });

  it("never quotes the API token back", () => {
    const problems = findConfigProblems({ apiToken: ["secret-token"] }, { apiToken: 42 });
    expect(problems.filter((problem) => problem.key === "apiToken")).toEqual([
      { key: "apiToken", reason: "invalid", source: "policy" },
      { key: "apiToken", reason: "invalid", source: "user" },
    ]);
    expect(JSON.stringify(problems)).not.toContain("secret-token");
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
