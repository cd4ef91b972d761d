// Size budgets of the search page: its script, and what a one-word query downloads before its
// first results on a large directory (issue 20: at most 60 KB at 100,000 services; the
// 10,000 services here must stay well under it, since only the lexicon grows with the site).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildIndex, openIndex, repoRoot } from "./helpers.mjs";

const script = readFileSync(new URL("../../themes/default/static/search.js", import.meta.url));
const scriptGzip = gzipSync(script, { level: 9 }).length;

test("search.js is at most 12 KB gzipped", () => {
  assert.ok(scriptGzip <= 12 * 1024, `search.js is ${scriptGzip} bytes gzipped`);
});

/** Page load (script, manifest, lexicon) and the query's files before its first 10 hits. */
const BUDGET_10K = 42 * 1024;

test("a one-word query on 10,000 services downloads at most 42 KB before its first results", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kartoteka-budget-"));
  const run = spawnSync("node", [join(repoRoot, "bench/generate.mjs"), "--services", "10000", dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const out = buildIndex(join(dir, "site"));
  const { engine, loaded } = openIndex(out, "bg");
  const result = await engine.search("център", { first: 10 });
  await engine.records(result.hits.slice(0, 10).map((h) => h.doc));
  const bytes = scriptGzip + loaded.reduce((sum, f) => sum + f.gzip, 0);
  const files = loaded.map((f) => `${f.path.split("/").pop()} ${f.gzip}`).join(", ");
  assert.ok(result.hits.length === 10, "the first page is there");
  assert.ok(bytes <= BUDGET_10K, `${bytes} bytes gzipped: search.js ${scriptGzip}, ${files}`);
});
