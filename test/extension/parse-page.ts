import { parseHTML } from "linkedom";

/**
 * A DOM for a page's HTML, with the globals the adapters use (MutationObserver). linkedom's
 * MutationObserver sees only its own window's document: the latest page parsed gets it.
 */
export function parsePage(html: string): Document {
  const { document, window } = parseHTML(html);
  (globalThis as { MutationObserver?: unknown }).MutationObserver = window.MutationObserver;
  return document as unknown as Document;
}
