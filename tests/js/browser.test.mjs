// The search page in headless Chromium: open it with ?q=, read the results, type into the
// box. Uses Debian's chromium and the playwright-core package (no downloaded browsers); the
// test is skipped, saying why, when either is missing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, copyFileSync, writeFileSync } from "node:fs";
import { join, normalize, extname } from "node:path";
import { buildIndex, initSite, repoRoot, ruseSite } from "./helpers.mjs";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
let playwright = null;
try {
  playwright = (await import("playwright-core")).default;
} catch {
  playwright = null;
}
const skip = !CHROMIUM
  ? "no chromium (apt-get install chromium)"
  : !playwright
    ? "no playwright-core (npm install)"
    : false;

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json" };
let server, browser, base, site;

/** Serves `root` as static files, as any web server would. */
function serve(root) {
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
}

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
  server = serve(out);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
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
