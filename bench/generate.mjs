// Generates a synthetic directory: N services (default 10,000) in Bulgarian and English, with
// providers, villages and streets, written several times from the same text.
//
//   node bench/generate.mjs [--services N] [--providers P] [--localities L] [--seed S] [--for search|build] OUT
//
// --for search (the default), for the search benchmark: a kartoteka site (OUT/site) and
// plain built HTML (OUT/html) for Pagefind, and OUT/queries.json: queries aimed at known
// pages (exact, inflected, Latin, informal Latin, typo, abbreviation) for bench/run.mjs.
//
// --for build, for the build benchmark (bench/build.sh): longer texts (four paragraphs, a few
// hundred words per service and language) written as a kartoteka site (OUT/site), an
// equivalent Zola site (OUT/zola) and an equivalent Hugo site (OUT/hugo); the peers' config
// and templates are copied from bench/peers/.
import { mkdirSync, writeFileSync, rmSync, cpSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const SERVICES = Number(flag("--services", "10000"));
const SEED = Number(flag("--seed", "7"));
const FOR = flag("--for", "search");
// The build corpus keeps the proportions of real registers: a provider per ten services and a
// locality per fifty (10,000 services: 1,000 providers, 200 localities; 100,000: 10,000 and
// 2,000). The search corpus keeps the 500 providers and 300 villages its tables were measured on.
const PROVIDER_COUNT = Number(flag("--providers", FOR === "build" ? String(Math.max(1, Math.round(SERVICES / 10))) : "500"));
const LOCALITY_COUNT = Number(flag("--localities", FOR === "build" ? String(Math.max(1, Math.round(SERVICES / 50))) : "300"));
const OUT = args[0];
if (!OUT || !["search", "build"].includes(FOR)) {
  console.error("usage: node bench/generate.mjs [--services N] [--providers P] [--localities L] [--seed S] [--for search|build] OUT");
  process.exit(2);
}
const PEERS = FOR === "build";
// Paragraphs of 4–9 sentences per service and language.
const PARAGRAPHS = PEERS ? 4 : 1;

// A small seeded PRNG (mulberry32), so every run writes the same directory.
let state = SEED >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const some = (list, min, max) => {
  const n = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => pick(list)))];
};

const LATIN = { а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h",
  ц: "ts", ч: "ch", ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya" };
const translit = (s) => [...s].map((c) => {
  const l = LATIN[c.toLowerCase()];
  if (l === undefined) return c;
  return c === c.toLowerCase() ? l : l[0].toUpperCase() + l.slice(1);
}).join("");

const SYLLABLES = ["ка", "ли", "мер", "бо", "ра", "ви", "ня", "зор", "де", "ле", "сла", "ве", "дра",
  "го", "ми", "ро", "лъ", "чи", "ще", "жу", "ца", "ян", "то", "ни", "ста", "бел", "юр", "ди", "ко",
  "се", "ва", "на", "пе", "тър", "ша", "дим", "ор", "ел", "ан", "ис"];
const name = (n) => {
  const w = Array.from({ length: n }, () => pick(SYLLABLES)).join("");
  return w[0].toUpperCase() + w.slice(1);
};
const pool = (size, syllables) => [...new Set(Array.from({ length: size * 2 }, () => name(syllables)))].slice(0, size);
const NAMES = pool(3000, 3);
// Two syllables give 1,600 names at most; more localities than ~700 take three.
const VILLAGES = pool(LOCALITY_COUNT, LOCALITY_COUNT > 700 ? 3 : 2).map((v, i) => ({ id: `place-${i}`, bg: v, en: translit(v) }));
const STREETS = pool(800, 3);

// [id, Bulgarian label, English label, abbreviation]
const TYPES = [
  ["day-centre", "Дневен център", "Day centre", "ДЦ"],
  ["csri", "Център за социална рехабилитация и интеграция", "Centre for social rehabilitation and integration", "ЦСРИ"],
  ["tsop", "Център за обществена подкрепа", "Community support centre", "ЦОП"],
  ["tsnst", "Център за настаняване от семеен тип", "Family-type placement centre", "ЦНСТ"],
  ["protected-home", "Защитено жилище", "Protected home", "ЗЖ"],
  ["crisis-centre", "Кризисен център", "Crisis centre", ""],
  ["shelter", "Приют", "Shelter", ""],
  ["home-patronage", "Домашен социален патронаж", "Home social patronage", ""],
  ["public-canteen", "Обществена трапезария", "Public canteen", ""],
  ["mother-baby-unit", "Звено „Майка и бебе“", "Mother and baby unit", "ЗМБ"],
];
const ACTIVITIES = [["information-counselling", "Информиране и консултиране", "Information and counselling"],
  ["therapy-rehabilitation", "Терапия и рехабилитация", "Therapy and rehabilitation"],
  ["day-care", "Дневна грижа", "Day care"], ["residential-care", "Резидентна грижа", "Residential care"],
  ["shelter", "Осигуряване на подслон", "Shelter"], ["skills-training", "Обучение за придобиване на умения", "Skills training"]];
const GROUPS = [["children", "Деца и младежи", "Children and young people"],
  ["children-disabilities", "Деца и младежи с увреждания", "Children and young people with disabilities"],
  ["elderly", "Възрастни хора", "Older people"], ["adults-disabilities", "Хора с увреждания", "People with disabilities"],
  ["mental-health", "Хора с психични разстройства", "People with mental disorders"],
  ["violence-victims", "Пострадали от насилие", "Victims of violence"], ["homeless", "Хора без подслон", "Homeless people"],
  ["families-at-risk", "Семейства с деца в риск", "Families with children at risk"]];

// Parallel sentences; {name} is the service's name, {place} its village.
const SENTENCES = [
  ["Центърът работи с деца и семейства от {place} и съседните села.", "The centre works with children and families from {place} and the nearby villages."],
  ["Услугата предлага консултации с психолог, социален работник и логопед.", "The service offers counselling with a psychologist, a social worker and a speech therapist."],
  ["Хората с увреждания получават грижа, храна и занимания през деня.", "People with disabilities get care, meals and activities during the day."],
  ["Децата посещават центъра след училище и участват в групови занимания.", "Children come to the centre after school and take part in group activities."],
  ["Екипът на „{name}“ помага при подготовката на документи за институциите.", "The team of “{name}” helps to prepare documents for the institutions."],
  ["Възрастните хора могат да ползват услугата и без направление.", "Older people can use the service without a referral."],
  ["Специалистите посещават домовете на потребителите веднъж седмично.", "The specialists visit the users’ homes once a week."],
  ["В жилището живеят до осем души, които се учат на самостоятелен живот.", "Up to eight people live in the home and learn to live on their own."],
  ["Кризисният център приема жени и деца, пострадали от насилие.", "The crisis centre takes in women and children who have suffered violence."],
  ["Трапезарията осигурява топъл обяд на хора с ниски доходи.", "The canteen provides a hot lunch for people on low incomes."],
  ["Родителите получават подкрепа при отглеждането на децата си.", "Parents get support in bringing up their children."],
  ["Услугата се финансира от държавния бюджет като делегирана дейност.", "The service is funded by the state budget as a delegated activity."],
  ["Сградата е достъпна за хора в инвалидни колички.", "The building is accessible to wheelchair users."],
  ["Работното време е от понеделник до петък, от 8 до 17 часа.", "Opening hours are Monday to Friday, 8 am to 5 pm."],
  ["Потребителите участват в трудотерапия, рехабилитация и арт терапия.", "Users take part in occupational therapy, rehabilitation and art therapy."],
  ["Младежите, напускащи институции, получават помощ за намиране на работа.", "Young people leaving institutions get help to find work."],
  ["Социалните работници консултират семействата по телефона и на място.", "Social workers advise families by phone and in person."],
  ["Приемните семейства преминават обучение и получават подкрепа.", "Foster families receive training and support."],
  ["Центърът си сътрудничи с училищата, детските градини и общинската администрация.", "The centre works with schools, kindergartens and the municipal administration."],
  ["През зимата приютът разкрива допълнителни легла за хора без подслон.", "In winter the shelter opens extra beds for homeless people."],
];

function fill(text, s) {
  return text.replaceAll("{name}", s.name[0]).replaceAll("{place}", s.place.bg);
}
function fillEn(text, s) {
  return text.replaceAll("{name}", s.name[1]).replaceAll("{place}", s.place.en);
}

rmSync(OUT, { recursive: true, force: true });
const site = join(OUT, "site");
const html = join(OUT, "html");
for (const dir of ["content/services", "content/providers", "i18n"]) mkdirSync(join(site, dir), { recursive: true });

writeFileSync(join(site, "config.toml"), `base_url = "https://bench.example.org/"
[bg]
title = "Бенчмарк"
description = "Синтетичен указател."
municipality = "Община Бенчмарк"
[en]
title = "Benchmark"
description = "A synthetic directory."
municipality = "Benchmark Municipality"
`);
const list = (xs) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
writeFileSync(join(site, "vocabularies.toml"), `service_types = ${list(TYPES.map((t) => t[0]))}
activities = ${list(ACTIVITIES.map((a) => a[0]))}
target_groups = ${list(GROUPS.map((g) => g[0]))}
funding = ["state-delegated"]
localities = ${list(VILLAGES.map((v) => v.id))}
provider_kinds = ["ngo"]
partnership_kinds = ["management-contract"]
`);
for (const [lang, i] of [["bg", 1], ["en", 2]]) {
  const lines = [
    ...TYPES.map((t) => `service-types-${t[0]} = ${t[i]}`),
    ...ACTIVITIES.map((a) => `activities-${a[0]} = ${a[i]}`),
    ...GROUPS.map((g) => `target-groups-${g[0]} = ${g[i]}`),
    `funding-state-delegated = ${lang === "bg" ? "Делегирана дейност" : "State-delegated activity"}`,
    ...VILLAGES.map((v) => `localities-${v.id} = ${lang === "bg" ? v.bg : v.en}`),
    `provider-kinds-ngo = ${lang === "bg" ? "Неправителствена организация" : "NGO"}`,
    `partnership-kinds-management-contract = ${lang === "bg" ? "Договор за управление" : "Management contract"}`,
  ];
  writeFileSync(join(site, "i18n", `${lang}.ftl`), lines.join("\n") + "\n");
}

const page = (lang, title, parts) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main data-pagefind-body><h1>${title}</h1>
${parts.map((p) => `<p>${p}</p>`).join("\n")}
</main></body></html>
`;
function writePage(url, lang, title, parts) {
  if (PEERS) return;
  const dir = join(html, url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), page(lang, title, parts));
}

const PROVIDERS = Array.from({ length: PROVIDER_COUNT }, (_, i) => {
  const n = pick(NAMES);
  return { id: `provider-${i}`, bg: `Сдружение „${n}“`, en: `${translit(n)} Association` };
});
for (const p of PROVIDERS) {
  const summary = ["Неправителствена организация, която предоставя социални услуги.", "A non-governmental organisation that provides social services."];
  writeFileSync(join(site, "content/providers", `${p.id}.md`), `+++
title = ${JSON.stringify(p.bg)}
summary = ${JSON.stringify(summary[0])}
verified = 2025-06-01
kind = "ngo"
+++
`);
  writeFileSync(join(site, "content/providers", `${p.id}.en.md`), `+++
title = ${JSON.stringify(p.en)}
summary = ${JSON.stringify(summary[1])}
+++
`);
  writePage(`dostavchitsi/${p.id}/`, "bg", p.bg, [summary[0]]);
  writePage(`en/providers/${p.id}/`, "en", p.en, [summary[1]]);
}

const zola = join(OUT, "zola");
const hugo = join(OUT, "hugo");
const peerPages = []; // [relative path, front matter lines, body] per language
if (PEERS) {
  const peers = new URL("peers/", import.meta.url).pathname;
  cpSync(join(peers, "zola"), zola, { recursive: true });
  cpSync(join(peers, "hugo"), hugo, { recursive: true });
  const css = new URL("../themes/default/static/style.css", import.meta.url).pathname;
  for (const dir of [join(zola, "static"), join(hugo, "static")]) {
    mkdirSync(dir, { recursive: true });
    cpSync(css, join(dir, "style.css"));
  }
  const sections = [["services", "Услуги", "Services", "service.html"], ["providers", "Доставчици", "Providers", "provider.html"]];
  for (const [dir, bg, en, template] of sections) {
    for (const [suffix, title] of [["", bg], [".en", en]]) {
      peerPages.push([`${dir}/_index${suffix}.md`, { zola: [`title = "${title}"`, `sort_by = "title"`, `page_template = "${template}"`], hugo: [`title = "${title}"`] }, ""]);
    }
  }
  for (const [suffix, title] of [["", "Бенчмарк"], [".en", "Benchmark"]]) {
    peerPages.push([`_index${suffix}.md`, { zola: [], hugo: [`title = "${title}"`] }, ""]);
  }
}
const providerServices = new Map(PROVIDERS.map((p) => [p.id, []]));
/** A Zola and a Hugo page (front matter from `fields` and `taxonomies`, then `body`). */
function peerPage(path, fields, taxonomies, body) {
  const lines = Object.entries(fields).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} = ${typeof v === "string" ? JSON.stringify(v) : v}`);
  const terms = Object.entries(taxonomies).map(([k, v]) => `${k} = ${list(v)}`);
  const [title, description, ...extra] = lines;
  peerPages.push([path, {
    zola: [title, description, "", "[taxonomies]", ...terms, "", "[extra]", ...extra],
    hugo: [title, description, ...terms, ...extra],
  }, body]);
}

const queries = [];
for (let i = 0; i < SERVICES; i++) {
  const type = pick(TYPES);
  const n = pick(NAMES);
  const s = { id: `service-${i}`, name: [n, translit(n)], place: pick(VILLAGES), provider: pick(PROVIDERS) };
  const title = [`${type[1]} „${n}“ – ${s.place.bg}`, `${type[2]} “${translit(n)}” – ${s.place.en}`];
  const sentences = some(SENTENCES, 4, 9);
  const paragraphs = [sentences, ...Array.from({ length: PARAGRAPHS - 1 }, () => some(SENTENCES, 4, 9))];
  const body = [paragraphs.map((p) => p.map((x) => fill(x[0], s)).join(" ")).join("\n\n"),
    paragraphs.map((p) => p.map((x) => fillEn(x[1], s)).join(" ")).join("\n\n")];
  const summary = [fill(sentences[0][0], s), fillEn(sentences[0][1], s)];
  const street = pick(STREETS);
  const address = [`ул. „${street}“ ${1 + Math.floor(random() * 90)}`, `${1 + Math.floor(random() * 90)} ${translit(street)} Street`];
  const lat = (43.6 + random() * 0.4).toFixed(5), lon = (25.7 + random() * 0.6).toFixed(5);
  const acts = some(ACTIVITIES, 1, 3), groups = some(GROUPS, 1, 2);
  writeFileSync(join(site, "content/services", `${s.id}.md`), `+++
title = ${JSON.stringify(title[0])}
summary = ${JSON.stringify(summary[0])}
verified = 2025-06-01
${type[3] ? `abbreviation = ${JSON.stringify(type[3])}\n` : ""}type = "${type[0]}"
provider = "${s.provider.id}"
activities = ${list(acts.map((a) => a[0]))}
target_groups = ${list(groups.map((g) => g[0]))}

[[locations]]
address = ${JSON.stringify(address[0])}
locality = "${s.place.id}"
lat = ${lat}
lon = ${lon}
+++
${body[0]}
`);
  writeFileSync(join(site, "content/services", `${s.id}.en.md`), `+++
title = ${JSON.stringify(title[1])}
summary = ${JSON.stringify(summary[1])}

[[locations]]
address = ${JSON.stringify(address[1])}
+++
${body[1]}
`);
  const extra = (lang) => [lang === "bg" ? s.provider.bg : s.provider.en, lang === "bg" ? `${s.place.bg}, ${address[0]}` : `${s.place.en}, ${address[1]}`];
  writePage(`uslugi/${s.id}/`, "bg", title[0], [type[3], summary[0], body[0], ...extra("bg")].filter(Boolean));
  writePage(`en/services/${s.id}/`, "en", title[1], [summary[1], body[1], ...extra("en")]);
  if (PEERS) {
    const labels = (lang) => ({
      "service-types": [type[lang]], activities: acts.map((a) => a[lang]),
      "target-groups": groups.map((g) => g[lang]), localities: [lang === 1 ? s.place.bg : s.place.en],
    });
    for (const [lang, suffix] of [[1, ""], [2, ".en"]]) {
      const fields = {
        title: title[lang - 1], description: summary[lang - 1], abbreviation: type[3] || undefined,
        provider: s.provider.id, provider_title: lang === 1 ? s.provider.bg : s.provider.en,
        address: address[lang - 1], lat, lon, verified: "2025-06-01",
      };
      peerPage(`services/${s.id}${suffix}.md`, fields, labels(lang), body[lang - 1]);
    }
    providerServices.get(s.provider.id).push({ id: s.id, title });
  }
  if (i % 1000 === 0) queries.push({ url: `/uslugi/${s.id}/`, name: n, type, place: s.place });
}

// The peers' providers list their services (kartoteka links them itself), then every page
// is written as Zola and as Hugo front matter.
if (PEERS) {
  for (const p of PROVIDERS) {
    const services = providerServices.get(p.id);
    const summary = ["Неправителствена организация, която предоставя социални услуги.", "A non-governmental organisation that provides social services."];
    for (const [lang, suffix] of [[0, ""], [1, ".en"]]) {
      const entries = services.map((x) => `{ id = "${x.id}", title = ${JSON.stringify(x.title[lang])} }`);
      peerPages.push([`providers/${p.id}${suffix}.md`, {
        zola: [`title = ${JSON.stringify(lang ? p.en : p.bg)}`, `description = ${JSON.stringify(summary[lang])}`, "", "[extra]", `services = [${entries.join(", ")}]`],
        hugo: [`title = ${JSON.stringify(lang ? p.en : p.bg)}`, `description = ${JSON.stringify(summary[lang])}`, `services = [${entries.join(", ")}]`],
      }, ""]);
    }
  }
  for (const [path, matter, body] of peerPages) {
    for (const [root, lines] of [[zola, matter.zola], [hugo, matter.hugo]]) {
      const file = join(root, "content", path);
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, `+++\n${lines.join("\n")}\n+++\n${body}\n`);
    }
  }
  console.log(`${SERVICES} services, ${PROVIDERS.length} providers, ${VILLAGES.length} localities → ${site}, ${zola}, ${hugo}`);
  process.exit(0);
}

// Queries aimed at known pages: the name alone finds few pages; name + type words must
// find the page in the top 10.
const typo = (w) => w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w;
const inflect = { "Дневен център": "дневния центъра", "Център за обществена подкрепа": "центъра за обществена подкрепа", "Защитено жилище": "защитени жилища", "Кризисен център": "кризисни центрове", "Приют": "приюта", "Домашен социален патронаж": "домашния патронаж", "Обществена трапезария": "обществената трапезария" };
const informal = (latin) => latin.replace(/ts/g, "c").replace(/ch/g, "4").replace(/sh/g, "6").replace(/zh/g, "j").replace(/ya/g, "q");
const out = [];
for (const q of queries) {
  const n = q.name.toLowerCase();
  const t = q.type[1].replace(/[„“]/g, "").toLowerCase();
  out.push({ kind: "exact", q: `${n} ${t.split(" ")[0]}`, url: q.url });
  out.push({ kind: "name only", q: n, url: q.url });
  out.push({ kind: "inflected", q: `${n} ${inflect[q.type[1]] || t}`, url: q.url });
  out.push({ kind: "Latin", q: translit(`${n} ${t.split(" ")[0]}`).toLowerCase(), url: q.url });
  out.push({ kind: "informal Latin", q: informal(translit(`${n} ${t.split(" ")[0]}`).toLowerCase()), url: q.url });
  out.push({ kind: "typo", q: `${typo(n)} ${t.split(" ")[0]}`, url: q.url });
  if (q.type[3]) out.push({ kind: "abbreviation", q: `${q.type[3]} ${n}`, url: q.url });
  out.push({ kind: "prefix", q: n.slice(0, Math.max(3, n.length - 2)), url: q.url, prefix: true });
}
writeFileSync(join(OUT, "queries.json"), JSON.stringify(out, null, 1));
console.log(`${SERVICES} services, ${PROVIDERS.length} providers, ${out.length} queries → ${OUT}`);
