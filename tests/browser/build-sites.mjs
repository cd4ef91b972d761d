// The suite's first step (npm run test:browser): builds the Ruse site and the fixture site
// afresh into target/browser-sites/, so that no test looks at an older build.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { SITES, buildSite, sitesDir } from "./support.mjs";

for (const name of Object.keys(SITES)) {
  const started = Date.now();
  rmSync(join(sitesDir, name), { recursive: true, force: true });
  buildSite(name);
  console.log(`built ${name} into ${join(sitesDir, name)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
