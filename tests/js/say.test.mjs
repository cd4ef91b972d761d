// The status sentence puts the query in literally, whatever `$` patterns it holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const search = require("../../themes/default/static/search.js");

test("a query with $ patterns is written as typed", () => {
  const template = "{n} резултата за „{q}“";
  for (const q of ["$&", "$`", "$'", "$$", "$1", "a$&b"]) {
    assert.equal(search.say(template, 3, q), `3 резултата за „${q}“`, q);
  }
});
