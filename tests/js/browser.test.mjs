// The search page in headless Chromium: open it with ?q=, read the results, type into the
// box. Uses Debian's chromium and the playwright-core package (no downloaded browsers), found
// and launched as the browser suite does (tests/browser/support.mjs): the test is skipped,
// saying why, when either is missing, and fails under CI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildIndex, initSite, repoRoot, ruseSite } from "./helpers.mjs";
import { launch, serve, skip } from "../browser/support.mjs";

let server, browser, base, site;

before(async () => {
  if (skip) return;
  site = ruseSite();
  const out = buildIndex(site || initSite());
  copyFileSync(join(repoRoot, "themes/default/static/search.js"), join(out, "search.js"));
  const page = readFileSync(join(repoRoot, "tests/fixtures/search/page.html"), "utf8");
  for (const [lang, dir] of [["bg", "tarsene"], ["en", "en/search"]]) {
    mkdirSync(join(out, dir), { recursive: true });
    writeFileSync(join(out, dir, "index.html"), page.replace('lang="LANG"', `lang="${lang}"`));
  }
  server = await serve(out);
  base = server.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function results(page) {
  return page.$$eval("#search-results li", (items) =>
    items.map((li) => ({ href: li.querySelector("a").getAttribute("href"), text: li.textContent })),
  );
}

test("?q= in the URL lists hits, best first, and the count", { skip }, async () => {
  const page = await browser.newPage();
  const q = site ? "обществена подкрепа" : "дневен център";
  await page.goto(`${base}/tarsene/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#search-results li a");
  const hits = await results(page);
  const count = Number(await page.textContent("#search-count"));
  assert.equal(count >= hits.length && hits.length > 0, true, `count ${count}, ${hits.length} shown`);
  assert.match(hits[0].href, site ? /^\/uslugi\/tsop-/ : /^\/uslugi\//);
  assert.ok(await page.$("#search-results li mark"), "matched words are highlighted");
  assert.equal(await page.inputValue("#search-input"), q);
  await page.close();
});

test("typing in the box searches as you type and keeps ?q= in the address", { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/tarsene/`);
  await page.waitForFunction(() => window.kartotekaSearchPage && window.kartotekaSearchPage.engine.manifest);
  await page.locator("#search-input").pressSequentially("dneven cen", { delay: 30 });
  await page.waitForFunction(() => {
    const a = document.querySelector("#search-results li a");
    return a && new URL(location.href).searchParams.get("q") === "dneven cen";
  });
  const hits = await results(page);
  assert.match(hits[0].href, /^\/uslugi\/(dnevni|dneven)/);
  await page.close();
});

test("English page reads its own index; nothing found says so", { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/en/search/?q=${encodeURIComponent("day centre")}`);
  await page.waitForSelector("#search-results li a");
  assert.match((await results(page))[0].href, /^\/en\/services\//);
  await page.goto(`${base}/en/search/?q=qqqqzzzz`);
  await page.waitForFunction(() => document.querySelector("#search-count").textContent === "0");
  assert.equal((await results(page)).length, 0);
  await page.close();
});

test("English words on the Bulgarian page link to the English search with the query", { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/tarsene/?q=${encodeURIComponent("day centre")}`);
  await page.waitForSelector("#search-other");
  assert.equal(await page.getAttribute("#search-other", "href"), "/en/search/?q=day+centre");
  assert.equal(await page.$("#search-suggestion"), null, "and no “did you mean” guess");
  await page.click("#search-other");
  await page.waitForSelector("#search-results li a");
  assert.match((await results(page))[0].href, /^\/en\/services\//);
  await page.close();
});
