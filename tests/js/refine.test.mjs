// Facet filters and "nearest first" on a small generated directory (bench/generate.mjs),
// which has villages, target groups and coordinates.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex, openIndex, repoRoot } from "./helpers.mjs";

let out;
before(() => {
  const dir = mkdtempSync(join(tmpdir(), "kartoteka-bench-"));
  const run = spawnSync("node", [join(repoRoot, "bench/generate.mjs"), "--services", "60", dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  out = buildIndex(join(dir, "site"));
});

test("a facet filter keeps only the pages with that value", async () => {
  const { engine } = openIndex(out, "bg");
  const all = await engine.search("център");
  const facets = JSON.parse(readFileSync(join(out, "search/bg", engine.manifest.facets), "utf8"));
  const group = facets.labels.find((f) => f.key === "target_groups");
  const elderly = group.values[0][0];
  const filtered = await engine.search("център", { filters: { target_groups: elderly } });
  assert.ok(filtered.hits.length > 0 && filtered.hits.length < all.hits.length);
  let doc = 0;
  const allowed = new Set(facets.docs.target_groups[elderly].map((d) => (doc += d)));
  assert.ok(filtered.hits.every((h) => allowed.has(h.doc)));
});

test("nearest first sorts hits by distance from the given point", async () => {
  const { engine, loaded } = openIndex(out, "bg");
  const result = await engine.search("център", { origin: { lat: 43.85, lon: 25.95 } });
  const km = result.hits.map((h) => h.km);
  assert.ok(km.length > 1 && km.every((d) => Number.isFinite(d)));
  assert.deepEqual(km, [...km].sort((a, b) => a - b));
  assert.ok(loaded.some((f) => f.path.includes("/geo.")), "places load only for this");
});
