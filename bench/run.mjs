// The search benchmark: kartoteka's search against Pagefind on the same generated directory,
// in headless Chromium over HTTP, counting what each transfers and what each finds.
//
//   node bench/generate.mjs /tmp/bench                     # 10,000 services × 2 languages
//   cargo run --release --example search-index -- /tmp/bench/site /tmp/bench/html
//   npx --yes pagefind@1.6.0 --site /tmp/bench/html        # the same pages, for Pagefind
//   node bench/run.mjs /tmp/bench                          # prints the tables for README.md
//
// Bytes are what a browser would transfer: each JSON/JS/HTML-free file gzipped (level 9), and
// Pagefind's own files as written (they are gzipped already). A query "finds" its page when
// the page is among the first 10 hits.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, normalize, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const OUT = process.argv[2] || "/tmp/bench";
const ROOT = join(OUT, "html");
const repo = new URL("..", import.meta.url).pathname;
const queries = JSON.parse(readFileSync(join(OUT, "queries.json"), "utf8"));

// Our page (the test fixture that follows search.js's DOM contract) and a Pagefind page.
copyFileSync(join(repo, "themes/default/static/search.js"), join(ROOT, "search.js"));
mkdirSync(join(ROOT, "tarsene"), { recursive: true });
writeFileSync(join(ROOT, "tarsene/index.html"),
  readFileSync(join(repo, "tests/fixtures/search/page.html"), "utf8").replace('lang="LANG"', 'lang="bg"'));
writeFileSync(join(ROOT, "pf.html"), `<!doctype html><html lang="bg"><head><meta charset="utf-8"></head>
<body><script type="module">window.pf = await import("/pagefind/pagefind.js"); await window.pf.init(); window.pfReady = true;</script></body></html>`);

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json",
  ".wasm": "application/wasm" };
const sizes = new Map();
/** Bytes a browser would transfer for `file`. */
function transferSize(file) {
  if (!sizes.has(file)) {
    const raw = readFileSync(file);
    const compressed = /\.(pf_\w+|pagefind)$/.test(file) || /wasm/.test(file);
    sizes.set(file, compressed ? statSync(file).size : gzipSync(raw, { level: 9 }).length);
  }
  return sizes.get(file);
}
let log = [];
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(ROOT, path));
  if (!file.startsWith(ROOT) || !existsSync(file)) return res.writeHead(404).end();
  if (!file.endsWith(".html")) log.push({ path, bytes: transferSize(file) });
  res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });

const ENGINES = {
  kartoteka: {
    url: "/tarsene/",
    ready: () => window.kartotekaSearchPage && window.kartotekaSearchPage.engine.manifest,
    search: async ([q, prefix]) => {
      const e = window.kartotekaSearchPage.engine;
      const r = await e.search(q, { prefix });
      const recs = await e.records(r.hits.slice(0, 10).map((h) => h.doc));
      return { count: r.hits.length, urls: recs.map((x) => x[1]) };
    },
  },
  pagefind: {
    url: "/pf.html",
    ready: () => window.pfReady,
    search: async ([q]) => {
      const r = await window.pf.search(q);
      const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return { count: r.results.length, urls: data.map((d) => d.url.replace(/index\.html$/, "")) };
    },
  },
};

const SESSION = ["дневен център", "обществена подкрепа", "dneven centar", "защитени жилища", "деца с увреждания"];
const results = {};
for (const [name, engine] of Object.entries(ENGINES)) {
  // A session: a fresh browser (empty cache) running SESSION's queries one after another.
  const context = await browser.newContext();
  const page = await context.newPage();
  log = [];
  await page.goto(base + engine.url);
  await page.waitForFunction(engine.ready);
  const session = [{ q: "(page load: script, manifest/entry, lexicon or wasm)", hits: "", bytes: log.reduce((a, f) => a + f.bytes, 0) }];
  for (const q of SESSION) {
    const before = log.reduce((a, f) => a + f.bytes, 0);
    const r = await page.evaluate(engine.search, [q, false]);
    const after = log.reduce((a, f) => a + f.bytes, 0);
    session.push({ q, hits: r.count, bytes: after - before, total: after });
  }
  // The query set: what each finds, each query in a fresh page (cache kept, as on a site).
  const found = {};
  for (const q of queries) {
    const r = await page.evaluate(engine.search, [q.q, !!q.prefix]);
    const hit = r.urls.includes(q.url);
    found[q.kind] = found[q.kind] || { found: 0, of: 0 };
    found[q.kind].of++;
    if (hit) found[q.kind].found++;
  }
  results[name] = { session, found };
  await context.close();
}
await browser.close();
server.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log("| query (bg, in order, fresh cache) | kartoteka hits | kartoteka KB | Pagefind hits | Pagefind KB |");
console.log("|---|---:|---:|---:|---:|");
results.kartoteka.session.forEach((k, i) => {
  const p = results.pagefind.session[i];
  console.log(`| ${k.q} | ${k.hits} | ${kb(k.bytes)} | ${p.hits} | ${kb(p.bytes)} |`);
});
const k = results.kartoteka.session, p = results.pagefind.session;
console.log(`| **page load + first query** | | **${kb(k[1].total)}** | | **${kb(p[1].total)}** |`);
console.log(`| **total after ${SESSION.length} queries** | | ${kb(k.at(-1).total)} | | ${kb(p.at(-1).total)} |`);
console.log("\n| kind of query | kartoteka finds | Pagefind finds |\n|---|---:|---:|");
for (const kind of Object.keys(results.kartoteka.found)) {
  const a = results.kartoteka.found[kind], b = results.pagefind.found[kind];
  console.log(`| ${kind} | ${a.found}/${a.of} | ${b.found}/${b.of} |`);
}
