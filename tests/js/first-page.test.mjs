// A one-word query shows its first page from the strongest postings of its terms, before the
// tails of long lists load; the first page must be the one the whole lists give.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex, openIndex, repoRoot } from "./helpers.mjs";

let out;
before(() => {
  const dir = mkdtempSync(join(tmpdir(), "kartoteka-first-"));
  const run = spawnSync("node", [join(repoRoot, "bench/generate.mjs"), "--services", "400", dir], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  out = buildIndex(join(dir, "site"));
});

const QUERIES = [["център", false], ["услуги", false], ["цент", true], ["centar", false], ["деца", false]];

test("the first page of a one-word query comes before the tails, and is the whole lists' first page", async () => {
  for (const [q, prefix] of QUERIES) {
    const { engine, loaded } = openIndex(out, "bg");
    const first = await engine.search(q, { prefix, first: 10 });
    assert.ok(first.rest, `“${q}” shows its first page early`);
    assert.equal(first.hits.length, 10, q);
    assert.ok(first.atLeast >= 10, q);
    assert.ok(!loaded.some((f) => f.path.includes("/tail-")), `“${q}” loads no tail first`);
    const whole = await first.rest();
    assert.ok(loaded.some((f) => f.path.includes("/tail-")), `“${q}” has long lists`);
    assert.deepEqual(first.hits.map((h) => h.doc), whole.hits.slice(0, 10).map((h) => h.doc), q);
    assert.ok(whole.hits.length >= first.atLeast, q);
    const plain = await openIndex(out, "bg").engine.search(q, { prefix });
    assert.deepEqual(plain.hits.map((h) => h.doc), whole.hits.map((h) => h.doc), q);
  }
});

test("two-word queries and filters wait for the whole lists", async () => {
  const { engine } = openIndex(out, "bg");
  const two = await engine.search("дневен център", { first: 10 });
  assert.equal(two.rest, undefined);
  assert.ok(two.hits.length > 10);
});
