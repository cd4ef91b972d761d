/*! kartoteka search: queries the static index written by src/search/ (no server, no framework).
 *
 * DOM CONTRACT (the search page, /tarsene/ and /en/search/):
 *   <form role="search" action="/tarsene/">
 *     <input type="search" name="q" id="search-input">   searched as you type
 *   </form>
 *   <p><span id="search-count"></span> <span id="search-status"></span></p>
 *       #search-count gets the number of hits only ("12"); #search-status (optional: created
 *       after #search-count when absent) gets the sentence, "did you mean" and notes.
 *   <div id="search-facets"></div>          optional; created before the list when absent:
 *                                           a <details> of facet selects (loaded when opened)
 *                                           and the "nearest first" switch
 *   <ol id="search-results" data-manifest="/search/bg/manifest.json"></ol>
 *       data-manifest is optional: the default is /search/<html lang>/manifest.json.
 *       Each hit: <li><a href="URL">title</a> <small>provider · places</small>
 *                 <p>snippet with <mark>matched</mark> words</p></li>, best first.
 *   <script src="/search.js" defer></script>
 * The page reads ?q= on load and keeps ?q= in the address bar while typing. Without
 * JavaScript nothing here runs: the template's small inline script keeps ?q= in the box where
 * any script can run, and a note with the A–Z list and browse links shows wherever the page is
 * not marked `search-js`.
 *
 * Also a module for Node (tests): require("search.js") gives the same functions and `open`.
 * The text functions are twins of src/search/{text,stem,latin,lexicon}.rs, held to the same
 * answers by tests/fixtures/search/vectors.json.
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.KartotekaSearch = api;
    api.autoStart();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ---------- text: normalise and split (src/search/text.rs) ---------- */

  var STOP = new Set(("а в във да до е за и или из като към на над не но от по под при са се " +
    "си с със те то той тя че ще a an and are as at be by for from in is it its of on or s " +
    "that the their they this to was were with").split(" "));

  function normalize(text) {
    return text.normalize("NFC").toLowerCase().replace(/\p{M}/gu, "")
      .replace(/[ёѐ]/g, "е").replace(/ѝ/g, "и");
  }
  function words(normalized) {
    return normalized.match(/[\p{Alphabetic}\p{N}]+/gu) || [];
  }
  function keep(word) {
    var chars = Array.from(word);
    var oneLetter = chars.length === 1 && !/^\p{N}$/u.test(word);
    return !oneLetter && chars.length <= 40 && !STOP.has(word);
  }
  function tokenize(text) {
    return words(normalize(text)).filter(keep);
  }
  function isLatin(word) {
    return /[a-z]/.test(word) && /^[a-z0-9]+$/.test(word);
  }
  function isCyrillic(word) {
    return /[\u0400-\u04ff]/.test(word);
  }

  /* ---------- stemming (src/search/stem.rs) ---------- */

  var EXCEPTIONS = {
    "дете": "дет", "детето": "дет", "деца": "дет", "децата": "дет", "човек": "човек",
    "човека": "човек", "човекът": "човек", "хора": "човек", "хората": "човек",
    "домове": "дом", "домовете": "дом", "жилища": "жилищ", "жилищата": "жилищ",
    "училища": "училищ", "училищата": "училищ", children: "child", people: "person",
    women: "woman", men: "man", elderly: "old", elder: "old", older: "old", disabled: "disabl",
    disability: "disabl", disabilities: "disabl", news: "news"
  };

  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (isCyrillic(word)) return stemBulgarian(word);
    if (/^[a-z]+$/.test(word)) return stemEnglish(word);
    return word;
  }

  function ends(s, suffix) {
    return s.slice(-suffix.length).join("") === suffix;
  }

  function stemBulgarian(word) {
    var s = Array.from(word), n;
    if (s.length < 4) return word;
    if (s.length > 5 && ends(s, "ища")) return s.slice(0, -3).join("");
    n = s.length; // articles
    if (n > 6 && ends(s, "ият")) s.length = n - 3;
    else if ((n > 5 && ["ът", "то", "те", "та", "ия"].some(function (a) { return ends(s, a); })) ||
      (n > 4 && ends(s, "ят"))) s.length = n - 2;
    removePlural(s);
    if (s.length > 3) {
      if (ends(s, "я")) s.length--;
      if (ends(s, "а") || ends(s, "о") || ends(s, "е")) s.length--;
    }
    if (s.length > 4 && ends(s, "ен")) { s[s.length - 2] = "н"; s.length--; }
    if (s.length > 5 && s[s.length - 2] === "ъ") { s[s.length - 2] = s[s.length - 1]; s.length--; }
    return s.join("");
  }

  function removePlural(s) {
    var n = s.length;
    if (n > 6) {
      if (ends(s, "овци") || ends(s, "ове")) { s.length = n - 3; return; }
      if (ends(s, "еве")) { s[n - 3] = "й"; s.length = n - 2; return; }
    }
    if (n > 5) {
      if (ends(s, "ища")) { s.length = n - 3; return; }
      if (ends(s, "та")) { s.length = n - 2; return; }
      if (ends(s, "ци")) { s[n - 2] = "к"; s.length = n - 1; return; }
      if (ends(s, "зи")) { s[n - 2] = "г"; s.length = n - 1; return; }
      if (s[n - 3] === "е" && s[n - 1] === "и") { s[n - 3] = "я"; s.length = n - 1; return; }
    }
    if (n > 4) {
      if (ends(s, "си")) { s[n - 2] = "х"; s.length = n - 1; } else if (ends(s, "и")) s.length = n - 1;
    }
  }

  function stemEnglish(word) {
    var w = word, n = w.length, c;
    if (n < 3) return w;
    if (w[n - 1] === "s" && w[n - 2] !== "u" && w[n - 2] !== "s") {
      if (w[n - 2] === "e" && n > 3 && w[n - 3] === "i" && w[n - 4] !== "a" && w[n - 4] !== "e") {
        w = w.slice(0, -3) + "y";
      } else if (!(w[n - 2] === "e" && "iaoe".indexOf(w[n - 3]) >= 0)) {
        w = w.slice(0, -1);
      }
    }
    for (var suffix of ["ing", "ed"]) {
      if (w.length >= suffix.length + 3 && w.endsWith(suffix)) {
        w = w.slice(0, -suffix.length);
        c = w[w.length - 1];
        if (c === w[w.length - 2] && "aeious".indexOf(c) < 0) w = w.slice(0, -1);
        break;
      }
    }
    if (w.length >= 4 && w.endsWith("e")) w = w.slice(0, -1);
    return w;
  }

  /** The words of a query: like `tokenize`, and Bulgarian stop words typed in Latin letters
   * ("za", "na") are dropped too. */
  function queryWords(query) {
    return tokenize(query).filter(function (w) { return !(isLatin(w) && STOP.has(toCyrillic(w))); });
  }

  /* ---------- Latin spellings (src/search/latin.rs) ---------- */

  var LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "ѝ": "i", "ѐ": "e", "ё": "yo", "ы": "y", "э": "e"
  };
  var FOLD1 = { "4": "ch", "6": "sh", w: "v", x: "h", q: "ya" };

  function fold(word) {
    return word.replace(/j(?=[aeiouy])/g, "zh").replace(/j/g, "y")
      .replace(/[46wxq]/g, function (c) { return FOLD1[c]; })
      .replace(/c(?!h)/g, "ts").replace(/tz/g, "ts").replace(/iya/g, "ia").replace(/iu/g, "yu");
  }

  function latinKeys(word) {
    if (!isCyrillic(word)) return [];
    var chars = Array.from(word), spellings = [""], ambiguous = 0;
    chars.forEach(function (c, i) {
      var options;
      if ((c === "ъ" || c === "й") && ambiguous < 2) {
        ambiguous++;
        options = c === "ъ" ? ["a", "u", "y"] : ["y", "i"];
      } else if (c === "я" && i + 1 === chars.length && i > 0 && chars[i - 1] === "и") {
        options = ["a"];
      } else {
        options = [LATIN[c] !== undefined ? LATIN[c] : c];
      }
      var next = [];
      spellings.forEach(function (s) { options.forEach(function (o) { next.push(s + o); }); });
      spellings = next;
    });
    var keys = [];
    spellings.forEach(function (s) { var k = fold(s); if (keys.indexOf(k) < 0) keys.push(k); });
    return keys;
  }

  var GROUPS = [["sht", "щ"], ["sh", "ш"], ["ch", "ч"], ["zh", "ж"], ["ts", "ц"], ["yu", "ю"],
    ["ya", "я"], ["ia", "ия"]];
  var CYRILLIC = { a: "а", b: "б", v: "в", g: "г", d: "д", e: "е", z: "з", i: "и", j: "ж",
    k: "к", l: "л", m: "м", n: "н", o: "о", p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф",
    h: "х", y: "й" };

  function toCyrillic(word) {
    var rest = fold(word), out = "";
    outer: while (rest.length) {
      for (var g of GROUPS) {
        if (rest.startsWith(g[0]) && (g[0] !== "ia" || rest.length === 2)) {
          out += g[1];
          rest = rest.slice(g[0].length);
          continue outer;
        }
      }
      out += CYRILLIC[rest[0]] || rest[0];
      rest = rest.slice(1);
    }
    return out;
  }

  /* ---------- lexicon (src/search/lexicon.rs) ---------- */

  function frontEncode(list) {
    var prev = [];
    return list.map(function (w) {
      var chars = Array.from(w), shared = 0;
      while (shared < 35 && shared < chars.length && chars[shared] === prev[shared]) shared++;
      prev = chars;
      return shared.toString(36) + chars.slice(shared).join("");
    }).join(" ");
  }

  function frontDecode(coded) {
    var out = [], prev = [];
    if (!coded) return out;
    coded.split(" ").forEach(function (entry) {
      var chars = Array.from(entry);
      var word = prev.slice(0, parseInt(chars[0], 36)).concat(chars.slice(1));
      out.push(word.join(""));
      prev = word;
    });
    return out;
  }

  /* ---------- matching helpers ---------- */

  /**
   * Optimal-string-alignment distance (a swap counts 1) between two strings or arrays, or
   * max + 1 once over `max`. Strings compare UTF-16 units: every Bulgarian letter is one.
   */
  function distance(a, b, max) {
    var n = a.length, m = b.length, i, j, best, cost, row, prev = [], prev2 = [];
    if (Math.abs(n - m) > max) return max + 1;
    for (j = 0; j <= m; j++) prev[j] = j;
    for (i = 1; i <= n; i++) {
      row = [i];
      best = i;
      for (j = 1; j <= m; j++) {
        cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], prev2[j - 2] + 1);
        }
        if (row[j] < best) best = row[j];
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[m];
  }

  function lowerBound(list, key, get) {
    var lo = 0, hi = list.length, mid;
    while (lo < hi) {
      mid = (lo + hi) >> 1;
      if (get(list[mid]) < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function allowedTypos(word) {
    var n = Array.from(word).length;
    return n >= 8 ? 2 : n >= 4 ? 1 : 0;
  }

  /* ---------- the engine ---------- */

  var W = { exact: 1, latin: 0.95, stem: 0.85, latinStem: 0.8, prefix: 0.7, latinPrefix: 0.65,
    typo1: 0.6, typo2: 0.45 };
  var PREFIX_LIMIT = 30;

  /** An index opened from its manifest; `load(url)` returns a promise of parsed JSON. */
  function Engine(manifestUrl, load) {
    this.base = manifestUrl.slice(0, manifestUrl.lastIndexOf("/") + 1);
    this.load = load;
    this.cache = {};
  }

  Engine.prototype.file = function (name) {
    if (!this.cache[name]) this.cache[name] = this.load(this.base + name);
    return this.cache[name];
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (this.opened) return this.opened;
    this.opened = this.load(this.base + "manifest.json").then(function (manifest) {
      self.manifest = manifest;
      return self.file(manifest.lexicon);
    }).then(function (lex) {
      var terms = frontDecode(lex.terms), latin = [];
      self.terms = terms;
      self.df = Array.from(lex.df, function (c) { return parseInt(c, 36); });
      self.chunks = lex.chunks;
      self.stemOf = [];
      self.byStem = new Map();
      terms.forEach(function (t, i) {
        var s = stem(t);
        self.stemOf[i] = s;
        if (!self.byStem.has(s)) self.byStem.set(s, []);
        self.byStem.get(s).push(i);
        latinKeys(t).forEach(function (k) { latin.push([k, i]); });
      });
      latin.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
      self.latin = latin;
      return self;
    });
    return this.opened;
  };

  /** Term numbers matching one query word, with weights (0–1). */
  Engine.prototype.match = function (word, prefix) {
    var self = this, found = new Map();
    function add(i, w) { if (!(found.get(i) >= w)) found.set(i, w); }
    function addStem(s, w) {
      (self.byStem.get(s) || []).forEach(function (i) { add(i, w); });
    }
    function addExact(t, w) {
      var i = lowerBound(self.terms, t, function (x) { return x; });
      if (self.terms[i] === t) add(i, w);
    }
    function addPrefix(list, get, p, w) {
      var hits = [];
      for (var i = lowerBound(list, p, get); i < list.length && get(list[i]).startsWith(p); i++) {
        hits.push(typeof list[i] === "string" ? i : list[i][1]);
      }
      hits.sort(function (a, b) { return self.df[b] - self.df[a]; })
        .slice(0, PREFIX_LIMIT).forEach(function (t) { add(t, w); });
    }
    addExact(word, W.exact);
    addStem(stem(word), W.stem);
    var latin = isLatin(word) && this.latin.length > 0, key = latin ? fold(word) : "";
    if (latin) {
      var k = lowerBound(this.latin, key, function (x) { return x[0]; });
      for (; k < this.latin.length && this.latin[k][0] === key; k++) {
        add(this.latin[k][1], W.latin);
        addStem(this.stemOf[this.latin[k][1]], W.latinStem);
      }
      var cyr = toCyrillic(word);
      addExact(cyr, W.latin);
      addStem(stem(cyr), W.latinStem);
    }
    if (prefix && Array.from(word).length >= 2) {
      addPrefix(this.terms, function (x) { return x; }, word, W.prefix);
      if (latin) addPrefix(this.latin, function (x) { return x[0]; }, key, W.latinPrefix);
    }
    if (found.size === 0) this.typos(word, latin ? key : "", add);
    return found;
  };

  /** Adds the terms within the allowed edit distance of `word` (or of its Latin key). */
  Engine.prototype.typos = function (word, key, add) {
    var self = this, max = allowedTypos(word);
    if (!max) return;
    function weigh(d) { return d === 1 ? W.typo1 : W.typo2; }
    this.terms.forEach(function (t, i) {
      var d = distance(word, t, max);
      if (d <= max) {
        add(i, weigh(d));
        self.byStem.get(self.stemOf[i]).forEach(function (j) { add(j, weigh(d) * 0.9); });
      }
    });
    if (key) {
      this.latin.forEach(function (e) {
        var d = distance(key, e[0], max);
        if (d <= max) add(e[1], weigh(d) * 0.95);
      });
    }
  };

  /**
   * Loads the postings of `terms`. Resolves to a function giving a term's entry: {list, df,
   * minLevel, lastDoc, long}: `list` packed `docDelta × impactLevels + impact`; a long list
   * (`long`) holds only its strongest postings until `whole` loads its tail, and no posting
   * left out is stronger than `minLevel`, or as strong and of a document up to `lastDoc`.
   */
  Engine.prototype.postings = function (terms, whole) {
    var self = this, need = {};
    function chunkOf(t) { return lowerBound(self.chunks, t + 1, function (x) { return x; }) - 1; }
    terms.forEach(function (t) { need[chunkOf(t)] = true; });
    return Promise.all(Object.keys(need).map(function (c) {
      return self.file(chunkName(self.manifest.postings, c)).then(function (data) { return [+c, data]; });
    })).then(function (loaded) {
      var byChunk = {};
      loaded.forEach(function (l) { byChunk[l[0]] = l[1]; });
      function entry(t) {
        var e = byChunk[chunkOf(t)][t - self.chunks[chunkOf(t)]];
        return Array.isArray(e[0]) ? { list: e[0], df: e[1], minLevel: e[2], lastDoc: e[3], long: true }
          : { list: e, df: e.length, long: false };
      }
      var long = whole ? terms.filter(function (t) { return entry(t).long; }) : [];
      return Promise.all(long.map(function (t) {
        return self.file(chunkName(self.manifest.tails, t)).then(function (tail) { return [t, tail]; });
      })).then(function (tails) {
        var merged = new Map();
        tails.forEach(function (x) { merged.set(x[0], merge(entry(x[0]).list, x[1], self.manifest.impactLevels)); });
        return function (t) {
          var e = entry(t);
          return merged.has(t) ? { list: merged.get(t), df: e.df, long: false } : e;
        };
      });
    });
  };

  /** Two packed lists in document order as one. */
  function merge(a, b, levels) {
    var out = [], i = 0, j = 0, da = 0, db = 0, last = 0, x;
    if (a.length) da = Math.floor(a[0] / levels);
    if (b.length) db = Math.floor(b[0] / levels);
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && da <= db)) {
        x = da * levels + a[i] % levels - last * levels;
        last = da;
        if (++i < a.length) da += Math.floor(a[i] / levels);
      } else {
        x = db * levels + b[j] % levels - last * levels;
        last = db;
        if (++j < b.length) db += Math.floor(b[j] / levels);
      }
      out.push(x);
    }
    return out;
  }

  /**
   * Searches. `options.prefix`: the last word may be unfinished. `options.filters`:
   * {vocabulary key: term id}. `options.origin`: {lat, lon} to sort nearest first.
   * `options.plain`: no look elsewhere when the query is not wholly found.
   * `options.first`: resolve as soon as the first `first` hits are certain (a one-word query
   * whose common terms have loaded only their strongest postings); the result's `rest()` then
   * loads the tails and resolves to the whole result, and `atLeast` bounds its hits below.
   * Resolves to {hits: [{doc, score, km}], words, partial, suggestion, other, rest}:
   * `suggestion` a query that finds every word, `other` the other language's search that does.
   */
  Engine.prototype.search = function (query, options) {
    var self = this;
    options = options || {};
    return this.ready().then(function () {
      var qwords = queryWords(query);
      var matches = qwords.map(function (w, i) {
        return self.match(w, options.prefix && i === qwords.length - 1);
      });
      var all = [];
      matches.forEach(function (m) { m.forEach(function (w, t) { all.push(t); }); });
      var early = options.first && qwords.length === 1 && !options.origin &&
        !Object.keys(options.filters || {}).some(function (k) { return options.filters[k]; });
      function whole() {
        return self.postings(all, true).then(function (postingsOf) {
          return self.finish(query, qwords, matches, self.rank(matches, postingsOf), options);
        });
      }
      if (!early) return whole();
      return self.postings(all, false).then(function (postingsOf) {
        var ranked = self.rank(matches, postingsOf);
        if (!ranked.certain(options.first)) return whole();
        ranked.hits = ranked.hits.slice(0, options.first);
        return self.finish(query, qwords, matches, ranked, { plain: true }).then(function (result) {
          result.atLeast = ranked.atLeast;
          result.rest = whole;
          return result;
        });
      });
    });
  };

  /**
   * Scores the documents of `matches` (per query word, term → weight): a word scores a
   * document by its best term; a document must have every word, else all are "partial".
   * `certain(k)`: whether the first k hits cannot change when the tails of long lists load.
   */
  Engine.prototype.rank = function (matches, postingsOf) {
    var n = this.manifest.count, levels = this.manifest.impactLevels, bounds = [], atLeast = 0;
    function impact(level) { return Math.pow(level / (levels - 1), 2); }
    var perWord = matches.map(function (m) {
      var best = new Map();
      m.forEach(function (weight, t) {
        var e = postingsOf(t), list = e.list, doc = 0, df = e.df;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (var j = 0; j < list.length; j++) {
          doc += Math.floor(list[j] / levels);
          var s = weight * idf * impact(list[j] % levels);
          if (!(best.get(doc) >= s)) best.set(doc, s);
        }
        if (e.long) bounds.push({ score: weight * idf * impact(e.minLevel), doc: e.lastDoc });
        atLeast = Math.max(atLeast, df);
      });
      return best;
    });
    var scores = new Map(), counts = new Map();
    perWord.forEach(function (best) {
      best.forEach(function (s, doc) {
        scores.set(doc, (scores.get(doc) || 0) + s);
        counts.set(doc, (counts.get(doc) || 0) + 1);
      });
    });
    var hits = [], partial = false;
    scores.forEach(function (s, doc) {
      if (counts.get(doc) === matches.length) hits.push({ doc: doc, score: s });
    });
    if (!hits.length && scores.size) {
      partial = true;
      scores.forEach(function (s, doc) { hits.push({ doc: doc, score: s + counts.get(doc) * 100 }); });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return {
      hits: hits, partial: partial, atLeast: Math.max(atLeast, hits.length),
      certain: function (k) {
        var last = hits[k - 1];
        return matches.length === 1 && !partial && !!last && bounds.every(function (b) {
          return last.score > b.score || (last.score === b.score && last.doc < b.doc);
        });
      }
    };
  };

  /** The result of `ranked` hits: filtered, ordered, and with a look elsewhere when not found. */
  Engine.prototype.finish = function (query, qwords, matches, ranked, options) {
    var self = this, hits = ranked.hits, partial = ranked.partial;
    var matched = new Set();
    matches.forEach(function (m) { m.forEach(function (w, t) { matched.add(self.terms[t]); }); });
    return self.refine(hits, options).then(function (refined) {
      var result = { hits: refined, words: qwords, matched: matched, partial: partial, suggestion: "" };
      if ((hits.length && !partial) || options.plain) return result;
      return self.elsewhere(query, qwords, matches).then(function (found) {
        result.suggestion = found.suggestion;
        result.other = found.other;
        return result;
      });
    });
  };

  /** Applies facet filters and the "nearest first" order. */
  Engine.prototype.refine = function (hits, options) {
    var self = this, filters = options.filters || {}, keys = Object.keys(filters).filter(function (k) {
      return filters[k];
    });
    var step = Promise.resolve(hits);
    if (keys.length) {
      step = this.file(this.manifest.facets).then(function (facets) {
        var allowed = null;
        keys.forEach(function (k) {
          var set = new Set(), doc = 0;
          ((facets.docs[k] || {})[filters[k]] || []).forEach(function (d) { doc += d; set.add(doc); });
          allowed = allowed ? new Set(Array.from(allowed).filter(function (d) { return set.has(d); })) : set;
        });
        return hits.filter(function (h) { return allowed.has(h.doc); });
      });
    }
    if (options.origin && this.manifest.geo) {
      step = step.then(function (kept) {
        return self.file(self.manifest.geo).then(function (geo) {
          var km = new Map();
          for (var i = 0; i < geo.length; i += 3) {
            var d = haversine(options.origin, geo[i + 1], geo[i + 2]);
            if (!(km.get(geo[i]) <= d)) km.set(geo[i], d);
          }
          kept.forEach(function (h) { h.km = km.has(h.doc) ? km.get(h.doc) : Infinity; });
          return kept.slice().sort(function (a, b) { return a.km - b.km || b.score - a.score; });
        });
      });
    }
    return step;
  };

  /**
   * For a query not wholly found: the same query in another language's index when that finds
   * every word ({lang, page, count}: the manifest's `others`), else a "did you mean" that
   * itself finds every word. Never a guess that would find nothing.
   */
  Engine.prototype.elsewhere = function (query, qwords, matches) {
    var self = this, others = this.manifest.others || [];
    function whole(engine, q) {
      return engine.search(q, { plain: true }).then(function (r) {
        return r.hits.length && !r.partial ? r.hits.length : 0;
      }, function () { return 0; });
    }
    var step = Promise.resolve(null);
    others.forEach(function (o) {
      step = step.then(function (found) {
        if (found) return found;
        if (!self.other) self.other = {};
        if (!self.other[o.lang]) self.other[o.lang] = new Engine(self.base + o.manifest, self.load);
        return whole(self.other[o.lang], query).then(function (n) {
          return n ? { lang: o.lang, page: o.page, count: n } : null;
        });
      });
    });
    return step.then(function (other) {
      if (other) return { suggestion: "", other: other };
      var guess = self.suggest(qwords, matches);
      if (!guess) return { suggestion: "" };
      return whole(self, guess).then(function (n) { return { suggestion: n ? guess : "" }; });
    });
  };

  /** "Did you mean": each word that matched nothing replaced by the most frequent close term
   * (2 edits for 5+ letters, else 1), or "" when there is none. */
  Engine.prototype.suggest = function (qwords, matches) {
    var self = this, changed = false;
    var out = qwords.map(function (w, i) {
      if (matches[i].size) return w;
      var best = null, bestD = 4, max = w.length >= 5 ? 2 : 1;
      var target = isLatin(w) && self.latin.length ? fold(w) : null;
      self.terms.forEach(function (t, i) {
        var d = distance(w, t, max);
        if (d < bestD || (d === bestD && best !== null && self.df[i] > self.df[best])) { best = i; bestD = d; }
      });
      if (target) {
        self.latin.forEach(function (e) {
          var d = distance(target, e[0], max);
          if (d < bestD || (d === bestD && best !== null && self.df[e[1]] > self.df[best])) { best = e[1]; bestD = d; }
        });
      }
      if (best === null || bestD > max || self.terms[best] === w) return w;
      changed = true;
      return self.terms[best];
    });
    return changed ? out.join(" ") : "";
  };

  /** The result records `[kind, url, title, snippet, provider, places]` of `docs`. */
  Engine.prototype.records = function (docs) {
    var self = this, per = this.manifest.docsPerChunk;
    return Promise.all(docs.map(function (d) {
      return self.file(chunkName(self.manifest.docs, Math.floor(d / per))).then(function (chunk) {
        return chunk[d % per];
      });
    }));
  };

  function chunkName(pattern, n) {
    return pattern.replace("{n}", String(n));
  }

  function haversine(origin, lat, lon) {
    var r = Math.PI / 180, dLat = (lat - origin.lat) * r, dLon = (lon - origin.lon) * r;
    var a = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(origin.lat * r) * Math.cos(lat * r) * Math.pow(Math.sin(dLon / 2), 2);
    return 12742 * Math.asin(Math.sqrt(a));
  }

  /** Splits `text` into [piece, highlighted] pairs: words matching the query are marked. */
  function highlight(text, matched, qwords) {
    var stems = new Set(qwords.map(stem)), out = [], last = 0, re = /[\p{Alphabetic}\p{N}]+/gu, m;
    matched.forEach(function (t) { stems.add(stem(t)); });
    while ((m = re.exec(text))) {
      var w = normalize(m[0]);
      if (keep(w) && (matched.has(w) || stems.has(stem(w)))) {
        if (m.index > last) out.push([text.slice(last, m.index), false]);
        out.push([m[0], true]);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  /* ---------- the page ---------- */

  var PAGE = 10;

  function safeUrl(url) {
    return typeof url === "string" && (/^\/(?!\/)/.test(url) || /^https?:\/\//.test(url)) ? url : "#";
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Fills a sentence's {n} and {q}; the query goes in literally (a function replacement:
   * a string one would read "$&" or "$`" in it as patterns). */
  function say(template, n, q) {
    return template.replace("{n}", function () { return String(n); })
      .replace("{q}", function () { return q; });
  }

  function Page(doc) {
    this.doc = doc;
    this.list = doc.getElementById("search-results");
    this.count = doc.getElementById("search-count");
    this.input = doc.getElementById("search-input") ||
      doc.querySelector('form[role="search"] input[name="q"]');
    this.status = doc.getElementById("search-status");
    if (!this.status && this.count) {
      this.status = el("span", { id: "search-status", "aria-live": "polite" });
      this.count.insertAdjacentElement("afterend", this.status);
    }
    this.facets = doc.getElementById("search-facets");
    if (!this.facets) {
      this.facets = el("div", { id: "search-facets" });
      this.list.parentNode.insertBefore(this.facets, this.list);
    }
    var lang = (doc.documentElement.getAttribute("lang") || "bg").slice(0, 2);
    var url = this.list.getAttribute("data-manifest") || "/search/" + lang + "/manifest.json";
    this.engine = new Engine(new URL(url, doc.baseURI).href, function (u) {
      return fetch(u, { cache: /manifest\.json$/.test(u) ? "no-cache" : "default" })
        .then(function (r) { if (!r.ok) throw new Error(u + ": " + r.status); return r.json(); });
    });
    this.filters = {};
    this.origin = null;
    this.serial = 0;
  }

  Page.prototype.start = function () {
    var self = this, q = new URLSearchParams(location.search).get("q") || "", timer;
    if (this.input) {
      this.input.value = q;
      this.input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { self.run(self.input.value, true).catch(function () {}); }, 120);
      });
      var form = this.input.form;
      if (form) {
        form.addEventListener("submit", function (e) {
          e.preventDefault();
          self.run(self.input.value, false).catch(function () {});
        });
      }
    }
    this.engine.ready().then(function () { self.buildFacets(); }, function () {});
    return this.run(q, false);
  };

  /** The filters: a closed <details> whose selects load (with the facets file) when opened. */
  Page.prototype.buildFacets = function () {
    var self = this, m = this.engine.manifest, strings = m.strings;
    var details = el("details"), loaded = false;
    details.appendChild(el("summary", {}, strings.filters));
    details.addEventListener("toggle", function () {
      if (loaded || !details.open) return;
      loaded = true;
      self.engine.file(m.facets).then(function (facets) {
        facets.labels.forEach(function (f) {
          var label = el("label", {}, f.title + " "), select = el("select", { "data-facet": f.key });
          select.appendChild(el("option", { value: "" }, strings.any));
          f.values.forEach(function (v) { select.appendChild(el("option", { value: v[0] }, v[1])); });
          select.addEventListener("change", function () { self.filters[f.key] = select.value; self.rerun(); });
          label.appendChild(select);
          details.appendChild(label);
        });
      });
    });
    this.facets.textContent = "";
    this.facets.appendChild(details);
    if (m.geo && typeof navigator !== "undefined" && navigator.geolocation) {
      var near = el("label", { title: strings.nearestHelp }), box = el("input", { type: "checkbox", id: "search-nearest" });
      near.appendChild(box);
      near.appendChild(document.createTextNode(" " + strings.nearest));
      box.addEventListener("change", function () {
        if (!box.checked) { self.origin = null; self.rerun(); return; }
        navigator.geolocation.getCurrentPosition(function (p) {
          self.origin = { lat: p.coords.latitude, lon: p.coords.longitude };
          self.rerun();
        }, function () { box.checked = false; self.status.textContent = strings.nearestFailed; });
      });
      this.facets.appendChild(near);
    }
  };

  Page.prototype.rerun = function () { return this.run(this.query || "", this.prefix); };

  Page.prototype.run = function (query, prefix) {
    var self = this, serial = ++this.serial;
    this.query = query;
    this.prefix = prefix;
    var url = new URL(location.href);
    if (url.searchParams.get("q") !== query) {
      url.searchParams.set("q", query);
      history.replaceState(null, "", url);
    }
    if (!tokenize(query).length) {
      this.list.textContent = "";
      if (this.count) this.count.textContent = "0";
      if (this.status) this.status.textContent = "";
      return Promise.resolve();
    }
    return this.engine.search(query, {
      prefix: prefix || !/\s$/.test(query), filters: this.filters, origin: this.origin, first: PAGE
    }).then(function (result) {
      if (serial !== self.serial) return;
      self.result = result;
      self.list.textContent = "";
      var shown = self.show(0);
      if (!result.rest) return shown;
      // The first page is final; the count and "show more" follow when the rest has loaded.
      return shown.then(result.rest).then(function (whole) {
        if (serial !== self.serial) return;
        self.result = whole;
        self.summary(0);
      });
    }).catch(function (e) {
      if (self.status) self.status.textContent = self.engine.manifest ? self.engine.manifest.strings.error : String(e);
      throw e;
    });
  };

  /** The count, the sentence, "did you mean" and the "show more" button after hit `from`'s
   * page; while the rest of a long result loads, only "searching…". */
  Page.prototype.summary = function (from) {
    var self = this, r = this.result, strings = this.engine.manifest.strings, n = r.hits.length;
    var more = this.list.parentNode.querySelector(".search-more");
    if (more) more.remove();
    if (r.rest) {
      if (this.count) this.count.textContent = String(r.atLeast);
      this.status.textContent = strings.loading;
      return;
    }
    if (this.count) this.count.textContent = String(n);
    this.status.textContent = say(n === 1 ? strings.one : strings.many, n, this.query);
    if (r.partial) this.status.appendChild(el("span", {}, " " + strings.partial));
    if (r.other) {
      var o = r.other, link = new URL(o.page, location.href);
      link.searchParams.set("q", this.query);
      this.status.appendChild(el("span", {}, " " + say(strings.otherLanguage, o.count, this.query) + " "));
      this.status.appendChild(el("a", { href: link.pathname + link.search, hreflang: o.lang, id: "search-other" },
        say(strings.otherLanguageLink, o.count, this.query)));
    }
    if (r.suggestion) {
      var u = new URL(location.href);
      u.searchParams.set("q", r.suggestion);
      this.status.appendChild(el("span", {}, " " + strings.didYouMean + " "));
      this.status.appendChild(el("a", { href: u.pathname + u.search, id: "search-suggestion" }, r.suggestion));
    }
    if (from + PAGE < n) {
      var button = el("button", { type: "button", "class": "search-more" }, strings.more);
      button.addEventListener("click", function () { self.show(from + PAGE); });
      self.list.insertAdjacentElement("afterend", button);
    }
  };

  Page.prototype.show = function (from) {
    var self = this, r = this.result, strings = this.engine.manifest.strings, serial = this.serial;
    var slice = r.hits.slice(from, from + PAGE);
    this.summary(from);
    return this.engine.records(slice.map(function (h) { return h.doc; })).then(function (records) {
      if (serial !== self.serial) return;
      records.forEach(function (rec, i) {
        var li = el("li"), meta = [rec[4], rec[5]].filter(Boolean);
        li.appendChild(marked(el("a", { href: safeUrl(rec[1]) }), rec[2], r));
        if (slice[i].km !== undefined && slice[i].km !== Infinity) meta.push(say(strings.km, slice[i].km.toFixed(1), ""));
        if (meta.length) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("small", {}, meta.join(" · "))); }
        li.appendChild(marked(el("p"), rec[3], r));
        self.list.appendChild(li);
      });
    });
  };

  /** Fills `parent` with `text`, the words matching the query in <mark> (as text, not HTML). */
  function marked(parent, text, result) {
    highlight(String(text || ""), result.matched, result.words).forEach(function (part) {
      parent.appendChild(part[1] ? el("mark", {}, part[0]) : document.createTextNode(part[0]));
    });
    return parent;
  }

  function autoStart() {
    if (typeof document === "undefined") return;
    function go() {
      if (document.getElementById("search-results")) {
        var page = new Page(document);
        window.kartotekaSearchPage = page;
        page.start().catch(function () {});
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  }

  return {
    normalize: normalize, tokenize: tokenize, stem: stem, fold: fold, latinKeys: latinKeys,
    toCyrillic: toCyrillic, frontEncode: frontEncode, frontDecode: frontDecode,
    distance: distance, highlight: highlight, say: say, Engine: Engine, autoStart: autoStart,
    open: function (manifestUrl, load) { return new Engine(manifestUrl, load); }
  };
});
