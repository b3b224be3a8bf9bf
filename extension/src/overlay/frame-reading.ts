// The overlay of a page reads the same-origin frames inside it too (see
// adapters/same-origin-frames.ts), so the copy running in such a frame stays quiet: one chart,
// one launcher. The copies cannot see each other's globals (each frame has its own isolated
// world), so the reading copy says so on its document's root element, which a same-origin
// frame can read. The mark holds nothing of the page or the patient.
const READS_FRAMES = "data-spine-register-reads-frames";

/** Called first thing by the content script: this document's overlay reads its frames. */
export function markReadsFrames(doc: Document = document): void {
  doc.documentElement?.setAttribute(READS_FRAMES, "");
}

/**
 * True in a frame whose parent document is of the same origin and runs the overlay: that
 * overlay reads this frame already. A cross-origin parent cannot be read (SecurityError) and
 * does not read this frame: the frame shows its own launcher.
 */
export function isReadByParentFrame(win: Window = window): boolean {
  if (win.parent === win) return false;
  try {
    return win.parent.document.documentElement?.hasAttribute(READS_FRAMES) === true;
  } catch {
    return false;
  }
}
