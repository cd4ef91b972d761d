// The build benchmark: kartoteka, Zola and Hugo building the same generated directory, and
// `cp -r` of kartoteka's output as the I/O floor. --runs alternating rounds (after --warmup
// rounds), each tool once per round into a fresh folder after `sync`; each run is timed by
// hyperfine, and GNU time gives its peak memory (maximum resident set size). The table gives
// the median time, the median CPU time (user + system) and the highest peak of the runs.
//
//   cargo build --release
//   node bench/build.mjs [--sizes 1000,10000,20000] [--runs 5] [--warmup 1] [--only kartoteka,cp] [OUT]
//
// kartoteka is $CARGO_TARGET_DIR/release/kartoteka (target/release/kartoteka without it).
//
// Needs `hyperfine` and GNU time (/usr/bin/time), and `hugo` (Debian's package) on PATH;
// uses a `zola` on PATH when there is one and says so when there is not. OUT (default
// /tmp/kartoteka-bench) holds one corpus per size (bench/generate.mjs --for build), made
// once and reused, and the builds' outputs. Prints the table for bench/README.md and writes
// OUT/results-SIZES.json.
//
// Cold builds: before every run the outputs and every cache are moved aside, so no output or
// cache is left from an earlier build. kartoteka and Zola keep no cache between builds; Hugo's
// is its --cacheDir (set to OUT/N/hugo-cache) and the site's resources/ folder, both moved
// aside too. The operating system's file cache stays warm (the corpus was just written, and
// the warm-up round reads it again), the same for every tool.
//
// Moved aside, not removed: each is renamed into OUT/N/trash/<tool>-XXXXXXXX, and the trash
// folders are deleted only when every size has been timed. On ext4 without a journal (the
// Firecracker VM these numbers come from), the inode allocator skips inodes freed in the last
// 60 s, up to 6 min (recently_deleted() in fs/ext4/ialloc.c), so right after an `rm -rf` of
// ~50,000 files every mkdir and file create scans past them: a 10,000-service kartoteka build
// took 20–21.6 s (16–25 s system time) instead of 12.5 s (3.5 s), Zola 24.7–27.3 s instead of
// 11.9–15.9 s. A fresh clone on CI sees nothing of the kind. For the same reason, start a run
// some minutes after any mass delete, including the previous run's (it deletes its trash last).
//
// Disk: the trash keeps every run's output until the end, so OUT needs roughly
// (warmup + runs + 1) × the output size per tool and size free: at N = 10,000 with the defaults
// about 7 × (590 + 590 + 261 + 249) MB ≈ 12 GB (kartoteka, cp -r, Zola, Hugo), at 20,000 about
// twice that; nearly 40 GB for the default sizes together. Short of space, run one size at a time
// (minutes apart).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const SIZES = flag("--sizes", "1000,10000,20000").split(",").map(Number);
const RUNS = Number(flag("--runs", "5"));
const WARMUP = Number(flag("--warmup", "1"));
const ONLY = flag("--only", "");
const OUT = args[0] || "/tmp/kartoteka-bench";
const repo = new URL("..", import.meta.url).pathname;
const kartoteka = join(process.env.CARGO_TARGET_DIR || join(repo, "target"), "release/kartoteka");

const onPath = (program) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
for (const [program, hint] of [["hyperfine", "apt-get install hyperfine"], ["/usr/bin/time", "apt-get install time"]]) {
  if (!onPath(program)) {
    console.error(`bench/build.mjs: ${program} is missing (${hint})`);
    process.exit(2);
  }
}
if (!existsSync(kartoteka)) {
  console.error("bench/build.mjs: build kartoteka first: cargo build --release");
  process.exit(2);
}
const version = (cmd) => spawnSync("sh", ["-c", cmd], { encoding: "utf8" }).stdout.trim().split("\n")[0];
const tools = [["kartoteka", true], ["zola", onPath("zola")], ["hugo", onPath("hugo")], ["cp", true]]
  .filter(([name, present]) => {
    if (!present) console.error(`note: no \`${name}\` on PATH; the table leaves it out`);
    return present && (!ONLY || ONLY.split(",").includes(name));
  })
  .map(([name]) => name);
console.error(`tools: ${tools.map((t) => t === "cp" ? "cp -r" : `${t} (${version(t === "kartoteka" ? `${kartoteka} --version` : `${t} version 2>/dev/null || ${t} --version`)})`).join(", ")}`);

/** The command that builds `tool`'s site of size dir into its output, and what it moves aside first. */
function command(tool, dir) {
  const q = (p) => `'${p}'`;
  switch (tool) {
    case "kartoteka":
      return [`${q(kartoteka)} build ${q(join(dir, "site"))} --output ${q(join(dir, "out-kartoteka"))} --date 2026-01-01 --no-pdf`,
        [join(dir, "out-kartoteka")]];
    case "zola":
      return [`zola --root ${q(join(dir, "zola"))} build --output-dir ${q(join(dir, "out-zola"))} --force`,
        [join(dir, "out-zola")]];
    case "hugo":
      return [`hugo --quiet --source ${q(join(dir, "hugo"))} --destination ${q(join(dir, "out-hugo"))} --cacheDir ${q(join(dir, "hugo-cache"))}`,
        [join(dir, "out-hugo"), join(dir, "hugo-cache"), join(dir, "hugo/resources")]];
    case "cp":
      return [`cp -r ${q(join(dir, "reference"))} ${q(join(dir, "out-cp"))}`, [join(dir, "out-cp")]];
  }
}

/** A shell command that moves those of `paths` that exist into dir/trash, each under a new
 * name: a rename on the same file system, never a delete (see the top). */
function moveAside(dir, tool, paths) {
  const trash = join(dir, "trash");
  return `mkdir -p '${trash}' && for p in ${paths.map((p) => `'${p}'`).join(" ")}; do ` +
    `if [ -e "$p" ]; then mv "$p" "$(mktemp -d '${trash}/${tool}-XXXXXXXX')"; fi; done`;
}
// The trash is deleted once, when everything is timed (or the script fails).
process.on("exit", () => {
  for (const n of SIZES) rmSync(join(OUT, String(n), "trash"), { recursive: true, force: true });
});

const sh = (script) => execFileSync("sh", ["-c", script], { stdio: ["ignore", "inherit", "inherit"] });
const du = (path) => Number(execFileSync("du", ["-sk", path], { encoding: "utf8" }).split("\t")[0]) / 1024;
const files = (path) => Number(execFileSync("sh", ["-c", `find '${path}' -type f | wc -l`], { encoding: "utf8" }));

const results = [];
for (const n of SIZES) {
  const dir = join(OUT, String(n));
  if (!existsSync(join(dir, "site"))) {
    mkdirSync(dir, { recursive: true });
    sh(`node '${join(repo, "bench/generate.mjs")}' --for build --services ${n} '${dir}'`);
  }
  // The floor copies what kartoteka writes. (An earlier output moves aside too: kartoteka
  // would delete it when replacing it.)
  sh(`${moveAside(dir, "reference", [join(dir, "reference"), join(dir, "out-kartoteka")])} && ${command("kartoteka", dir)[0]} 2>/dev/null && mv '${join(dir, "out-kartoteka")}' '${join(dir, "reference")}'`);
  const load = loadavg()[0];
  // Alternating rounds: each round builds with every tool once, in turn, so that a change in
  // the machine's load or disk over the minutes of a run falls on every tool alike (hyperfine
  // times one command's runs back to back). Before each run its output moves aside and `sync`
  // writes back everything earlier runs left dirty, so that no run pays for another's
  // writeback. Each run is one hyperfine run (its `--prepare` outside the time) under GNU
  // time, which gives the run's peak memory.
  const runs = Object.fromEntries(tools.map((tool) => [tool, []]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const tool of tools) {
      const [script, clear] = command(tool, dir);
      const json = join(dir, `hyperfine-${tool}.json`);
      const timed = spawnSync("hyperfine", ["--runs", "1", "--style", "none", "--export-json", json,
        "--prepare", `${moveAside(dir, tool, clear)} && sync`, "--command-name", tool,
        `/usr/bin/time -f 'peak-kb %M' -o '${join(dir, `time-${tool}.txt`)}' sh -c 'exec ${script.replaceAll("'", "'\\''")} >/dev/null'`],
      { encoding: "utf8", stdio: ["ignore", "ignore", "inherit"] });
      if (timed.status !== 0) throw new Error(`${tool} failed (round ${round + 1})`);
      const [r] = JSON.parse(readFileSync(json, "utf8")).results;
      const peak = Number(/peak-kb (\d+)/.exec(readFileSync(join(dir, `time-${tool}.txt`), "utf8"))[1]) / 1024;
      const warm = round < WARMUP;
      console.error(`N = ${n}, ${warm ? "warm-up" : `round ${round + 1 - WARMUP}/${RUNS}`}: ${tool} ${r.times[0].toFixed(3)} s, peak ${peak.toFixed(0)} MB`);
      if (!warm) runs[tool].push({ time: r.times[0], user: r.user, system: r.system, peak });
    }
  }
  const median = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  for (const tool of tools) {
    const times = runs[tool].map((r) => r.time);
    const out = join(dir, `out-${tool}`);
    results.push({ n, tool, median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length,
      times, cpu: median(runs[tool].map((r) => r.user + r.system)), user: median(runs[tool].map((r) => r.user)),
      system: median(runs[tool].map((r) => r.system)), peak: Math.max(...runs[tool].map((r) => r.peak)),
      files: files(out), megabytes: du(out), load: [load, loadavg()[0]] });
  }
}
writeFileSync(join(OUT, `results-${SIZES.join("-")}.json`), JSON.stringify(results, null, 1));

// The table: every tool's median and peak, and kartoteka's time as a share of each.
const fmt = (x, d) => x.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
console.log("\n| N | tool | median s | min–max s | CPU s (user + sys) | peak MB | files | output MB | kartoteka ÷ tool |");
console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const k = results.find((x) => x.n === r.n && x.tool === "kartoteka");
  const ratio = k ? fmt(k.median / r.median, 2) : "";
  console.log(`| ${fmt(r.n, 0)} | ${r.tool === "cp" ? "cp -r (floor)" : r.tool} | ${fmt(r.median, 3)} | ${fmt(r.min, 2)}–${fmt(r.max, 2)} | ${fmt(r.cpu, 1)} (${fmt(r.user, 1)} + ${fmt(r.system, 1)}) | ${fmt(r.peak, 0)} | ${fmt(r.files, 0)} | ${fmt(r.megabytes, 0)} | ${ratio} |`);
}
// How each tool's medians grow from the smallest size to each larger one (issue 20's goal 3:
// 100,000 services in at most ten times the 10,000-service time of the same run). User and
// system time apart: the kernel's cost of each byte written is not the same at every size
// on every machine (bench/README.md, 2026-12-02 14:09), and `cp -r` shows it.
const base = SIZES[0];
for (const n of SIZES.slice(1)) {
  for (const tool of tools) {
    const [a, b] = [base, n].map((size) => results.find((r) => r.n === size && r.tool === tool));
    if (!a || !b) continue;
    const x = (key) => `${fmt(b[key] / a[key], 2)}×`;
    console.log(`\n${tool}: ${fmt(n, 0)} ÷ ${fmt(base, 0)}: wall ${x("median")}, CPU ${x("cpu")} (user ${x("user")}, sys ${x("system")})`);
  }
}
console.log(`\nload average (1 min) at the start of each size: ${results.filter((r) => r.tool === tools[0]).map((r) => `${fmt(r.n, 0)}: ${fmt(r.load[0], 1)}`).join(", ")}`);
