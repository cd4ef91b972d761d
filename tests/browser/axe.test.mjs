// axe-core's WCAG 2.1 A and AA rules on one page of every kind, in both languages, of the
// Ruse site and the fixture site: no violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { DESKTOP, WCAG21_AA, axe, describeViolation, everyPageKind, launch, open, serveSites, skip } from "./support.mjs";

let browser, context, sites;
const pages = skip ? [{ site: "-", lang: "-", kind: "-", path: "/" }] : everyPageKind();

before(async () => {
  if (skip) return;
  sites = await serveSites();
  browser = await launch();
  context = await browser.newContext({ viewport: DESKTOP });
});

after(async () => {
  await browser?.close();
  await sites?.close();
});

for (const p of pages) {
  test(`axe WCAG 2.1 AA: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const { page, status } = await open(context, sites.bases[p.site] + p.path);
    assert.equal(status, p.kind === "404" ? 404 : 200, "HTTP status");
    const violations = await axe(page, { runOnly: { type: "tag", values: WCAG21_AA } });
    await page.close();
    assert.equal(violations.length, 0, `${p.path}:\n${violations.map(describeViolation).join("\n")}`);
  });
}
