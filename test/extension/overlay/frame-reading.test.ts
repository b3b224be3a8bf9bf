import { describe, expect, it } from "vitest";
import {
  isReadByParentFrame,
  markReadsFrames,
} from "../../../extension/src/overlay/frame-reading.ts";
import { parsePage } from "../parse-page.ts";

const windowOf = (parent: () => { document: Document }) => {
  const win = {
    get parent() {
      return parent();
    },
  } as unknown as Window;
  return win;
};

describe("isReadByParentFrame", () => {
  it("is false in a top frame", () => {
    const win = {} as { parent?: unknown };
    win.parent = win;
    expect(isReadByParentFrame(win as unknown as Window)).toBe(false);
  });

  it("is true once a same-origin parent's overlay has marked its document, false before", () => {
    const parentDocument = parsePage("<html><body></body></html>");
    const frame = windowOf(() => ({ document: parentDocument }));
    expect(isReadByParentFrame(frame)).toBe(false);
    markReadsFrames(parentDocument);
    expect(isReadByParentFrame(frame)).toBe(true);
  });

  it("is false under a cross-origin parent, whose document throws", () => {
    const frame = windowOf(() => ({
      get document(): Document {
        throw new DOMException("Blocked a frame", "SecurityError");
      },
    }));
    expect(isReadByParentFrame(frame)).toBe(false);
  });
});
