// The worker's messages are filled by the one renderer (the four languages and their
// placeholders are checked with every other catalogue, test/shared-schema/i18n/catalogues.test.ts).

import { describe, expect, it } from "vitest";
import { formatMessage } from "../../../worker/src/i18n/messages.ts";

describe("MESSAGES", () => {
  it("fills placeholders", () => {
    expect(formatMessage("payload_too_large", "de", { limit: 5 }).detail).toBe(
      "Der Anfragetext überschreitet 5 Bytes.",
    );
  });
});
