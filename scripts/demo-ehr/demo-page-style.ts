// Two deliberately different looks: adapters must not depend on one EHR's markup.
export const FR_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
.topbar{background:#12355b;color:#fff;padding:10px 20px;display:flex;gap:24px;align-items:center}
.topbar a{color:#fff}
main{max-width:980px;margin:20px auto;padding:0 20px}
section{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:12px 18px;margin-bottom:16px}
dl{display:grid;grid-template-columns:200px 1fr;gap:4px 16px}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e7ec}
.note{color:#556}`;

export const NL_STYLE = `
body{font:13px/1.4 Arial,sans-serif;margin:0;background:#fff;color:#222}
.hix-bar{background:#e8f0e0;border-bottom:2px solid #5b8c2a;padding:8px 16px;display:flex;gap:18px;flex-wrap:wrap}
.hix-bar span{white-space:nowrap}.hix-name{font-weight:bold;font-size:15px}
#app{padding:12px 16px}.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.cell{border:1px solid #ccc;padding:6px}.caption{font-size:11px;color:#555;text-transform:uppercase}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}
nav a{margin-right:12px}`;
