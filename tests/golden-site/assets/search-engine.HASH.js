// The site's own search engine: reads the static index the build writes under search/
// (generator/searchindex.py describes it) with <script> elements, so it works the same from a
// web server and from a site opened from disk. Queries match exactly: a term of up to four
// characters (index.grams), or a number of up to eight digits, is one gram of the index; a
// longer term is the documents holding each of its overlapping four-character grams and its
// numbers, and every document shown is checked against its own text. An index updated after
// some departments changed has a delta segment too (index.delta): a gram's documents are those
// of both segments' postings, less the main segment's dead documents.
(function () {
  "use strict";
  var loaded = {};
  var waiting = {};
  //: A query whose grams find at most this many documents that must be checked against their
  //: text is checked whole before it is answered (its total and counts exact); past it, as
  //: its results are shown.
  var CHECK_WHOLE = 20;

  function register(name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (w) { w.resolve(data); });
    delete waiting[name];
  }

  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  function termsOf(query) {
    var seen = {};
    // Split where the index ends its runs: JavaScript's whitespace and Python's (U+001C–U+001F, U+0085).
    return normalize(query || "").split(/[\s\u001c-\u001f\u0085]+/).filter(function (t) {
      if (!t || seen[t]) { return false; }
      seen[t] = true;
      return true;
    });
  }

  function gramsOf(term, longest, digits) {
    // The grams a document holding `term` must have: the term itself when the index has grams
    // that long, else its overlapping grams of the longest length; and every run of digits
    // long enough for digit grams (itself, or its windows of the longest digit gram).
    var chars = Array.from(term);
    var grams = [];
    function add(gram) { if (grams.indexOf(gram) < 0) { grams.push(gram); } }
    function windows(list, size) {
      if (list.length <= size) { add(list.join("")); return; }
      for (var i = 0; i + size <= list.length; i++) { add(list.slice(i, i + size).join("")); }
    }
    if (chars.length > longest && isExact(term, longest, digits)) { return [term]; }
    windows(chars, longest);
    if (digits && chars.length > longest) {
      (term.match(/[0-9]+/g) || []).forEach(function (run) {
        if (run.length >= digits[0]) { windows(run.split(""), digits[1]); }
      });
    }
    return grams;
  }

  function isExact(term, longest, digits) {
    // A term the index answers exactly, without reading the documents.
    var length = Array.from(term).length;
    return length <= longest || Boolean(digits && /^[0-9]+$/.test(term) && length <= digits[1]);
  }

  function fnv1a(text) {
    var h = 0x811c9dc5;
    Array.from(text).forEach(function (ch) {
      h = Math.imul((h ^ ch.codePointAt(0)) >>> 0, 16777619) >>> 0;
    });
    return h;
  }

  function decode(base64, size) {
    // Postings: a type byte, then LEB128 gaps between document numbers (0) or a bitmap (1).
    var raw = atob(base64);
    var bits = new Uint8Array(size);
    if (raw.charCodeAt(0) === 1) {
      for (var i = 1; i < raw.length; i++) { bits[i - 1] = raw.charCodeAt(i); }
      return bits;
    }
    var doc = -1, value = 0, shift = 0;
    for (var j = 1; j < raw.length; j++) {
      var byte = raw.charCodeAt(j);
      value += (byte & 0x7f) * Math.pow(2, shift);
      if (byte & 0x80) { shift += 7; continue; }
      doc += value;
      bits[doc >> 3] |= 1 << (doc & 7);
      value = 0;
      shift = 0;
    }
    return bits;
  }

  function or(a, b) {
    for (var i = 0; i < a.length; i++) { a[i] |= b[i]; }
    return a;
  }

  function and(a, b) {
    for (var i = 0; i < a.length; i++) { a[i] &= b[i]; }
    return a;
  }

  function has(bits, doc) {
    return (bits[doc >> 3] >> (doc & 7)) & 1;
  }

  function open(root) {
    root = new URL(root, window.location.href);
    var version = "";

    function load(name, path, v) {
      if (v === undefined) { v = version; }
      if (loaded[name]) { return Promise.resolve(loaded[name]); }
      return new Promise(function (resolve, reject) {
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push({ resolve: resolve, reject: reject });
        if (!first) { return; }
        var script = document.createElement("script");
        script.src = new URL(path, root).href + (v ? "?v=" + v : "");
        script.async = true;
        script.onerror = function () {
          (waiting[name] || []).forEach(function (w) { w.reject(new Error("cannot load " + path)); });
          delete waiting[name];
        };
        script.onload = function () { script.remove(); };
        document.head.appendChild(script);
      });
    }

    return load("index", "search/index.js").then(function (index) {
      version = index.version;
      var size = (index.documents + 7) >> 3;
      var filters = index.filters;
      var years = filters.year;
      var longest = index.grams || 3;
      // A delta segment (documents of departments changed since the main segment was built)
      // numbers its documents from `first` on, and its grams have shards of their own; the
      // main segment's documents of those departments are dead.
      var delta = index.delta || null;
      var first = delta ? delta.first : index.documents;
      var dead = null;
      var live = index.documents;
      if (delta) {
        dead = new Uint8Array(size);
        delta.dead.forEach(function (doc) { dead[doc >> 3] |= 1 << (doc & 7); });
        live -= delta.dead.length;
      }
      var latest = delta ? delta.version : version;

      function place(doc) {
        // Where a document stands in URL order (a cold index numbers its documents so): a
        // delta document just before the main document its URL precedes.
        return doc < first ? 2 * doc + 1 : 2 * delta.at[doc - first];
      }

      function allowedSets(chosen) {
        // For each chosen filter, which of its value sets hold a wanted value: one lookup per document.
        return Object.keys(chosen).filter(function (key) { return chosen[key].length; }).map(function (key) {
          var column = filters[key] || { values: [], sets: [], docs: [] };
          return { docs: column.docs, ok: column.sets.map(function (set) {
            return set.some(function (v) { return chosen[key].indexOf(column.values[v]) >= 0; });
          }) };
        });
      }

      function yearOf(doc) {
        // Departments (no year) come before the reports, newest reports first.
        var set = years ? years.sets[years.docs[doc]] : [];
        return set.length ? Number(years.values[set[0]]) : Infinity;
      }

      function postings(grams, space) {
        // A gram's documents are those of the main segment's postings and the delta's.
        var shards = {}, extra = {};
        var deltaShards = delta ? delta.shards : 0;
        grams.forEach(function (g) {
          shards[fnv1a(g) & (index.shards - 1)] = true;
          if (deltaShards) { extra[fnv1a(g) & (deltaShards - 1)] = true; }
        });
        return Promise.all(Object.keys(shards).map(function (k) {
          return load("s" + k, "search/s/" + k + ".js").then(function (data) { shards[k] = data; });
        }).concat(Object.keys(extra).map(function (k) {
          return load("x" + k, "search/x/" + k + ".js", latest).then(function (data) { extra[k] = data; });
        }))).then(function () {
          var bits = null;
          grams.forEach(function (g) {
            var found = shards[fnv1a(g) & (index.shards - 1)][space][g];
            var these = found ? decode(found, size) : new Uint8Array(size);
            if (deltaShards) {
              var added = extra[fnv1a(g) & (deltaShards - 1)][space][g];
              if (added) { or(these, decode(added, size)); }
            }
            bits = bits ? and(bits, these) : these;
          });
          return bits;
        });
      }

      function documentOf(doc) {
        return load("d" + doc, "search/d/" + doc + ".js", doc < first ? version : latest);
      }

      function contains(item, terms) {
        var text = normalize([item.title].concat(item.parts.map(function (p) { return p.text; })).join("\n"));
        return terms.every(function (t) { return text.indexOf(t) >= 0; });
      }

      function search(query, chosen, sort) {
        var terms = termsOf(query);
        var grams = [];
        terms.forEach(function (t) { gramsOf(t, longest, index.digits).forEach(function (g) { if (grams.indexOf(g) < 0) { grams.push(g); } }); });
        var body = grams.length ? postings(grams, "b") : Promise.resolve(null);
        var title = grams.length ? postings(grams, "t") : Promise.resolve(null);
        var order = sort ? load("sort", "search/sort.js", latest) : Promise.resolve(null);
        return Promise.all([body, title, order]).then(function (got) {
          var bits = got[0], inTitle = got[1], sortColumns = got[2];
          var ids = [];
          var allowed = allowedSets(chosen);
          for (var doc = 0; doc < index.documents; doc++) {
            if (bits && !has(bits, doc)) { continue; }
            if (dead && has(dead, doc)) { continue; }
            if (allowed.every(function (a) { return a.docs.length && a.ok[a.docs[doc]]; })) { ids.push(doc); }
          }
          var key = sort ? Object.keys(sort)[0] : null;
          ids.sort(function (a, b) {
            if (key) {
              var x = sortColumns[key][a], y = sortColumns[key][b];
              if (x !== y) {
                if (x === null) { return 1; }
                if (y === null) { return -1; }
                return sort[key] === "asc" ? x - y : y - x;
              }
            }
            if (inTitle) {
              var t = has(inTitle, b) - has(inTitle, a);
              if (t) { return t; }
            }
            var ya = yearOf(a), yb = yearOf(b);
            if (ya !== yb) { return ya === Infinity ? -1 : yb === Infinity ? 1 : yb - ya; }
            return place(a) - place(b) || a - b;
          });
          var exact = terms.every(function (t) { return isExact(t, longest, index.digits); });
          // Documents found by the grams of a longer term apart are checked against their text
          // (`checked` of the first ids are): one that does not hold the term is dropped, and
          // the total and counts corrected. A query with few such documents is checked whole
          // before it is answered, so its counts are exact from the start.
          var checked = exact || !terms.length ? ids.length : 0;
          var found = { total: ids.length, counts: counts(ids), exact: checked >= ids.length };
          found.ids = function () { return ids.slice(); };

          function check(upTo) {
            if (checked >= Math.min(upTo, ids.length)) { return Promise.resolve(); }
            var batch = ids.slice(checked, Math.min(upTo, ids.length));
            return Promise.all(batch.map(documentOf)).then(function (docs) {
              var kept = docs.map(function (item) { return contains(item, terms); });
              var dropped = kept.filter(function (k) { return !k; }).length;
              if (dropped) {
                var at = checked;
                ids = ids.slice(0, at).concat(batch.filter(function (doc, i) { return kept[i]; }), ids.slice(at + batch.length));
                found.counts = counts(ids);
              }
              checked += batch.length - dropped;
              found.total = ids.length;
              found.exact = checked >= ids.length;
              return check(upTo);
            });
          }

          found.load = function (start, end) {
            return check(end).then(function () {
              return Promise.all(ids.slice(start, end).map(documentOf));
            }).then(function (docs) {
              return docs.map(function (item) { return shape(item, terms); });
            });
          };
          return (ids.length <= CHECK_WHOLE ? check(ids.length) : Promise.resolve()).then(function () { return found; });
        });
      }

      function counts(ids) {
        var out = {};
        Object.keys(filters).forEach(function (key) {
          var column = filters[key];
          var perSet = {};
          ids.forEach(function (doc) { var s = column.docs[doc]; perSet[s] = (perSet[s] || 0) + 1; });
          var byValue = {};
          Object.keys(perSet).forEach(function (s) {
            column.sets[s].forEach(function (v) {
              var name = column.values[v];
              byValue[name] = (byValue[name] || 0) + perSet[s];
            });
          });
          out[key] = byValue;
        });
        return out;
      }

      return { name: "static", documents: live, search: search };
    });
  }

  function shape(item, terms) {
    // The result links to the part holding the first term: the report page or its original text.
    var part = item.parts[0];
    if (terms.length) {
      for (var i = 0; i < item.parts.length; i++) {
        if (normalize(item.parts[i].text).indexOf(terms[0]) >= 0) { part = item.parts[i]; break; }
      }
    }
    return { url: part.url, title: item.title, meta: item.meta, part: part.label, docUrl: item.url,
             excerpt: excerpt(part.text, terms) };
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function normalized(text) {
    // The text normalized as the index reads it, with where each of its code units stands in
    // the text: a character NFKC makes longer or shorter (⑴ is “(1)”, ㎡ “m2”) moves what
    // follows, and a term found in the normalized text is marked where it stands in the text.
    var norm = "", at = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i), size = cp > 0xffff ? 2 : 1;
      var n = normalize(text.slice(i, i + size));
      for (var k = 0; k < n.length; k++) { at.push(i); }
      norm += n;
      i += size;
    }
    at.push(text.length);
    return { text: norm, at: at };
  }

  //: Where an excerpt may start: after the end of a sentence or line (a figure's line, a
  //: statistic's sentence) shortly before the first match, so it reads from there.
  var SENTENCE_END = /[。！？；!?;\n]/;

  function excerpt(text, terms) {
    var norm = normalized(text);
    var ranges = [];
    terms.forEach(function (t) {
      for (var i = norm.text.indexOf(t); i >= 0; i = norm.text.indexOf(t, i + t.length)) {
        ranges.push([norm.at[i], norm.at[i + t.length]]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var first = ranges.length ? ranges[0][0] : 0;
    var start = Math.max(0, first - 40);
    for (var j = first - 1; j >= Math.max(0, first - 60); j--) {
      if (SENTENCE_END.test(text.charAt(j))) { start = j + 1; break; }
    }
    if (first - start > 40 && start > 0) { start = first - 40; }
    var end = Math.min(text.length, start + 120);
    var html = "", from = start;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], end);
      if (a >= b) { return; }
      html += escapeHtml(text.slice(from, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
      from = b;
    });
    html += escapeHtml(text.slice(from, end));
    return (start > 0 ? "…" : "") + html.replace(/\s+/g, " ").trim() + (end < text.length ? "…" : "");
  }

  window.DisclosureSearch = { register: register, open: open, normalize: normalize, terms: termsOf };
})();
