// The engine end to end on the small site `kartoteka init` writes: index built by Rust,
// queried by search.js.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { buildIndex, initSite, openIndex, search, topUrls } from "./helpers.mjs";

let out;
before(() => {
  out = buildIndex(initSite());
});

test("Cyrillic, inflected, Latin, typo and prefix queries find the service", async () => {
  const { engine } = openIndex(out, "bg");
  for (const q of ["дневен център", "дневния центъра", "dneven tsentar", "dneven centar", "дневен цен"]) {
    const urls = await topUrls(engine, q, 1, { prefix: q.endsWith("цен") });
    assert.match(urls[0] || "", /^\/uslugi\//, q);
  }
});

test("English index uses English URLs", async () => {
  const { engine } = openIndex(out, "en");
  const result = await engine.search("day centre");
  assert.ok(result.hits.length > 0);
  const [record] = await engine.records([result.hits[0].doc]);
  assert.match(record[1], /^\/en\/services\//);
});

test("nothing found gives no hits, and a near miss gets a suggestion", async () => {
  const { engine } = openIndex(out, "bg");
  const none = await engine.search("xyzzyq");
  assert.equal(none.hits.length, 0);
  const near = await engine.search("дмевен");
  assert.ok(near.hits.length > 0, "one typo in a 6-letter word is tolerated");
});

test("snippets are highlighted as text, never as HTML", () => {
  const parts = search.highlight("<b>Дневен</b> център", new Set(["дневен"]), ["дневен"]);
  assert.deepEqual(parts, [["<b>", false], ["Дневен", true], ["</b> център", false]]);
});

test("a word too far from any term gets a “did you mean”", async () => {
  const { engine } = openIndex(out, "bg");
  const result = await engine.search("дмевнн");
  assert.equal(result.hits.length, 0);
  assert.match(result.suggestion, /^днев/);
});

test("English words on the Bulgarian page offer the English search, not a guess", async () => {
  const { engine } = openIndex(out, "bg");
  const result = await engine.search("day centre");
  assert.deepEqual(
    { lang: result.other?.lang, page: result.other?.page, suggestion: result.suggestion },
    { lang: "en", page: "/en/search/", suggestion: "" },
  );
  assert.ok(result.other.count > 0);
  const back = await openIndex(out, "en").engine.search("дневен център");
  assert.equal(back.other?.page, "/tarsene/", "and Bulgarian words on the English page the Bulgarian one");
});

test("“did you mean” offers only a whole query that finds every word", async () => {
  const { engine } = openIndex(out, "bg");
  // "дмевнн" alone is close to "дневен", but nothing has "дневен" and "xyzzyq".
  const result = await engine.search("дмевнн xyzzyq");
  assert.equal(result.suggestion, "");
  const alone = await engine.search("дмевнн");
  const check = await engine.search(alone.suggestion);
  assert.ok(check.hits.length > 0 && !check.partial, `“${alone.suggestion}” finds every word`);
});
