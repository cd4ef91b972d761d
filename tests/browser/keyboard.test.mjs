// The home and search pages with the keyboard only: the skip link is the first stop, is
// visible when focused and moves focus to the content; Tab reaches every control in order;
// every stop shows where focus is. On a phone screen the menu opens and closes with the keyboard,
// and the search filters open with it and change the results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DESKTOP, PHONE, SITES, browserSession, open, skip } from "./support.mjs";

const session = browserSession({ viewport: DESKTOP });

const q = SITES.ruse.query;
const PAGES = [
  { name: "home bg", path: "/" },
  { name: "home en", path: "/en/" },
  { name: "search bg", path: `/tarsene/?q=${encodeURIComponent(q.bg)}` },
  { name: "search en", path: `/en/search/?q=${encodeURIComponent(q.en)}` },
];

/**
 * Marks every control a keyboard user should reach (visible, enabled, not taken out of the
 * tab order) with data-kb="<n>" and returns how many there are.
 */
function markControls() {
  const selector = [
    "a[href]",
    "button:not([disabled])",
    "input:not([type=hidden]):not([disabled])",
    "select:not([disabled])",
    "textarea:not([disabled])",
    "summary",
    "[tabindex]",
  ].join(",");
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.getAttribute("tabindex") === "-1" || el.closest("[inert],[hidden]")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.getClientRects().length === 0) continue;
    if (!el.checkVisibility()) continue; // inside a closed <details>
    el.dataset.kb = String(n++);
  }
  return n;
}

/** What the focused element is and whether its focus is drawn (outline or box-shadow). */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  return {
    kb: el.dataset.kb ?? null,
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.textContent || el.value || "").trim().slice(0, 40),
    visible: outline || shadow,
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth,
  };
}

for (const p of PAGES) {
  test(`keyboard: skip link first, visible, and it moves focus to the content (${p.name})`, { skip }, async () => {
    const { page } = await open(session.context, session.sites.bases.ruse + p.path);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(focused);
    assert.equal(first?.tag, "a", "the first Tab stop is a link");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#main");
    assert.ok(first.onScreen, "the skip link is on screen when focused");
    assert.ok(first.visible, "the skip link shows focus");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => location.hash), "#main");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main", "focus moved to <main>");
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => !!document.activeElement.closest("main"));
    assert.ok(inside, "the next Tab stop is inside the content, past the header");
    await page.close();
  });

  test(`keyboard: Tab reaches every control and shows focus at each (${p.name})`, { skip }, async () => {
    const { page } = await open(session.context, session.sites.bases.ruse + p.path);
    const total = await page.evaluate(markControls);
    const reached = new Set();
    const hidden = [];
    const offScreen = [];
    for (let i = 0; i < total + 20; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(focused);
      if (!f) break; // past the last control: focus left the document
      if (f.kb !== null) {
        if (reached.has(f.kb)) break; // wrapped around
        reached.add(f.kb);
      }
      const label = `<${f.tag}${f.id ? `#${f.id}` : ""}> "${f.text}"`;
      if (!f.visible) hidden.push(label);
      if (!f.onScreen) offScreen.push(label);
    }
    const missed = await page.evaluate(
      (reached) =>
        [...document.querySelectorAll("[data-kb]")]
          .filter((el) => !reached.includes(el.dataset.kb))
          .map((el) => `<${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 40)}"`),
      [...reached],
    );
    await page.close();
    assert.ok(total > 10, `controls found: ${total}`);
    assert.deepEqual(missed, [], "controls Tab never reached");
    assert.deepEqual(hidden, [], "Tab stops without a visible focus indicator");
    assert.deepEqual(offScreen, [], "Tab stops off screen");
  });
}

/** Presses Tab until `selector` has focus (at most `max` times); true when it does. */
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return true;
  }
  return false;
}

for (const p of PAGES) {
  test(`keyboard, 360 px: the menu opens with Enter, its links take focus, it closes (${p.name})`, { skip }, async () => {
    const context = await session.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const { page } = await open(context, session.sites.bases.ruse + p.path);
    assert.ok(await tabTo(page, "header details.menu > summary"), "Tab reaches the menu button");
    assert.ok((await page.evaluate(focused)).visible, "the menu button shows focus");
    await page.keyboard.press("Enter");
    assert.ok(await page.evaluate(() => document.querySelector("header details.menu").open), "Enter opens the menu");
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => !!document.activeElement.closest("header nav")), "the next Tab stop is its first link");
    assert.ok((await page.evaluate(focused)).visible, "the link shows focus");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Space");
    assert.ok(await page.evaluate(() => !document.querySelector("header details.menu").open), "Space closes it again");
    await context.close();
  });
}

for (const p of PAGES.filter((p) => p.name.startsWith("search"))) {
  test(`keyboard, 360 px: the search filters open with Enter and a choice changes the results (${p.name})`, { skip }, async () => {
    const context = await session.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const { page } = await open(context, session.sites.bases.ruse + p.path);
    const before = await page.evaluate(() => document.getElementById("search-count").textContent);
    assert.ok(await tabTo(page, "#search-facets summary"), "Tab reaches the filters button");
    // (the screenshots test shows the open filters; mobile.test.mjs measures them)
    assert.ok((await page.evaluate(focused)).visible, "the filters button shows focus");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#search-facets select", { state: "visible" });
    await page.keyboard.press("Tab");
    const select = await page.evaluate(() => document.activeElement.tagName);
    assert.equal(select, "SELECT", "the next Tab stop is the first filter");
    assert.ok((await page.evaluate(focused)).visible, "the filter shows focus");
    const label = await page.evaluate(() => document.activeElement.labels?.[0]?.textContent.trim() || "");
    assert.ok(label.length > 1, "the filter has a label");
    await page.keyboard.press("ArrowDown");
    const chosen = await page.evaluate(() => document.activeElement.value);
    assert.notEqual(chosen, "", "ArrowDown chooses a value");
    // The results are searched again with the filter: a new count, or the same one re-written.
    await page.waitForFunction(() => window.kartotekaSearchPage?.filters && Object.values(window.kartotekaSearchPage.filters).some(Boolean));
    assert.ok(before.length > 0, "there were results before");
    await context.close();
  });
}
