// A 360×740 phone screen: no page of any kind scrolls sideways (WCAG 1.4.10 Reflow), and
// tap targets are at least 24×24 CSS px (WCAG 2.5.8, checked by axe-core's target-size rule
// and by measuring every control that is not a link inside running text) — as loaded, with
// the menu open, and on the search page with the filters open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OPENERS, PHONE, axe, browserSession, describeViolation, everyPageKind, open, openedStates, skip } from "./support.mjs";

const MIN = 24;

const session = browserSession({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** Elements that stick out past the right edge of the screen, deepest first. */
function overflowing() {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && r.width > 0) {
      out.push(`<${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ""}> right ${Math.round(r.right)}px`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, out: out.reverse().slice(0, 8) };
}

/**
 * Controls smaller than `min` px in either direction. A link inside running text is left
 * out (WCAG 2.5.8's "inline" exception): its size is set by the line of text around it.
 */
function smallTargets(min) {
  const small = [];
  const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary");
  for (const el of controls) {
    const rects = el.getClientRects();
    if (rects.length === 0 || getComputedStyle(el).visibility === "hidden") continue;
    if (!el.checkVisibility()) continue; // inside a closed <details>
    const r = el.getBoundingClientRect();
    if (r.right < 0 || r.bottom < 0) continue; // off screen until focused (the skip link)
    if (r.width >= min && r.height >= min) continue;
    if (el.tagName === "A" && getComputedStyle(el).display === "inline") {
      const block = el.parentElement.closest("p, li, dd, td, th, h1, h2, h3, h4, div");
      const around = (block?.textContent || "").replace(el.textContent, "");
      if (/\p{L}{2,}/u.test(around)) continue; // a link in a sentence: words around it
    }
    small.push(`<${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
}

/** What is wrong with `p` at 360 px, after `prepare` (an opener) if given: [] when nothing. */
async function problemsOf(p, prepare) {
  const { page } = await open(session.context, session.sites.bases[p.site] + p.path);
  if (prepare) await prepare(page);
  const o = await page.evaluate(overflowing);
  const small = await page.evaluate(smallTargets, MIN);
  const violations = await axe(page, { runOnly: { type: "rule", values: ["target-size"] } });
  await page.close();
  const problems = [];
  if (o.scrollWidth > o.width) {
    problems.push(`scrolls sideways: ${o.scrollWidth}px wide on a ${o.width}px screen`, ...o.out);
  }
  if (small.length) problems.push(`tap targets under ${MIN} px:`, ...small);
  if (violations.length) problems.push(...violations.map(describeViolation));
  return problems;
}

for (const p of everyPageKind()) {
  test(`360 px: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const problems = await problemsOf(p);
    assert.deepEqual(problems, [], `${p.path}:\n${problems.join("\n")}`);
  });
}

for (const p of openedStates()) {
  test(`360 px, ${p.state}: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const problems = await problemsOf(p, OPENERS[p.state]);
    assert.deepEqual(problems, [], `${p.path} (${p.state}):\n${problems.join("\n")}`);
  });
}
