/** How deep frames are read: an EHR's chart sits in a frame of a frame at most. */
const MAX_DEPTH = 3;

/**
 * The documents of the frames inside `root` that this page may read (same origin), frames
 * of frames included; a cross-origin frame's document is out of reach (null, or a
 * SecurityError in some browsers) and is skipped.
 */
export function sameOriginFrames(root: Document | Element, depth = MAX_DEPTH): Document[] {
  const documents: Document[] = [];
  if (depth === 0) return documents;
  const frames = [
    ...Array.from(root.getElementsByTagName("iframe")),
    ...Array.from(root.getElementsByTagName("frame")),
  ];
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      continue;
    }
    if (!inner?.body) continue;
    documents.push(inner, ...sameOriginFrames(inner, depth - 1));
  }
  return documents;
}
