// What every browser test shares: the two built sites, a static file server on loopback,
// Debian's Chromium through playwright-core, and the pages to look at (one of every kind
// in both languages). Tests are skipped, saying why, when Chromium or a package is missing —
// except under CI, where that is an error (see `skipLocally`).
import { before, after } from "node:test";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** Where the suite builds the sites: target/browser-sites/<name>/. */
export const sitesDir = join(repoRoot, "target", "browser-sites");
/**
 * Where screenshots and PDFs go for people to look at: $KARTOTEKA_ARTIFACTS, else
 * target/browser-artifacts/ (ignored by git).
 */
export const artifactsDir = process.env.KARTOTEKA_ARTIFACTS || join(repoRoot, "target", "browser-artifacts");
/** The build date of both sites, so that pages do not change from day to day. */
export const BUILD_DATE = "2026-11-25";

/** The sites the suite builds: the Ruse directory itself and a small fixture site. */
export const SITES = {
  ruse: { source: repoRoot, query: { bg: "дневен център", en: "day centre" } },
  fixture: {
    source: join(repoRoot, "tests", "fixtures", "render-site"),
    query: { bg: "дневен център", en: "day centre" },
  },
};

/** The two screens pages are looked at on. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** Debian's Chromium, if installed. */
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

let playwright = null;
try {
  playwright = (await import("playwright-core")).default;
} catch {
  playwright = null;
}

/**
 * `reason` (why tests cannot run here, or nothing) as node:test's `skip` option. Under CI
 * (`CI` set, as tests/suite/print.rs reads it) a missing tool throws instead, failing every
 * test file that needs it: a green CI run must mean that the pages were looked at.
 */
export function skipLocally(reason) {
  if (reason && process.env.CI) throw new Error(`${reason}; it is needed under CI`);
  return reason || false;
}

/** Why the browser tests cannot run here, or false when they can. */
export const skip = skipLocally(
  !CHROMIUM
    ? "no chromium (apt-get install chromium, or bash tests/setup)"
    : !playwright
      ? "no playwright-core (npm ci)"
      : false,
);

/** The output folder of a site, built now unless the suite's first step already did. */
export function builtSite(name) {
  const out = join(sitesDir, name);
  if (!existsSync(join(out, "index.html"))) buildSite(name);
  return out;
}

/** Builds site `name` into target/browser-sites/<name>/ with the kartoteka binary. */
export function buildSite(name) {
  const out = join(sitesDir, name);
  mkdirSync(sitesDir, { recursive: true });
  const bin = process.env.KARTOTEKA_BIN;
  const args = ["build", SITES[name].source, "--output", out, "--date", BUILD_DATE, "--no-pdf"];
  const run = bin
    ? spawnSync(bin, args, { cwd: repoRoot, encoding: "utf8" })
    : spawnSync("cargo", ["run", "--quiet", "--", ...args], { cwd: repoRoot, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`building ${name} failed:\n${run.stdout}\n${run.stderr}`);
  }
  return out;
}

/** Every file below `dir` whose name ends with `ext`, as paths relative to `dir`. */
export function filesIn(dir, ext) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(ext)) found.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return found;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the folder `root` on 127.0.0.1 at a free port, as a plain static host would
 * (`/x/` → `/x/index.html`, anything missing → the site's 404 page with status 404).
 * Resolves to { base, close }.
 */
export async function serve(root) {
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    if (inside && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(readFileSync(file));
      return;
    }
    const notFound = join(root, path.startsWith("/en/") ? "en/404.html" : "404.html");
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(existsSync(notFound) ? readFileSync(notFound) : "not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The browser side of one test file: registers node:test hooks that serve both sites and
 * launch Chromium before its tests (with one page context of `contextOptions`, unless that is
 * false) and close them after. Returns { browser, context, sites }, filled in by the time the
 * first test runs; nothing is started when the tests are skipped.
 */
export function browserSession(contextOptions = {}) {
  const session = { browser: null, context: null, sites: null };
  before(async () => {
    if (skip) return;
    session.sites = await serveSites();
    session.browser = await launch();
    if (contextOptions) session.context = await session.browser.newContext(contextOptions);
  });
  after(async () => {
    await session.browser?.close();
    await session.sites?.close();
  });
  return session;
}

/** Launches Debian's Chromium, headless, with nothing that reaches the network. */
export function launch() {
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens `url` in a new page and waits until it is ready (search results shown). */
export async function open(context, url) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "load" });
  if (new URL(url).searchParams.get("q")) {
    await page.waitForSelector("#search-results li a", { timeout: 10000 });
  }
  return { page, status: response.status() };
}

// The folders of each page kind in the output, per language (see src/render/urls.rs).
const SECTIONS = {
  service: { bg: "uslugi", en: "en/services" },
  provider: { bg: "dostavchitsi", en: "en/providers" },
  partnership: { bg: "partnyorstva", en: "en/partnerships" },
  term: { bg: "tselevi-grupi", en: "en/target-groups" },
};

/** The page in folder `section` of `out` with the most HTML: the one with the most to check. */
function largest(out, section) {
  const dir = join(out, section);
  const ids = readdirSync(dir).filter((id) => existsSync(join(dir, id, "index.html")));
  if (ids.length === 0) throw new Error(`no pages in ${section}/`);
  const size = (id) => statSync(join(dir, id, "index.html")).size;
  const id = ids.reduce((best, id) => (size(id) > size(best) ? id : best));
  return `/${section}/${id}/`;
}

/**
 * A typical service of a built site: the one whose page is of median size, so neither the
 * shortest listing nor the longest. Its path in `lang`.
 */
export function typicalService(out, lang) {
  const section = SECTIONS.service[lang];
  const dir = join(out, section);
  const sized = readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, "index.html")))
    .map((id) => ({ id, size: statSync(join(dir, id, "index.html")).size }))
    .sort((a, b) => a.size - b.size || a.id.localeCompare(b.id));
  return `/${section}/${sized[Math.floor((sized.length - 1) / 2)].id}/`;
}

/** A free page of the site (content/pages/), the largest one. */
function freePage(name, out, lang) {
  const dir = join(SITES[name].source, "content", "pages");
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && !f.endsWith(".en.md"))
    .map((f) => f.slice(0, -3));
  const prefix = lang === "bg" ? "" : "en/";
  const size = (id) => statSync(join(out, prefix, id, "index.html")).size;
  const id = ids.reduce((best, id) => (size(id) > size(best) ? id : best));
  return `/${prefix}${id}/`;
}

/**
 * One page of every kind in `lang` of the built site `name`: [{ kind, path }]. Listings
 * are the largest page of their kind; search has a query with results.
 */
export function pageKinds(name, out, lang) {
  const en = lang === "en";
  const pick = (kind) => largest(out, SECTIONS[kind][lang]);
  const q = encodeURIComponent(SITES[name].query[lang]);
  return [
    { kind: "home", path: en ? "/en/" : "/" },
    { kind: "service", path: pick("service") },
    { kind: "provider", path: pick("provider") },
    { kind: "partnership", path: pick("partnership") },
    { kind: "free page", path: freePage(name, out, lang) },
    { kind: "term listing", path: pick("term") },
    { kind: "vocabulary", path: `/${SECTIONS.term[lang]}/` },
    { kind: "search", path: `${en ? "/en/search/" : "/tarsene/"}?q=${q}` },
    { kind: "404", path: en ? "/en/no-such-page/" : "/nyama-takava-stranitsa/" },
    { kind: "open data", path: en ? "/en/open-data/" : "/otvoreni-danni/" },
    { kind: "accessibility", path: en ? "/en/accessibility/" : "/dostapnost/" },
    { kind: "A–Z services", path: en ? "/en/services/" : "/uslugi/" },
  ];
}

/**
 * Every (site, language, page kind) the suite visits. When the browser tests are skipped, one
 * placeholder, so that each file still shows its skipped test and why (no site is built).
 */
export function everyPageKind() {
  if (skip) return [{ site: "-", lang: "-", kind: "-", path: "/" }];
  const all = [];
  for (const name of Object.keys(SITES)) {
    const out = builtSite(name);
    for (const lang of ["bg", "en"]) {
      for (const p of pageKinds(name, out, lang)) all.push({ site: name, lang, ...p });
    }
  }
  return all;
}

/** Serves every site at once: { ruse: base, fixture: base }, and a function that stops them. */
export async function serveSites() {
  const servers = {};
  for (const name of Object.keys(SITES)) servers[name] = await serve(builtSite(name));
  return {
    bases: Object.fromEntries(Object.entries(servers).map(([k, v]) => [k, v.base])),
    close: () => Promise.all(Object.values(servers).map((s) => s.close())),
  };
}

/** axe-core's tags for the WCAG 2.1 A and AA rules (2.0 and 2.1, levels A and AA). */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe-core on the open page with `options`; resolves to its violations. */
export async function axe(page, options) {
  const source = createRequire(import.meta.url)("axe-core").source;
  await page.addScriptTag({ content: source });
  return page.evaluate((options) => window.axe.run(document, options).then((r) => r.violations), options);
}

/** A violation as a person reads it: rule, impact, help and the first few elements. */
export function describeViolation(v) {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(" ")}: ${(n.failureSummary || "").replace(/\n\s*/g, " ")}`)
    .join("\n");
  return `  ${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n${nodes}`;
}

/** Debian's nginx, if installed. */
export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

/**
 * Serves the folder `root` with Debian's nginx and docs/deploy/nginx.conf's settings
 * (compression, cache headers, the 404 page), on 127.0.0.1 at a free port, as
 * tests/suite/publish_nginx.rs does; the brotli lines are kept only when the module is
 * installed. Resolves to { base, close }.
 */
export async function serveWithNginx(root) {
  const port = await new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), "kartoteka-nginx-"));
  const brotli = existsSync("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so");
  const server = readFileSync(join(repoRoot, "docs", "deploy", "nginx.conf"), "utf8")
    .split("\n")
    .filter((l) => brotli || !l.trimStart().startsWith("brotli"))
    .filter((l) => !l.includes("listen [::]"))
    .map((l) => {
      if (l.trimStart().startsWith("listen ")) return `    listen 127.0.0.1:${port};`;
      if (l.trimStart().startsWith("root ")) return `    root ${root};`;
      return l;
    })
    .join("\n");
  const config = [
    "daemon off;",
    "worker_processes 1;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    "include /etc/nginx/modules-enabled/*.conf;",
    "events { worker_connections 64; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    server,
    "}",
  ].join("\n");
  writeFileSync(join(dir, "nginx.conf"), config);
  const child = spawn(NGINX, ["-c", join(dir, "nginx.conf"), "-p", dir, "-e", join(dir, "error.log")], {
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(base + "/");
      break;
    } catch (e) {
      if (i > 100 || child.exitCode !== null) {
        const log = existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "";
        throw new Error(`nginx did not start: ${e}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    base,
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Opens the header's menu (the <details> "Меню"/"Menu") by clicking its button. */
export async function openMenu(page) {
  await page.click("header details.menu > summary");
  await page.waitForSelector("header details.menu[open] nav a", { state: "visible" });
}

/** Opens the search page's filters and waits until their selects are there. */
export async function openFilters(page) {
  await page.click("#search-facets summary");
  await page.waitForSelector("#search-facets select", { state: "visible" });
}

/** The states of a page a visitor opens: the menu, and on the search page the filters. */
export const OPENERS = { "menu open": openMenu, "filters open": openFilters };

/**
 * Pages in an opened state, in both languages of both sites: the menu on the home and search
 * pages (the header is the same on every page), the filters on the search page with a query.
 */
export function openedStates() {
  if (skip) return [{ site: "-", lang: "-", kind: "-", state: "menu open", path: "/" }];
  const all = [];
  for (const site of Object.keys(SITES)) {
    for (const lang of ["bg", "en"]) {
      const q = encodeURIComponent(SITES[site].query[lang]);
      const search = `${lang === "en" ? "/en/search/" : "/tarsene/"}?q=${q}`;
      all.push({ site, lang, kind: "home", state: "menu open", path: lang === "en" ? "/en/" : "/" });
      all.push({ site, lang, kind: "search", state: "menu open", path: search });
      all.push({ site, lang, kind: "search", state: "filters open", path: search });
    }
  }
  return all;
}
