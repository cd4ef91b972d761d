// The shared vectors (tests/fixtures/search/vectors.json) run against search.js; the Rust side
// runs the same file in tests/suite/search_vectors.rs. Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const search = require("../../themes/default/static/search.js");
const vectors = JSON.parse(
  readFileSync(new URL("../fixtures/search/vectors.json", import.meta.url), "utf8"),
);

const functions = {
  normalize: search.normalize,
  tokenize: search.tokenize,
  stem: search.stem,
  fold: search.fold,
  latinKeys: search.latinKeys,
  toCyrillic: search.toCyrillic,
  frontCode: search.frontEncode,
};

for (const [name, fn] of Object.entries(functions)) {
  test(`vectors: ${name}`, () => {
    assert.ok(Array.isArray(vectors[name]), `vectors.json has a section ${name}`);
    for (const [input, expected] of vectors[name]) {
      assert.deepEqual(fn(input), expected, `${name}(${JSON.stringify(input)})`);
    }
  });
}

test("front coding round-trips", () => {
  for (const [words, coded] of vectors.frontCode) {
    assert.deepEqual(search.frontDecode(coded), words);
  }
});

test("edit distance counts a swap as one", () => {
  const d = (a, b, max) => search.distance(Array.from(a), Array.from(b), max);
  assert.equal(d("подркепа", "подкрепа", 2), 1);
  assert.equal(d("обществена", "общестена", 2), 1);
  assert.equal(d("abc", "xyz", 1), 2);
  assert.equal(d("kitten", "sitting", 3), 3);
});
