// Measures `kartoteka serve` on a generated site: the time from saving one service file
// until its page is served with the new text (polled over HTTP), until the reload event
// for it arrives, and until the rest (lists, search index, open data) is in place.
//
//   node bench/generate.mjs /tmp/bench                       # the 10,000-service site
//   cargo build --release
//   node bench/serve.mjs /tmp/bench/site [--edits 9] [--bin target/release/kartoteka]
//
// Each edit is undone after the rest has landed, and the next edit comes 1.5 s later, while
// the undo's second step is still running (it is dropped for the newer save's).
// Edits the files back to what they were at the end.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import http from "node:http";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const EDITS = Number(flag("--edits", "9"));
const BIN = flag("--bin", "target/release/kartoteka");
const SITE = args[0];
if (!SITE) {
  console.error("usage: node bench/serve.mjs SITE [--edits N] [--bin PATH]");
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const started = now();
const server = spawn(BIN, ["serve", "--port", "0", SITE], { stdio: ["ignore", "ignore", "pipe"] });
process.on("exit", () => server.kill());
const log = [];
const addr = await new Promise((resolve, reject) => {
  let buffer = "";
  server.stderr.on("data", (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      log.push(line);
      const m = line.match(/ at http:\/\/([^/]+)\//);
      if (m) resolve(m[1]);
    }
  });
  server.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${log.join("\n")}`)));
});
const firstBuild = now() - started;
const [host, port] = addr.split(":");

// Server-sent events: every `reload` event's data (the changed paths), with its time.
const reloads = [];
http.get({ host, port, path: "/__kartoteka/events" }, (res) => {
  let buffer = "";
  res.setEncoding("utf8");
  res.on("data", (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = block.match(/^event: (.*)$/m)?.[1];
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (name === "reload") reloads.push({ at: now(), paths: JSON.parse(data) });
    }
  });
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (path) => new Promise((resolve, reject) => {
  http.get({ host, port, path, agent }, (res) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (c) => (body += c));
    res.on("end", () => resolve(body));
  }).on("error", reject);
});
const until = async (test, what) => {
  const t = now();
  while (!(await test())) {
    if (now() - t > 600000) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
  return now();
};
await sleep(500);

const services = readdirSync(join(SITE, "content/services")).filter((f) => !f.endsWith(".en.md"));
const rows = [];
for (let i = 0; i < EDITS; i++) {
  const file = join(SITE, "content/services", services[Math.floor((i + 0.5) * services.length / EDITS)]);
  const id = file.match(/([^/]+)\.md$/)[1];
  const page = `/uslugi/${id}/`;
  const original = readFileSync(file, "utf8");
  const marker = `Правка ${i} ${Date.now()}`;
  const from = reloads.length;
  const saved = now();
  writeFileSync(file, original.replace('title = "', `title = "${marker} `));
  const served = await until(async () => (await get(page)).includes(marker), "the page");
  const event = await until(async () => reloads.slice(from).some((r) => r.paths.includes(`${page}index.html`)), "the reload event");
  const rest = await until(async () => reloads.slice(from).some((r) => r.paths.includes("/sitemap.xml")), "the rest");
  rows.push({ id, page: served - saved, event: event - saved, rest: rest - saved });
  console.error(rows.at(-1), log.at(-1));
  writeFileSync(file, original);
  await until(async () => !(await get(page)).includes(marker), "the page back");
  await sleep(1500);
}
server.kill();

const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`first build and serve: ${(firstBuild / 1000).toFixed(1)} s (${services.length} services)`);
console.log("| edit | page served | reload event | lists, search, open data |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.id} | ${fmt(r.page)} | ${fmt(r.event)} | ${fmt(r.rest)} |`);
console.log(`| **median of ${rows.length}** | **${fmt(median(rows.map((r) => r.page)))}** | **${fmt(median(rows.map((r) => r.event)))}** | **${fmt(median(rows.map((r) => r.rest)))}** |`);
console.log("\nserve's own log:\n" + log.filter((l) => /built|rebuilt/.test(l)).join("\n"));
