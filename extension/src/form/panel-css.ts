// The form's style, injected into the overlay's shadow root with the form bundle. Colours
// meet WCAG AA contrast (axe checks it in the end-to-end tests).
export const PANEL_CSS = `
.panel{position:fixed;top:0;right:0;z-index:2147483647;width:min(520px,100vw);height:100vh;
display:flex;flex-direction:column;background:#fff;color:#1b1b1b;box-shadow:-4px 0 18px rgba(0,0,0,.3);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left}
.panel *{box-sizing:border-box}
.panel-header{display:flex;align-items:center;justify-content:space-between;gap:12px;
padding:12px 16px;background:#0b4f8a;color:#fff}
.panel-header h2{margin:0;font-size:17px}
.panel-header h2:focus{outline:2px solid #ffbf47;outline-offset:2px}
.panel-body{flex:1;overflow:auto;padding:12px 16px}
.panel-footer{border-top:1px solid #c4c9d0;padding:10px 16px;background:#f5f7fa}
.counts{margin:0 0 8px;color:#3d3d3d;min-height:1em}
.actions{display:flex;gap:10px;justify-content:flex-end}
button{font:inherit;border-radius:6px;padding:7px 14px;cursor:pointer;border:1px solid #0b4f8a}
button:focus-visible,input:focus-visible,select:focus-visible,.summary:focus{outline:3px solid #ffbf47;outline-offset:2px}
button.primary{background:#0b4f8a;color:#fff}
button.secondary{background:#fff;color:#0b4f8a}
button.danger{background:#a4000f;border-color:#a4000f;color:#fff}
button.link{border:0;padding:0;background:none;color:#0b4f8a;text-decoration:underline}
button[aria-disabled=true]{opacity:.6;cursor:progress}
.close{border-color:#fff}
.section{font-size:15px;margin:18px 0 6px;padding-bottom:4px;border-bottom:1px solid #c4c9d0}
.field{margin:0 0 12px;border:0;padding:0}
.field>label,.field>legend{display:block;font-weight:600;margin-bottom:3px;padding:0}
.field input:not([type=radio]):not([type=checkbox]),.field select{width:100%;font:inherit;padding:6px 8px;
border:1px solid #6b7280;border-radius:5px;background:#fff;color:#1b1b1b}
.field input:disabled,.field select:disabled{background:#eef0f3}
.field output{display:block;padding:6px 8px;border-radius:5px;background:#eef0f3;min-height:2.2em}
.note p{margin:0 0 3px}
.field.has-error input,.field.has-error select{border:2px solid #a4000f}
.choices{display:flex;flex-wrap:wrap;gap:4px 14px}
.choice{display:inline-flex;align-items:center;gap:5px;font-weight:400}
.help{margin:2px 0;color:#4a4a4a;font-size:13px}
.source{margin:2px 0;color:#22543d;font-size:12.5px}
.source::before{content:"↳ "}
.issues{margin:3px 0 0;padding:0;list-style:none}
.issue{font-size:13px;margin:2px 0}
.issue.error{color:#a4000f}
.issue.warning{color:#6b4500}
.required{color:#a4000f}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.banner{border-radius:6px;padding:8px 12px;margin-bottom:10px;border:1px solid}
.banner h3{margin:0 0 4px;font-size:14px}
.banner ul{margin:4px 0;padding-left:18px}
.banner-required{background:#e8f1fb;border-color:#0b4f8a}
.banner-exempt,.banner-not_in_scope{background:#eef7ee;border-color:#2f6b2f}
.banner-unknown{background:#fff6e0;border-color:#8a5a00}
.banner .reason{font-size:12.5px;color:#333}
.banner-origin{margin:0;font-size:12px;color:#4a4a4a}
.status{margin:0 0 10px;padding:8px 12px;border-radius:6px;background:#f1f3f5}
.status p{margin:4px 0 0}
.status-sent{background:#e6f4ea}
.status-failed{background:#fde8e8}
.registration-code{font-family:ui-monospace,monospace;font-size:15px}
.status-error{color:#a4000f}
.notice{background:#fff6e0;border:1px solid #8a5a00;border-radius:6px;padding:8px 12px;margin-bottom:10px}
.notice p{margin:0 0 6px}
.error-summary{border:2px solid #a4000f;border-radius:6px;padding:8px 12px;margin-bottom:10px;background:#fff}
.error-summary h3{margin:0 0 4px;font-size:14px;color:#a4000f}
.error-summary ul{margin:4px 0;padding-left:18px}
.repeat-entry{border:1px solid #c4c9d0;border-radius:6px;padding:8px;margin:0 0 8px}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center}
.confirm{background:#fff;border-radius:8px;padding:16px 18px;max-width:420px;box-shadow:0 6px 24px rgba(0,0,0,.4)}
.confirm h3{margin:0 0 8px}
`;
