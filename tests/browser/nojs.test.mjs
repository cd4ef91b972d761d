// The search page where search.js cannot run: the page's own small script still puts the query
// of ?q= back into the box, and a note points to the A–Z list of all services; with scripts
// switched off the note and the browse links are there (nothing can read ?q= then).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PHONE, SITES, browserSession, skip } from "./support.mjs";

const session = browserSession(false);

for (const site of Object.keys(SITES)) {
  for (const lang of ["bg", "en"]) {
    const query = SITES[site].query[lang];
    const path = `${lang === "en" ? "/en/search/" : "/tarsene/"}?q=${encodeURIComponent(query)}`;
    const az = lang === "en" ? "/en/services/" : "/uslugi/";

    test(`search without search.js keeps the query and points to the A–Z list: ${site} ${lang}`, { skip }, async () => {
      const context = await session.browser.newContext({ viewport: PHONE });
      // search.js is not served: as in a browser too old for it, or when it fails to load.
      await context.route(/\/search[^/]*\.js(\?|$)/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(session.sites.bases[site] + path);
      assert.equal(await page.inputValue("#search-input"), query, "the query is back in the box");
      const note = page.locator(".search-fallback");
      assert.ok(await note.isVisible() === false, "a browser that can run search.js hides the note");
      await context.close();
    });

    test(`search with scripts off shows the note and the links to every service: ${site} ${lang}`, { skip }, async () => {
      const context = await session.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(session.sites.bases[site] + path);
      assert.ok(await page.locator(".search-fallback").isVisible(), "the note is shown");
      assert.ok(await page.locator(`.search-fallback a[href="${az}"]`).isVisible(), "it links to the A–Z list");
      assert.ok(await page.locator(`main ul a[href="${az}"]`).isVisible(), "the browse links include it");
      await context.close();
    });
  }
}
