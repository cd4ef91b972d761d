// Screenshots of the home page, a typical service page and search results, on a desktop and
// a phone screen, in both languages, and on the phone with the menu open and with the search
// filters open, into target/browser-artifacts/ for people to look at
// (CI keeps the folder as an artifact). Nothing is compared: the other tests judge.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DESKTOP, PHONE, SITES, artifactsDir, browserSession, builtSite, open, openFilters, openMenu, skip, typicalService } from "./support.mjs";

const session = browserSession(false);

before(() => mkdirSync(artifactsDir, { recursive: true }));

const SCREENS = [
  ["desktop", { viewport: DESKTOP }],
  ["mobile", { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
];

for (const lang of ["bg", "en"]) {
  for (const [screen, options] of SCREENS) {
    test(`screenshots: home, service, search results (${lang}, ${screen})`, { skip }, async () => {
      const context = await session.browser.newContext(options);
      const search = lang === "bg" ? "/tarsene/" : "/en/search/";
      const shots = {
        home: lang === "bg" ? "/" : "/en/",
        service: typicalService(builtSite("ruse"), lang),
        search: `${search}?q=${encodeURIComponent(SITES.ruse.query[lang])}`,
      };
      for (const [name, path] of Object.entries(shots)) {
        const { page } = await open(context, session.sites.bases.ruse + path);
        const file = join(artifactsDir, `${name}-${lang}-${screen}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.close();
        assert.ok(statSync(file).size > 10000, `${file} has a picture`);
      }
      await context.close();
    });
  }
}

for (const lang of ["bg", "en"]) {
  test(`screenshots: menu open, filters open (${lang}, mobile)`, { skip }, async () => {
    const context = await session.browser.newContext(SCREENS[1][1]);
    const search = `${lang === "bg" ? "/tarsene/" : "/en/search/"}?q=${encodeURIComponent(SITES.ruse.query[lang])}`;
    const shots = [
      ["menu-open", lang === "bg" ? "/" : "/en/", openMenu],
      ["filters-open", search, openFilters],
    ];
    for (const [name, path, prepare] of shots) {
      const { page } = await open(context, session.sites.bases.ruse + path);
      await prepare(page);
      const file = join(artifactsDir, `${name}-${lang}-mobile.png`);
      await page.screenshot({ path: file });
      await page.close();
      assert.ok(statSync(file).size > 10000, `${file} has a picture`);
    }
    await context.close();
  });
}
