// The header on a 360×740 phone: with its search box visible, it takes at most 25 % of the
// screen on every page kind; the menu behind its "Меню"/"Menu" button opens without
// JavaScript, and Chromium's accessibility tree says whether it is open (what a screen reader
// announces).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PHONE, browserSession, everyPageKind, open, skip } from "./support.mjs";

const MAX_SHARE = 0.25;

const session = browserSession({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** Where the header ends and where its search box is, in CSS px from the top. */
function header() {
  const top = document.querySelector("header.top").getBoundingClientRect();
  const box = document.querySelector('header.top form[role="search"] input[name="q"]');
  const r = box?.getBoundingClientRect();
  return {
    bottom: top.bottom,
    box: r && getComputedStyle(box).visibility !== "hidden" ? { top: r.top, bottom: r.bottom, width: r.width } : null,
  };
}

for (const p of everyPageKind()) {
  test(`header ≤ ${MAX_SHARE * 100} % of 360×740 with its search box: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const { page } = await open(session.context, session.sites.bases[p.site] + p.path);
    const h = await page.evaluate(header);
    await page.close();
    const limit = PHONE.height * MAX_SHARE;
    assert.ok(h.box, "the header has a visible search box");
    assert.ok(h.box.width >= 120, `the search box is wide enough to type in: ${h.box.width}px`);
    assert.ok(h.box.bottom <= limit, `the search box ends at ${h.box.bottom}px, over ${limit}px`);
    assert.ok(h.bottom <= limit, `the header ends at ${h.bottom}px (${((h.bottom / PHONE.height) * 100).toFixed(1)} %), over ${limit}px`);
  });
}

/** The expanded state of the menu button as Chromium's accessibility tree gives it. */
async function menuButtonExpanded(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const name = await page.$eval("header details.menu > summary", (s) => s.textContent.trim());
  // Chromium's own role for a <summary> is DisclosureTriangle, given to screen readers as a
  // button with an expanded state.
  const roles = ["button", "DisclosureTriangle"];
  const node = nodes.find((n) => roles.includes(n.role?.value) && n.name?.value === name);
  assert.ok(node, `a button named "${name}" in the accessibility tree`);
  const expanded = (node.properties || []).find((prop) => prop.name === "expanded");
  return expanded?.value?.value;
}

for (const [name, path] of [["bg", "/"], ["en", "/en/"]]) {
  test(`the menu opens without JavaScript and its button says whether it is open (${name})`, { skip }, async () => {
    const context = await session.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.sites.bases.ruse + path);
    const links = page.locator("header nav a");
    assert.equal(await links.first().isVisible(), false, "closed at first: its links are hidden");
    assert.equal(await menuButtonExpanded(page), false, "the button says it is collapsed");
    await page.click("header details.menu > summary");
    assert.ok(await links.first().isVisible(), "a tap opens it");
    assert.ok((await links.count()) >= 5, "every menu link is in it");
    assert.equal(await menuButtonExpanded(page), true, "the button says it is expanded");
    await context.close();
  });
}
