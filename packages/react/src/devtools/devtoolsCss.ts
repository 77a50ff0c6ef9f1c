/** The panel's own styles, in the kit's theme variables; shipped in the lazy chunk, not in styles.css. */
export const devtoolsCss = `
.csk-devtools{position:fixed;z-index:2147483000;inset-block-end:12px;inset-inline-end:12px;max-inline-size:min(34rem,calc(100vw - 24px));font:13px/1.4 var(--csk-font);color:var(--csk-fg);color-scheme:var(--csk-color-scheme)}
.csk-devtools[data-position=bottom-left]{inset-inline-end:auto;inset-inline-start:12px}
.csk-devtools[data-position=inline]{position:static;max-inline-size:none}
.csk-devtools[data-position=inline] .csk-devtools__toggle{box-shadow:none}
.csk-devtools :focus-visible{outline:2px solid var(--csk-accent);outline-offset:2px}
.csk-devtools button{font:inherit;color:inherit;background:var(--csk-bg);border:1px solid var(--csk-border);border-radius:var(--csk-radius);padding:4px 10px;cursor:pointer}
.csk-devtools__toggle{box-shadow:var(--csk-shadow)}
.csk-devtools__body{margin-block-start:6px;padding:10px;background:var(--csk-bg);border:1px solid var(--csk-border);border-radius:var(--csk-radius);box-shadow:var(--csk-shadow);max-block-size:70vh;overflow:auto}
.csk-devtools h2{font-size:12px;margin:8px 0 4px;color:var(--csk-muted);text-transform:uppercase;letter-spacing:.04em}
.csk-devtools dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.csk-devtools dt{color:var(--csk-muted)}
.csk-devtools dd{margin:0;font-family:ui-monospace,monospace}
.csk-devtools fieldset{border:0;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 10px}
.csk-devtools legend{padding:0;color:var(--csk-muted);float:left;margin-inline-end:6px}
.csk-devtools__list{list-style:none;margin:0;padding:0;max-block-size:16rem;overflow:auto;border:1px solid var(--csk-border);border-radius:var(--csk-radius)}
.csk-devtools__list li{display:grid;grid-template-columns:5.5em 4em 1fr auto;gap:6px;padding:2px 6px;font-family:ui-monospace,monospace;font-size:12px}
.csk-devtools__list li:focus-visible{outline-offset:-2px}
.csk-devtools__list li:nth-child(odd){background:color-mix(in srgb,var(--csk-border) 25%,transparent)}
.csk-devtools__kind,.csk-devtools__muted{color:var(--csk-muted)}
.csk-devtools__actions{display:flex;gap:8px;align-items:center;margin-block-start:8px}
.csk-devtools textarea{inline-size:100%;block-size:6rem;font:11px ui-monospace,monospace;color:inherit;background:var(--csk-bg)}
`
