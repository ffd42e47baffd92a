/*
 * Kaiyuan search: queries the index the build wrote (search/index.js, which sets
 * window.KAIYUAN_SEARCH) in the browser, with no server, so it works from file:// too.
 * Load it after the index: <script src="../search/index.js"></script><script src="../assets/search.js"></script>
 *
 * A query is split as the build split the articles (dev.kaiyuan.search.SearchTokenizer), but for
 * Han text, which the index holds as bigrams (and names), not as words:
 *   1. fold, one code point at a time: NFKC, lower case, Traditional -> Simplified (the index's map);
 *   2. at each place the longest name of the index's dictionary (names on Latin word boundaries);
 *   3. Intl.Segmenter word breaks (the browser's ICU) between names, word-like segments only.
 * A one-character Han word is joined to the Han words beside it (开 + 源 is looked up as 开源,
 * 模型 + 的 as 模型的): the index has a character by itself only where it stands alone. Every term
 * must match (AND); a Han term the index lacks (any Chinese word of three or more characters that
 * is no name) falls back to all of its bigrams, a lone Han character matches every term that
 * contains it, and the last Latin term to
 * the terms it begins (the reader may still be typing). Scores are tf-idf, boosted when the
 * title has the term. Results are built as DOM nodes with textContent: index text is never HTML.
 * The postings are in parts by document (the newest documents in the last), each part in shard
 * scripts (search/terms/<p>-<n>.js, each calling window.KAIYUAN_SEARCH_TERMS("p-n", key, groups),
 * the key its part's ids key, see documentsOf); in
 * each part a term's shard comes from its first two UTF-16 units
 * (dev.kaiyuan.search.SearchScript.shardOf), so a query loads the shard of each part for each of
 * its terms, joining the lists the parts have for a term, and every shard for a lone Han character
 * (matched inside terms).
 * The documents are in scripts by the same parts (search/docs/<p>.js, each calling
 * window.KAIYUAN_SEARCH_DOCS(p, key, docs)); the index says how many each part has and its key,
 * and the page loads them all before its first answer (a document's id is its place in the parts
 * in order; see documentsOf).
 * A result's snippet comes from its document's text script (search/text/… after its address, see
 * textScriptOf), loaded when the result is first shown: it calls window.KAIYUAN_SEARCH_TEXT(url, text).
 * Also exposed as window.KaiyuanSearch, for tests.
 */
(function (global) {
  'use strict';

  var HAN = /\p{Script=Han}/u;
  var LATIN = /\p{Script=Latin}/u;
  var TITLE_BOOST = 2;
  var MAX_RESULTS = 50;
  var MAX_PREFIX_TERMS = 50;
  var SNIPPET_BEFORE = 40;
  var SNIPPET_LENGTH = 160;
  /** Document url -> its text, as the text scripts deliver it. */
  var TEXTS = new Map();
  /** Script address -> callbacks waiting for it to load. */
  var WAITING = new Map();
  /** Shard name ("p-n") -> its posting groups, as the shard scripts deliver them. */
  var SHARDS = new Map();
  /** Part number -> its documents, as the documents scripts deliver them. */
  var DOCS = new Map();
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];

  function hasHan(s) {
    return HAN.test(s);
  }

  /** One UTF-16 unit: ASCII letter or digit, or a Latin-script letter. */
  function isLatinWordChar(c) {
    return c.charCodeAt(0) < 0x80 ? /[A-Za-z0-9]/.test(c) : LATIN.test(c);
  }

  function codePointLength(text, i) {
    return text.codePointAt(i) > 0xffff ? 2 : 1;
  }

  /** The fold of the build (SearchFold), with the index's Traditional -> Simplified pairs. */
  function makeFold(pairs) {
    var map = new Map();
    var cps = Array.from(pairs || '');
    for (var i = 0; i + 1 < cps.length; i += 2) {
      map.set(cps[i], cps[i + 1]);
    }
    /** Folded text; with offsets, also from[j] = index in text of folded unit j (from[length] = text.length). */
    return function fold(text, withOffsets) {
      var out = '';
      var from = withOffsets ? [] : null;
      var at = 0;
      for (var ch of text) {
        for (var c of ch.normalize('NFKC').toLowerCase()) {
          var folded = map.get(c) || c;
          out += folded;
          if (from) {
            for (var k = 0; k < folded.length; k++) {
              from.push(at);
            }
          }
        }
        at += ch.length;
      }
      if (from) {
        from.push(at);
      }
      return withOffsets ? { text: out, from: from } : out;
    };
  }

  /** Word-like segments: Intl.Segmenter where there is one, else letter/number runs and single Han characters. */
  function makeSegmenter() {
    if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
      var segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
      return function (text) {
        var out = [];
        for (var s of segmenter.segment(text)) {
          if (s.isWordLike) {
            out.push({ segment: s.segment, index: s.index });
          }
        }
        return out;
      };
    }
    var words = /\p{Script=Han}|[\p{L}\p{N}\p{M}]+(?:['.,][\p{L}\p{N}\p{M}]+)*/gu;
    return function (text) {
      var out = [];
      var m;
      words.lastIndex = 0;
      while ((m = words.exec(text)) !== null) {
        out.push({ segment: m[0], index: m.index });
      }
      return out;
    };
  }

  function Tokenizer(names, fold) {
    this.fold = fold;
    this.names = new Set(names);
    var lengths = new Set();
    names.forEach(function (n) {
      if (n.length > 0) {
        lengths.add(n.length);
      }
    });
    this.lengths = Array.from(lengths).sort(function (a, b) { return b - a; });
    this.segment = makeSegmenter();
  }

  Tokenizer.prototype.nameAt = function (text, i) {
    for (var n = 0; n < this.lengths.length; n++) {
      var end = i + this.lengths[n];
      if (end <= text.length && this.names.has(text.slice(i, end)) && onBoundaries(text, i, end)) {
        return this.lengths[n];
      }
    }
    return 0;
  };

  function onBoundaries(text, start, end) {
    var startOk = !isLatinWordChar(text[start]) || start === 0 || !isLatinWordChar(text[start - 1]);
    var endOk = !isLatinWordChar(text[end - 1]) || end === text.length || !isLatinWordChar(text[end]);
    return startOk && endOk;
  }

  /** Names and words of folded text, in order: {term, start, end, kind: 'name' | 'word'}. */
  Tokenizer.prototype.primary = function (folded) {
    var tokens = [];
    var gap = 0;
    var i = 0;
    while (i < folded.length) {
      var length = this.nameAt(folded, i);
      if (length === 0) {
        i += codePointLength(folded, i);
        continue;
      }
      this.words(folded, gap, i, tokens);
      tokens.push({ term: folded.slice(i, i + length), start: i, end: i + length, kind: 'name' });
      i += length;
      gap = i;
    }
    this.words(folded, gap, folded.length, tokens);
    return tokens;
  };

  Tokenizer.prototype.words = function (text, from, to, out) {
    if (from >= to) {
      return;
    }
    this.segment(text.slice(from, to)).forEach(function (s) {
      var start = from + s.index;
      out.push({ term: s.segment, start: start, end: start + s.segment.length, kind: 'word' });
    });
  };

  function isSingleHan(term) {
    return Array.from(term).length === 1 && hasHan(term);
  }

  /**
   * The query's units: its tokens, with each one-character Han word joined to the Han word right
   * before it, or after it when it comes first (longer words stay apart: 开源 模型), each term once.
   */
  Tokenizer.prototype.units = function (query) {
    var units = [];
    this.primary(this.fold(query)).forEach(function (t) {
      var han = t.kind === 'word' && hasHan(t.term);
      var single = han && isSingleHan(t.term);
      var last = units[units.length - 1];
      if (han && last && last.han && last.end === t.start && (single || last.single)) {
        last.term += t.term;
        last.end = t.end;
        last.single = false;
      } else {
        units.push({ term: t.term, end: t.end, han: han, single: single });
      }
    });
    var seen = new Set();
    return units.map(function (u) { return u.term; }).filter(function (term) {
      if (seen.has(term)) {
        return false;
      }
      seen.add(term);
      return true;
    });
  };

  /** Bigrams of each Han run of a term; a run of one character gives the character. */
  function hanGrams(term) {
    var grams = [];
    var run = [];
    Array.from(term).concat(['']).forEach(function (c) {
      if (c !== '' && hasHan(c)) {
        run.push(c);
        return;
      }
      if (run.length === 1) {
        grams.push(run[0]);
      }
      for (var i = 0; i + 1 < run.length; i++) {
        grams.push(run[i] + run[i + 1]);
      }
      run = [];
    });
    return grams;
  }

  /** FNV-1a (32 bits) of the term's first two UTF-16 units, modulo the shard count: SearchScript.shardOf. */
  function shardOf(term, shards) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < Math.min(2, term.length); i++) {
      hash ^= term.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % shards;
  }

  /**
   * The index's documents: those of its parts in order (version 5), or its own list (earlier
   * versions). A document's id is its place in the parts as index.js counts them. A part's script
   * that did not load, or that is of another build than index.js (its key is not the one index.js
   * names: a browser may keep a copy of one of them a little longer after a deploy, and an
   * article deleted or dated before others moves the rest to other ids), gives no documents: null
   * in their places, which a search skips, so the other parts' documents keep their ids.
   */
  function documentsOf(data) {
    if (Array.isArray(data.docs)) {
      return data.docs;
    }
    var all = [];
    (data.parts || []).forEach(function (count, p) {
      var part = DOCS.get(p);
      var keys = data.keys || [];
      var same = part !== undefined && Array.isArray(part.docs) && part.docs.length === count
        && part.key === keys[p];
      for (var i = 0; i < count; i++) {
        var doc = same ? part.docs[i] : null;
        all.push(doc && typeof doc.url === 'string' && typeof doc.title === 'string' ? doc : null);
      }
    });
    return all;
  }

  function Index(data, docs) {
    this.docs = docs;
    this.fold = makeFold(data.fold);
    this.tokenizer = new Tokenizer(data.names, this.fold);
    this.postings = new Map();
    this.shards = data.shards || [];
    this.keys = data.keys; // each part's ids key (version 5), which its scripts name too
    this.added = new Set();
    if (data.postings) {
      this.add(data.postings);
    }
    this.titles = this.docs.map(function (d) { return d ? this.fold(d.title) : ''; }, this);
    this.sync();
  }

  /** True once the shard of that name has arrived. */
  Index.prototype.has = function (name) {
    this.sync();
    return this.added.has(name);
  };

  /** The names of the shards, one of each part, that hold a term's lists. */
  Index.prototype.shardsOf = function (term) {
    return this.shards.map(function (count, p) { return p + '-' + shardOf(term, count); });
  };

  /** Takes in the shards that arrived since, part by part in shard order. */
  Index.prototype.sync = function () {
    for (var p = 0; p < this.shards.length; p++) {
      for (var n = 0; n < this.shards[p]; n++) {
        var name = p + '-' + n;
        if (!this.added.has(name) && SHARDS.has(name)) {
          this.added.add(name);
          var shard = SHARDS.get(name);
          // a shard of another build than index.js (see documentsOf) may number other documents:
          // it counts as arrived, with no postings
          if (!this.keys || shard.key === this.keys[p]) {
            this.add(shard.groups);
          }
        }
      }
    }
  };

  /** The shards the query needs that have not arrived: those of its terms; all, for a lone Han character. */
  Index.prototype.missing = function (query) {
    this.sync();
    var index = this;
    var added = this.added;
    var need = new Set();
    var lone = false;
    var postings = this.postings;
    this.tokenizer.units(query).forEach(function (unit) {
      var own = index.shardsOf(unit).every(function (name) { return added.has(name); });
      // a unit's bigrams matter only when it is no term itself (or that is not known yet)
      var grams = hasHan(unit) && !(own && postings.has(unit)) ? hanGrams(unit) : [];
      [unit].concat(grams).forEach(function (t) {
        index.shardsOf(t).forEach(function (name) {
          if (!added.has(name)) {
            need.add(name);
          }
        });
        lone = lone || isSingleHan(t);
      });
    });
    if (lone) {
      this.shards.forEach(function (count, p) {
        for (var n = 0; n < count; n++) {
          if (!added.has(p + '-' + n)) {
            need.add(p + '-' + n);
          }
        }
      });
    }
    return Array.from(need).sort();
  };

  /** Adds posting groups: [posting list, front-coded terms]; a term another part has lists for gets them joined. */
  Index.prototype.add = function (groups) {
    var postings = this.postings;
    groups.forEach(function (group) {
      var list = group[0].split(' ').map(function (p) {
        var colon = p.indexOf(':');
        return colon < 0 ? [Number(p), 1] : [Number(p.slice(0, colon)), Number(p.slice(colon + 1))];
      });
      var term = '';
      group[1].split('\n').forEach(function (line) {
        term = term.slice(0, parseInt(line[0], 36)) + line.slice(1);
        // the parts hold documents of ids apart: the joined list stays in id order
        var before = postings.get(term);
        postings.set(term, !before ? list : before[0][0] < list[0][0] ? before.concat(list) : list.concat(before));
      });
    });
  };

  /** Doc id -> tf-idf of one posting list. */
  Index.prototype.scores = function (list) {
    var idf = Math.log(1 + this.docs.length / list.length);
    var scores = new Map();
    list.forEach(function (p) { scores.set(p[0], (1 + Math.log(p[1])) * idf); });
    return scores;
  };

  /** A posting list as the index writes it: doc ids in order, each with :tf when that is not 1, space-separated. */
  function listText(list) {
    return list.map(function (p) { return p[1] === 1 ? String(p[0]) : p[0] + ':' + p[1]; }).join(' ');
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /**
   * {scores: doc id -> best score, terms} over the terms that pass the test, or null. When more
   * than `limit` pass, the first `limit` in the order the index writes a shard's terms in: by
   * posting list, then term (UTF-16 order, as the build sorts them), so that the terms taken do
   * not depend on which shards have arrived, or in what order.
   */
  Index.prototype.union = function (test, limit) {
    var matched = [];
    for (var entry of this.postings) {
      if (test(entry[0])) {
        matched.push(entry);
      }
    }
    if (matched.length > limit) {
      matched = matched.map(function (e) { return [listText(e[1]), e]; })
        .sort(function (a, b) { return compare(a[0], b[0]) || compare(a[1][0], b[1][0]); })
        .slice(0, limit).map(function (k) { return k[1]; });
    }
    var scores = null;
    var terms = [];
    matched.forEach(function (entry) {
      terms.push(entry[0]);
      scores = scores || new Map();
      this.scores(entry[1]).forEach(function (s, doc) { scores.set(doc, Math.max(scores.get(doc) || 0, s)); });
    }, this);
    return scores && { scores: scores, terms: terms };
  };

  /** {scores, marks} of one query term, or null when no document has it. */
  Index.prototype.lookup = function (term, last) {
    var list = this.postings.get(term);
    if (isSingleHan(term)) {
      // the index has a character by itself only where it stands alone, elsewhere in bigrams
      var holding = this.union(function (t) { return t.includes(term); }, Infinity);
      return holding && { scores: holding.scores, marks: [term] };
    }
    if (list) {
      return { scores: this.scores(list), marks: [term] };
    }
    if (!hasHan(term)) {
      var prefix = last && term.length >= 2 ? this.union(function (t) { return t.startsWith(term); }, MAX_PREFIX_TERMS) : null;
      return prefix && { scores: prefix.scores, marks: prefix.terms };
    }
    var grams = hanGrams(term);
    var scores = null;
    for (var g = 0; g < grams.length; g++) {
      var gram = grams[g];
      var lone = isSingleHan(gram) ? this.union(function (t) { return t.includes(gram); }, Infinity) : null;
      var found = lone ? lone.scores : this.postings.has(gram) ? this.scores(this.postings.get(gram)) : null;
      if (!found) {
        return null;
      }
      scores = scores === null ? found : intersect(scores, found);
    }
    scores.forEach(function (s, doc) { scores.set(doc, s / grams.length); });
    return { scores: scores, marks: [term].concat(grams) };
  };

  function intersect(a, b) {
    var both = new Map();
    a.forEach(function (s, doc) {
      if (b.has(doc)) {
        both.set(doc, s + b.get(doc));
      }
    });
    return both;
  }

  /** Matching documents, best first: [{id, score, doc, marks}]. */
  Index.prototype.search = function (query) {
    this.sync();
    var units = this.tokenizer.units(query);
    if (units.length === 0) {
      return [];
    }
    var typing = !/\s$/.test(query);
    var total = null;
    var marks = [];
    for (var u = 0; u < units.length; u++) {
      var found = this.lookup(units[u], typing && u === units.length - 1);
      if (!found) {
        return [];
      }
      var term = units[u];
      var titles = this.titles;
      found.scores.forEach(function (s, doc) {
        found.scores.set(doc, (titles[doc] || '').includes(term) ? s * (1 + TITLE_BOOST) : s);
      });
      total = total === null ? found.scores : intersect(total, found.scores);
      marks = marks.concat(found.marks);
    }
    var docs = this.docs;
    return Array.from(total).filter(function (e) {
      return Boolean(docs[e[0]]); // a document its part's script did not give (see documentsOf)
    }).map(function (e) {
      return { id: e[0], score: e[1], doc: docs[e[0]], marks: marks };
    }).sort(function (a, b) {
      // among equal scores and dates, the site's order: ids number the documents oldest first
      return b.score - a.score || (b.doc.date > a.doc.date ? 1 : b.doc.date < a.doc.date ? -1 : 0) || b.id - a.id;
    }).slice(0, MAX_RESULTS);
  };

  /**
   * The site path of a document's text script, made from its address as the build makes it
   * (dev.kaiyuan.search.SearchScript.textPath): articles/x/index.html -> search/text/articles/x.js.
   * An index of version 4 or before names it itself.
   */
  function textScriptOf(doc) {
    if (typeof doc.snippet === 'string') {
      return doc.snippet;
    }
    var url = String(doc.url);
    var stem = /\/index\.html$/.test(url) ? url.slice(0, -'/index.html'.length)
      : /\.html$/.test(url) ? url.slice(0, -'.html'.length) : url;
    return 'search/text/' + stem + '.js';
  }

  /** The document's text: its own (an index made for tests may carry it), or the one its script gave; else undefined. */
  function textOf(doc) {
    return typeof doc.text === 'string' ? doc.text : TEXTS.get(doc.url);
  }

  /**
   * Loads the script at `src` (a part's documents, a shard, or a document's text) once at a time,
   * then calls done, also when it failed to load (what it would have brought then stays missing).
   */
  function loadScript(document, src, done) {
    var waiting = WAITING.get(src);
    if (waiting) {
      waiting.push(done);
      return;
    }
    WAITING.set(src, [done]);
    var script = document.createElement('script');
    script.onload = script.onerror = function () {
      var callbacks = WAITING.get(src) || [];
      WAITING.delete(src);
      callbacks.forEach(function (f) { f(); });
    };
    script.src = src;
    (document.head || document.body).appendChild(script);
  }

  /** A stretch of the document's text around the first hit: [{text, hit}]; null while its text is not loaded. */
  Index.prototype.snippet = function (doc, marks) {
    var text = textOf(doc);
    if (typeof text !== 'string') {
      return null;
    }
    doc = { text: text };
    var folded = this.fold(doc.text, true);
    var hits = findAll(folded.text, marks).map(function (h) {
      var end = folded.from[h[1] - 1];
      return [folded.from[h[0]], end + codePointLength(doc.text, end)];
    });
    var start = hits.length ? Math.max(0, hits[0][0] - SNIPPET_BEFORE) : 0;
    if (start > 0 && /[\uDC00-\uDFFF]/.test(doc.text[start])) {
      start--;
    }
    var end = Math.min(doc.text.length, start + SNIPPET_LENGTH);
    var parts = [];
    var at = start;
    hits.forEach(function (h) {
      if (h[0] >= at && h[1] <= end) {
        parts.push({ text: doc.text.slice(at, h[0]), hit: false }, { text: doc.text.slice(h[0], h[1]), hit: true });
        at = h[1];
      }
    });
    parts.push({ text: doc.text.slice(at, end), hit: false });
    if (start > 0) {
      parts[0].text = '…' + parts[0].text;
    }
    if (end < doc.text.length) {
      parts[parts.length - 1].text += '…';
    }
    return parts.filter(function (p) { return p.text !== ''; });
  };

  /** [start, end) of every occurrence of the terms (Latin edges on word boundaries), sorted, not overlapping. */
  function findAll(text, terms) {
    var hits = [];
    terms.forEach(function (term) {
      for (var i = text.indexOf(term); term !== '' && i >= 0; i = text.indexOf(term, i + 1)) {
        if (onBoundaries(text, i, i + term.length)) {
          hits.push([i, i + term.length]);
        }
      }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    hits.forEach(function (h) {
      var last = merged[merged.length - 1];
      if (last && h[0] < last[1]) {
        last[1] = Math.max(last[1], h[1]);
      } else {
        merged.push([h[0], h[1]]);
      }
    });
    return merged;
  }

  /** The date as the site writes it (DateDisplay): 2025年8月21日, or 21 August 2025. */
  function displayDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) {
      return iso;
    }
    if (/^(zh|ja)/.test(lang)) {
      return m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
    }
    return Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }

  /**
   * Loads the documents scripts of the parts index.js names (none for an index that holds its
   * documents), then calls done, also when some failed to load.
   */
  function loadDocuments(document, root, data, done) {
    var parts = Array.isArray(data.docs) ? [] : (data.parts || []);
    var left = parts.length;
    if (left === 0) {
      done();
      return;
    }
    parts.forEach(function (count, p) {
      loadScript(document, root + 'search/docs/' + p + '.js', function () {
        left--;
        if (left === 0) {
          done();
        }
      });
    });
  }

  /** Wires the page: reads ?q=, runs it once the documents have arrived, and searches as the reader types. */
  function start(document, location, history, data) {
    var box = document.getElementById('search');
    if (!box) {
      return;
    }
    var index = null;
    var loading = Boolean(data); // the documents' scripts are on their way: queries wait for them
    var form = box.querySelector('form');
    var input = box.querySelector('input[name=q]');
    var section = box.querySelector('.search-results');
    var status = box.querySelector('.search-status');
    var list = box.querySelector('.search-list');
    var timer = null;
    var latest = null; // the query last asked for: a slower answer to an earlier one is dropped

    function render(query) {
      latest = query;
      if (query.trim() === '') {
        list.textContent = '';
        section.hidden = true;
        status.textContent = '';
        return;
      }
      if (loading) {
        // answered when the documents have arrived (1.6 MB at 10,000 articles)
        list.textContent = '';
        section.hidden = false;
        status.textContent = box.dataset.loading || '';
        return;
      }
      var need = index ? index.missing(query) : [];
      if (need.length > 0) {
        // The query's shards (all of them for a lone Han character); the answer is shown if it
        // is still the query by then. Asked again only when a
        // shard did arrive, so shards that fail to load end in an answer without them.
        var left = need.length;
        need.forEach(function (name) {
          loadScript(document, (box.dataset.root || '') + 'search/terms/' + name + '.js', function () {
            left--;
            if (left > 0 || latest !== query) {
              return;
            }
            if (need.some(function (k) { return index.has(k); })) {
              render(query);
            } else {
              show(query);
            }
          });
        });
        return;
      }
      show(query);
    }

    function show(query) {
      list.textContent = '';
      var results = index ? index.search(query) : [];
      section.hidden = false;
      var colon = /^zh/.test(document.documentElement.lang) ? '：' : ': ';
      status.textContent = results.length ? box.dataset.results + colon + results.length : box.dataset.noResults;
      results.forEach(function (r) { list.appendChild(item(r)); });
    }

    function item(r) {
      var li = element('li', 'card search-result');
      if (r.doc.lang) {
        li.lang = r.doc.lang;
      }
      var h3 = li.appendChild(element('h3', 'card-title'));
      var a = h3.appendChild(element('a'));
      a.href = (box.dataset.root || '') + r.doc.url;
      a.textContent = r.doc.title;
      if (r.doc.date) {
        var time = li.appendChild(element('p', 'meta')).appendChild(element('time', 'date'));
        time.dateTime = r.doc.date;
        time.textContent = displayDate(r.doc.date, r.doc.lang);
      }
      var p = li.appendChild(element('p', 'summary snippet'));
      var parts = index.snippet(r.doc, r.marks);
      if (parts) {
        fill(p, parts);
      } else {
        loadScript(document, (box.dataset.root || '') + textScriptOf(r.doc), function () {
          fill(p, index.snippet(r.doc, r.marks) || []);
        });
      }
      return li;
    }

    function fill(p, parts) {
      parts.forEach(function (part) {
        var text = part.text.replace(/\s+/g, ' ');
        p.appendChild(part.hit ? element('mark', 'search-hit', text) : document.createTextNode(text));
      });
    }

    function element(name, className, text) {
      var e = document.createElement(name);
      if (className) {
        e.className = className;
      }
      if (text !== undefined) {
        e.textContent = text;
      }
      return e;
    }

    function remember(query) {
      try {
        var url = new URL(location.href);
        if (query.trim() === '') {
          url.searchParams.delete('q');
        } else {
          url.searchParams.set('q', query);
        }
        history.replaceState(null, '', url.href);
      } catch (e) {
        // Some browsers refuse to change a file:// address; searching works all the same.
      }
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      render(input.value);
      remember(input.value);
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        render(input.value);
        remember(input.value);
      }, 120);
    });
    var query = new URLSearchParams(location.search).get('q') || '';
    if (query !== '') {
      input.value = query;
      render(query);
    }
    if (data) {
      loadDocuments(document, box.dataset.root || '', data, function () {
        loading = false; // first: an index that cannot be read leaves the page answering without one
        index = api.create(data);
        if (latest !== null) {
          render(latest);
        }
      });
    }
  }

  var api = {
    /** The index of the data index.js set, with the documents its parts' scripts have given. */
    create: function (data) { return new Index(data, documentsOf(data)); },
    displayDate: displayDate,
    textScriptOf: textScriptOf
  };
  global.KaiyuanSearch = api;
  global.KAIYUAN_SEARCH_TEXT = function (url, text) {
    TEXTS.set(String(url), String(text));
  };
  global.KAIYUAN_SEARCH_DOCS = function (part, key, docs) {
    DOCS.set(Number(part), { key: String(key), docs: docs });
  };
  global.KAIYUAN_SEARCH_TERMS = function (name, key, groups) {
    // ("p-n", groups) before version 5
    SHARDS.set(String(name), Array.isArray(key) ? { groups: key } : { key: String(key), groups: groups });
  };
  if (typeof global.document !== 'undefined' && global.document.getElementById) {
    start(global.document, global.location, global.history, global.KAIYUAN_SEARCH);
  }
}(typeof window !== 'undefined' ? window : this));
