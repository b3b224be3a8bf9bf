import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * Resolves once the document is parsed (DOMContentLoaded), at once when it already is: the
 * content script starts at document_start to read its settings while the page loads.
 */
export function whenDocumentParsed(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => {
    ctx.addEventListener(document, "DOMContentLoaded", () => resolve(), { once: true });
  });
}
