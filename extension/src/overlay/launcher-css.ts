// The launcher's style, inside the shadow root (the page's CSS never reaches it, and it
// never reaches the page). The form bundle adds its own.
export const LAUNCHER_CSS = `
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483646;display:inline-flex;
align-items:center;gap:8px;font:600 14px/1.2 system-ui,-apple-system,"Segoe UI",sans-serif;
color:#fff;background:#0b4f8a;border:2px solid #fff;border-radius:999px;padding:11px 18px;
box-shadow:0 2px 10px rgba(0,0,0,.35);cursor:pointer}
.launcher:hover{background:#093f6e}
.launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.launcher[aria-busy=true]{cursor:progress;opacity:.85}
.launcher[hidden]{display:none}
.launch-error{position:fixed;right:20px;bottom:72px;z-index:2147483646;background:#fff;
color:#8a1c1c;border:1px solid #8a1c1c;border-radius:6px;padding:8px 12px;font:14px system-ui,sans-serif}
`;
