// Print: a typical service page, printed to PDF from Chromium with print media emulated, is
// one A4 page with no navigation in it (menu, search form, skip link, footer). The PDFs go
// to the artifact folder with the page count of every Ruse service page, for people to see.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { artifactsDir, browserSession, builtSite, skip, typicalService } from "./support.mjs";

const session = browserSession();

before(() => mkdirSync(artifactsDir, { recursive: true }));

/** The PDF of a page as the browser prints it, and its number of pages. */
async function printed(url) {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  // Anything of the page's frame still shown in print, with its text.
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll("nav, form, .skip, footer, .twin")]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`),
  );
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  return { pdf, pages: pageCount(pdf), shown };
}

/** Pages in a PDF: pdfinfo's count when poppler-utils is there, else the page objects. */
function pageCount(pdf) {
  const info = spawnSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" });
  const match = info.status === 0 && info.stdout.match(/^Pages:\s+(\d+)/m);
  if (match) return Number(match[1]);
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

/** The page size of a PDF in points, from pdfinfo (null without poppler-utils). */
function pageSize(pdf) {
  const info = spawnSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" });
  const match = info.status === 0 && info.stdout.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m);
  return match ? [Math.round(Number(match[1])), Math.round(Number(match[2]))] : null;
}

for (const lang of ["bg", "en"]) {
  test(`print: a typical service is one A4 page without navigation (${lang})`, { skip }, async () => {
    const path = typicalService(builtSite("ruse"), lang);
    const { pdf, pages, shown } = await printed(session.sites.bases.ruse + path);
    writeFileSync(join(artifactsDir, `print-service-${lang}.pdf`), pdf);
    assert.deepEqual(shown, [], `${path}: navigation shown in print`);
    const size = pageSize(pdf);
    if (size) assert.deepEqual(size, [595, 842], "A4 (595 × 842 pt)");
    assert.equal(pages, 1, `${path} prints on ${pages} pages`);
  });
}

test("print: page count of every Ruse service page, into the artifacts", { skip }, async () => {
  const out = builtSite("ruse");
  const lines = [];
  for (const [lang, section] of [
    ["bg", "uslugi"],
    ["en", "en/services"],
  ]) {
    for (const id of readdirSync(join(out, section)).sort()) {
      const { pages } = await printed(`${session.sites.bases.ruse}/${section}/${id}/`);
      lines.push(`${lang}\t${pages}\t/${section}/${id}/`);
    }
  }
  writeFileSync(join(artifactsDir, "print-pages.tsv"), `lang\tpages\tpage\n${lines.join("\n")}\n`);
  const one = lines.filter((l) => l.split("\t")[1] === "1").length;
  assert.ok(one * 2 >= lines.length, `only ${one} of ${lines.length} service pages print on one page`);
});
