// Size budget of the search page's script: at most 12 KB gzipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

test("search.js is at most 12 KB gzipped", () => {
  const js = readFileSync(new URL("../../themes/default/static/search.js", import.meta.url));
  const size = gzipSync(js, { level: 9 }).length;
  assert.ok(size <= 12 * 1024, `search.js is ${size} bytes gzipped`);
});
