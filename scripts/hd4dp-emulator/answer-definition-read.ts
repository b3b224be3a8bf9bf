// Routes a definition read (GET under /proxy, hd4dp-definition-contract.ts) to its reply:
// 200 with the body, 400 for a missing or malformed parameter, 404 for what HD4DP does not
// publish. Method and token are checked by the emulator before.

import {
  DEFINITION_PATHS,
  LANGUAGE_IDS,
  type LanguageId,
} from "../../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import type { DefinitionReplies } from "./create-definition-replies.ts";

export interface DefinitionAnswer {
  status: number;
  body: unknown;
}

/** The organization a menu is read for when the caller names none (its own, ASSUMED). */
export const EMULATED_ORGANIZATION = "emulated-hospital";

const PATHS = new Set<string>(Object.values(DEFINITION_PATHS));

/** Whether `path` (below /proxy) is one of the definition reads. */
export function isDefinitionPath(path: string): boolean {
  return PATHS.has(path);
}

export function answerDefinitionRead(
  replies: DefinitionReplies,
  path: string,
  query: URLSearchParams,
): DefinitionAnswer {
  const missing: string[] = [];
  const text = (name: string) => {
    const value = query.get(name);
    if (value === null || value === "") missing.push(name);
    return value ?? "";
  };
  const whole = (name: string) => {
    const value = text(name);
    if (value !== "" && !/^\d{1,9}$/.test(value)) missing.push(`${name} (a whole number)`);
    return Number(value);
  };
  const language = () => {
    const value = text("language-id");
    if (value !== "" && !LANGUAGE_IDS.includes(value as LanguageId)) {
      missing.push(`language-id (one of ${LANGUAGE_IDS.join(", ")})`);
    }
    return value as LanguageId;
  };
  /** Reads only once every parameter was read without a problem. */
  const answer = (read: () => unknown, what: string): DefinitionAnswer => {
    if (missing.length > 0) {
      return { status: 400, body: { message: `missing or malformed: ${missing.join(", ")}` } };
    }
    const found = read();
    return found === undefined
      ? { status: 404, body: { message: `${what} is not published here` } }
      : { status: 200, body: found };
  };
  switch (path) {
    case DEFINITION_PATHS.menuStructure: {
      const organizationId = query.get("organization-id") || EMULATED_ORGANIZATION;
      return answer(() => replies.menu(organizationId), "");
    }
    case DEFINITION_PATHS.payloadDefinition:
    case DEFINITION_PATHS.translations: {
      const dcdId = text("dcd-id");
      const version = text("version");
      const lang = language();
      const read = path === DEFINITION_PATHS.translations ? "translations" : "definition";
      return answer(() => replies[read](dcdId, version, lang), `DCD ${dcdId} ${version}`);
    }
    case DEFINITION_PATHS.field: {
      const fieldId = whole("field-id");
      return answer(() => replies.field(fieldId), `field ${fieldId}`);
    }
    case DEFINITION_PATHS.codelist: {
      const codelistId = whole("codelist-id");
      return answer(() => replies.codelist(codelistId), `code list ${codelistId}`);
    }
    default:
      return { status: 404, body: { message: `no definition read at ${path}` } };
  }
}
