// axe-core's WCAG 2.1 A and AA rules on one page of every kind, in both languages, of the
// Ruse site and the fixture site, and with the menu or the search filters open: no violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DESKTOP, OPENERS, WCAG21_AA, axe, browserSession, describeViolation, everyPageKind, open, openedStates, skip } from "./support.mjs";

const session = browserSession({ viewport: DESKTOP });

for (const p of everyPageKind()) {
  test(`axe WCAG 2.1 AA: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const { page, status } = await open(session.context, session.sites.bases[p.site] + p.path);
    assert.equal(status, p.kind === "404" ? 404 : 200, "HTTP status");
    const violations = await axe(page, { runOnly: { type: "tag", values: WCAG21_AA } });
    await page.close();
    assert.equal(violations.length, 0, `${p.path}:\n${violations.map(describeViolation).join("\n")}`);
  });
}

for (const p of openedStates()) {
  test(`axe WCAG 2.1 AA, ${p.state}: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip }, async () => {
    const { page } = await open(session.context, session.sites.bases[p.site] + p.path);
    await OPENERS[p.state](page);
    const violations = await axe(page, { runOnly: { type: "tag", values: WCAG21_AA } });
    await page.close();
    assert.equal(violations.length, 0, `${p.path} (${p.state}):\n${violations.map(describeViolation).join("\n")}`);
  });
}
