// Builds a site's search index with the Rust code (`cargo run --example search-index`) into
// a temporary folder and opens it with the real search.js, counting the bytes it loads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const search = require("../../themes/default/static/search.js");
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs cargo in the repository; throws with its output when it fails. */
export function cargo(args) {
  const run = spawnSync("cargo", args, { cwd: repoRoot, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`cargo ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return run.stdout;
}

/** Writes the search index of the site at `site` into a new temporary folder. */
export function buildIndex(site) {
  const out = mkdtempSync(join(tmpdir(), "kartoteka-search-"));
  cargo(["run", "--quiet", "--example", "search-index", "--", site, out]);
  return out;
}

/** Writes a small valid site with `kartoteka init` into a new temporary folder. */
export function initSite() {
  const dir = join(mkdtempSync(join(tmpdir(), "kartoteka-site-")), "site");
  cargo(["run", "--quiet", "--", "init", dir]);
  return dir;
}

/** The site a relevance test runs on: $KARTOTEKA_SEARCH_SITE, else the repository root. */
export function ruseSite() {
  const site = process.env.KARTOTEKA_SEARCH_SITE || repoRoot;
  return existsSync(join(site, "content", "services")) ? site : null;
}

/**
 * Opens language `lang` of an index folder. `loaded` lists every file the engine fetched,
 * with its raw and gzip sizes, as a browser would transfer them.
 */
export function openIndex(out, lang) {
  const loaded = [];
  const engine = search.open(`${out}/search/${lang}/manifest.json`, async (path) => {
    const bytes = readFileSync(path);
    loaded.push({ path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    return JSON.parse(bytes.toString("utf8"));
  });
  return { engine, loaded };
}

/** The URLs of the first `n` hits of `query`. */
export async function topUrls(engine, query, n = 3, options = { prefix: false }) {
  const result = await engine.search(query, options);
  const records = await engine.records(result.hits.slice(0, n).map((h) => h.doc));
  return records.map((r) => r[1]);
}
