// zod issues of a request envelope as problem `issues`. Only paths and zod's own messages:
// zod 4 does not echo input values in its messages, so no patient data leaks through here,
// except for unknown keys, which it names: those messages are replaced (a key is whatever
// the caller sent, e.g. a NISS used as a key). Paths hold only schema keys and indexes.

import type { z } from "zod";

export interface ProblemIssue {
  field: string;
  code: string;
  severity: "error";
  message: string;
}

export function toProblemIssues(error: z.ZodError): ProblemIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    code: issue.code,
    severity: "error",
    message:
      issue.code === "unrecognized_keys"
        ? "Unrecognized key(s) in the request body (not repeated here); see /openapi.json."
        : issue.message,
  }));
}
