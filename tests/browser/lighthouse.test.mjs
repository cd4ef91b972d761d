// Lighthouse 12.2.3 (pinned: later versions need a newer Node) with Debian's Chromium, in its
// default mobile emulation (a mid-range phone on a slow 4G link), on the home page, a service
// page, the search page with a query, the A–Z list of services and a provider page, in both
// languages of the Ruse site and the fixture site, served by Debian's nginx with
// docs/deploy/nginx.conf's settings (compression on): every category scores at least 95 and
// the cumulative layout shift stays under 0.1 (in one of up to three runs: see RUNS).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, NGINX, SITES, builtSite, serveWithNginx, skip, skipLocally, typicalService } from "./support.mjs";

let lighthouse = null;
let chromeLauncher = null;
try {
  lighthouse = (await import("lighthouse")).default;
  chromeLauncher = await import("chrome-launcher");
} catch {
  lighthouse = null;
}

const why = skip || skipLocally(!NGINX ? "no nginx (bash tests/setup)" : !lighthouse ? "no lighthouse (npm ci)" : false);

const MIN_SCORE = 95;
const MAX_CLS = 0.1;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/** The pages Lighthouse looks at in `lang` of built site `name`. */
function pages(name, out, lang) {
  const en = lang === "en";
  const q = encodeURIComponent(SITES[name].query[lang]);
  const largestProvider = en ? "/en/providers/" : "/dostavchitsi/";
  return [
    { kind: "home", path: en ? "/en/" : "/" },
    { kind: "service", path: typicalService(out, lang) },
    { kind: "search", path: `${en ? "/en/search/" : "/tarsene/"}?q=${q}` },
    { kind: "A–Z services", path: en ? "/en/services/" : "/uslugi/" },
    { kind: "provider", path: firstProvider(out, largestProvider) },
  ];
}

/** The first provider page the A–Z list of organisations links to. */
function firstProvider(out, listPath) {
  const html = readFileSync(join(out, listPath, "index.html"), "utf8");
  const m = new RegExp(`href="(${listPath}[a-z0-9-]+/)"`).exec(html);
  if (!m) throw new Error(`no provider linked from ${listPath}`);
  return m[1];
}

const servers = {};
let chrome = null;

before(async () => {
  if (why) return;
  for (const name of Object.keys(SITES)) servers[name] = await serveWithNginx(builtSite(name));
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await chrome?.kill();
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

const cases = why
  ? [{ site: "-", lang: "-", kind: "-", path: "/" }]
  : Object.keys(SITES).flatMap((site) =>
      ["bg", "en"].flatMap((lang) => pages(site, builtSite(site), lang).map((p) => ({ site, lang, ...p }))),
    );

/**
 * One Lighthouse run of `url`: what falls short (an empty list when nothing) and a line of
 * its scores.
 */
async function audit(url) {
  const { lhr } = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: CATEGORIES,
  });
  assert.equal(lhr.runtimeError, undefined, `${url}: ${JSON.stringify(lhr.runtimeError)}`);
  const problems = [];
  for (const key of CATEGORIES) {
    const category = lhr.categories[key];
    const score = Math.round((category.score ?? 0) * 100);
    if (score < MIN_SCORE) {
      const failing = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
        .map((a) => `    ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      problems.push(`${key} ${score} < ${MIN_SCORE}`, ...failing);
    }
  }
  const cls = lhr.audits["cumulative-layout-shift"].numericValue;
  if (!(cls < MAX_CLS)) problems.push(`cumulative layout shift ${cls.toFixed(3)} ≥ ${MAX_CLS}`);
  const scores = CATEGORIES.map((k) => `${k} ${Math.round(lhr.categories[k].score * 100)}`).join(", ");
  return { problems, line: `${scores}, CLS ${cls.toFixed(3)}` };
}

// The performance score measures the page's main-thread work in time, on top of Lighthouse's
// own 4× CPU slowdown: on two cores shared with other builds it drops by up to ten points from
// one run to the next. A page passes when one of up to RUNS runs meets every threshold.
const RUNS = 3;

for (const p of cases) {
  test(`lighthouse ≥ ${MIN_SCORE}, CLS < ${MAX_CLS}: ${p.site} ${p.lang} ${p.kind} ${p.path}`, { skip: why }, async () => {
    const url = servers[p.site].base + p.path;
    let result;
    for (let run = 1; run <= RUNS; run++) {
      result = await audit(url);
      console.log(`${p.site} ${p.lang} ${p.kind} (run ${run}): ${result.line}`);
      if (result.problems.length === 0) break;
    }
    assert.deepEqual(result.problems, [], `${url}:\n${result.problems.join("\n")}`);
  });
}
