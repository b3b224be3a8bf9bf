import { sameOriginFrames } from "./same-origin-frames.ts";

export interface ObservePageChangesOptions {
  /** Released with the content script (ctx.signal): extension update, page unload. */
  signal: AbortSignal;
  /** Changes inside this node (the overlay's own host) are not page changes. */
  ignore?: () => Node | undefined;
  /** EHRs re-render in bursts: wait this long after the last change. */
  delayMs?: number;
  /** Called at each change, before the page has settled (a reading under way is stale). */
  onEachChange?: () => void;
}

/**
 * Calls back once the page has settled after a change (late rendering, single-page
 * navigation), ignoring the overlay's own changes. The page's same-origin frames count as
 * the page (the reader reads them): a frame that loads, or changes, is a change. Stops when
 * the signal aborts.
 */
export function observePageChanges(
  target: Node,
  onChange: () => void,
  { signal, ignore, delayMs = 120, onEachChange }: ObservePageChangesOptions,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };
  const observer = new MutationObserver((mutations) => {
    const own = ignore?.();
    if (own && mutations.every((mutation) => isOwn(mutation, own))) return;
    onEachChange?.();
    schedule();
  });
  const options = { childList: true, subtree: true, characterData: true };
  const observeFrames = () => {
    for (const frame of sameOriginFrames(target as Element)) observer.observe(frame, options);
  };
  observer.observe(target, options);
  observeFrames();
  // A frame's document arrives after the page's, and its load does not change the page:
  // load events do not bubble, but pass the frame's ancestors on their way down.
  const onLoad = (event: Event) => {
    const frame = event.target as Element | null;
    if (frame?.tagName !== "IFRAME" && frame?.tagName !== "FRAME") return;
    observeFrames();
    onEachChange?.();
    schedule();
  };
  target.addEventListener("load", onLoad, true);
  signal.addEventListener(
    "abort",
    () => {
      observer.disconnect();
      target.removeEventListener("load", onLoad, true);
      clearTimeout(timer);
    },
    { once: true },
  );
}

function isOwn(mutation: MutationRecord, own: Node): boolean {
  if (mutation.target === own || own.contains(mutation.target)) return true;
  const nodes = [...Array.from(mutation.addedNodes), ...Array.from(mutation.removedNodes)];
  return nodes.length > 0 && nodes.every((node) => node === own);
}
