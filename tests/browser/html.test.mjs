// Valid HTML: the Nu Html Checker (npm vnu-jar, one Java run) over every page of both built
// sites: no errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SITES, builtSite, filesIn, skipLocally } from "./support.mjs";

let vnu = null;
try {
  vnu = String(createRequire(import.meta.url)("vnu-jar"));
} catch {
  vnu = null;
}
const java = spawnSync("java", ["-version"]).status === 0;
const skip = skipLocally(!vnu || !existsSync(vnu) ? "no vnu-jar (npm ci)" : !java ? "no java" : false);

test("vnu: every generated page of both sites is valid HTML", { skip, timeout: 600000 }, () => {
  const files = Object.keys(SITES).flatMap((name) => {
    const out = builtSite(name);
    return filesIn(out, ".html").map((f) => join(out, f));
  });
  assert.ok(files.length > 100, `pages found: ${files.length}`);
  const run = spawnSync(
    "java",
    ["-Xss2m", "-jar", vnu, "--errors-only", "--format", "json", ...files],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.notEqual(run.stderr, "", `vnu said nothing (exit ${run.status}): ${run.error ?? ""}`);
  const messages = JSON.parse(run.stderr).messages.filter((m) => m.type === "error" || m.subType === "fatal");
  const report = messages.slice(0, 40).map((m) => {
    const file = decodeURIComponent((m.url || "").replace(/^file:/, "")).replace(/.*browser-sites\//, "");
    return `${file}:${m.lastLine ?? "?"}: ${m.message}`;
  });
  console.log(`vnu: ${files.length} pages, ${messages.length} errors`);
  assert.equal(messages.length, 0, `${messages.length} errors, the first:\n${report.join("\n")}`);
});
