// The search page: Pagefind when the site is served over http(s), and the build's fallback
// index when it is opened from disk (file://), where Pagefind cannot load. Results, counts
// and filters come from whichever engine runs; the query and filters live in the URL.
(function () {
  "use strict";
  var self = document.currentScript;
  var root = new URL(self.getAttribute("data-root"), window.location.href);
  var FILTER_KEYS = ["type", "year", "province", "city", "county", "department", "kind", "grade"];
  var PAGE = 20;

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var sortSelect = document.getElementById("search-sort");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var engine = null;
  var current = null;
  var shown = 0;
  var runId = 0;

  // --- engines --------------------------------------------------------------------------------

  function pagefindEngine() {
    return import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
      return pagefind.options({ baseUrl: root.pathname, excerptLength: 36 }).then(function () {
        return pagefind.init();
      }).then(function () {
        return {
          name: "pagefind",
          search: function (query, filters, sort) {
            var options = { filters: {} };
            Object.keys(filters).forEach(function (key) {
              if (filters[key].length) { options.filters[key] = { any: filters[key] }; }
            });
            if (sort) { options.sort = sort; }
            return pagefind.search(query || null, options).then(function (found) {
              var terms = termsOf(query);
              if (!terms.length) {
                // Filters only: Pagefind's results and counts are exact.
                return {
                  total: found.results.length,
                  counts: found.filters || {},
                  load: function (start, end) {
                    return Promise.all(found.results.slice(start, end).map(function (r) { return r.data(); }))
                      .then(function (items) { return items.map(shape); });
                  }
                };
              }
              // Pagefind matches Chinese by single characters, so it returns pages that hold the
              // characters of a phrase but not the phrase. Keep only pages holding every term.
              return Promise.all(found.results.map(function (r) { return r.data(); })).then(function (items) {
                var exact = items.filter(function (d) {
                  var text = ((d.meta.title || "") + "\n" + d.content).toLowerCase();
                  return terms.every(function (t) { return text.indexOf(t) >= 0; });
                });
                var counts = {};
                exact.forEach(function (d) {
                  Object.keys(d.filters || {}).forEach(function (key) {
                    counts[key] = counts[key] || {};
                    d.filters[key].forEach(function (v) { counts[key][v] = (counts[key][v] || 0) + 1; });
                  });
                });
                return {
                  total: exact.length,
                  counts: counts,
                  load: function (start, end) {
                    // Pagefind marks each matched character; mark the whole terms instead.
                    return Promise.resolve(exact.slice(start, end).map(function (d) {
                      var item = shape(d);
                      item.excerpt = excerptOf(d.content, terms);
                      return item;
                    }));
                  }
                };
              });
            });
          }
        };
      });
    });
  }

  function shape(d) {
    return { url: d.url, title: d.meta.title || d.url, meta: d.meta, excerpt: d.excerpt };
  }

  function pageHref(url) {
    // Opened from disk, a folder URL shows a file listing: point at its index.html.
    if (window.location.protocol === "file:" && /\/$/.test(url)) { return url + "index.html"; }
    return url;
  }

  function termsOf(query) {
    return (query || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function fallbackEngine() {
    return new Promise(function (resolve, reject) {
      if (window.DISCLOSURE_SEARCH_INDEX) { return resolve(); }
      var script = document.createElement("script");
      script.src = new URL("search/fallback-index.js", root).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      var records = window.DISCLOSURE_SEARCH_INDEX;
      records.forEach(function (r) { r.haystack = (r.title + "\n" + r.text).toLowerCase(); });
      return {
        name: "fallback",
        search: function (query, filters, sort) {
          var terms = termsOf(query);
          var matched = records.filter(function (r) {
            return terms.every(function (t) { return r.haystack.indexOf(t) >= 0; });
          }).filter(function (r) {
            return Object.keys(filters).every(function (key) {
              var wanted = filters[key];
              return !wanted.length || (r.filters[key] || []).some(function (v) { return wanted.indexOf(v) >= 0; });
            });
          });
          if (!terms.length && !Object.keys(filters).some(function (k) { return filters[k].length; })) { matched = []; }
          var scored = matched.map(function (r) {
            var hits = 0;
            terms.forEach(function (t) { hits += r.haystack.split(t).length - 1; });
            var inTitle = terms.some(function (t) { return r.title.toLowerCase().indexOf(t) >= 0; });
            return { record: r, rank: (inTitle ? 1000000 : 0) + hits };
          });
          scored.sort(function (a, b) {
            if (sort) {
              var key = Object.keys(sort)[0];
              var x = parseFloat(a.record.sort[key]), y = parseFloat(b.record.sort[key]);
              if (x !== y) { return sort[key] === "asc" ? x - y : y - x; }
            }
            return b.rank - a.rank || (a.record.url < b.record.url ? -1 : 1);
          });
          var counts = {};
          matched.forEach(function (r) {
            Object.keys(r.filters).forEach(function (key) {
              counts[key] = counts[key] || {};
              r.filters[key].forEach(function (v) { counts[key][v] = (counts[key][v] || 0) + 1; });
            });
          });
          return Promise.resolve({
            total: scored.length,
            counts: counts,
            load: function (start, end) {
              return Promise.resolve(scored.slice(start, end).map(function (s) {
                var r = s.record;
                return { url: new URL(r.url, root).href, title: r.title, meta: r.meta, excerpt: excerptOf(r.text, terms) };
              }));
            }
          });
        }
      };
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function excerptOf(text, terms) {
    var lower = text.toLowerCase();
    var at = terms.length ? lower.indexOf(terms[0]) : 0;
    var start = Math.max(0, at - 40);
    var piece = text.slice(start, start + 120).replace(/\s+/g, " ");
    var html = escapeHtml(piece);
    terms.forEach(function (t) {
      var safe = escapeHtml(t).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      html = html.replace(new RegExp(safe, "gi"), function (m) { return "<mark>" + m + "</mark>"; });
    });
    return (start > 0 ? "…" : "") + html + (start + 120 < text.length ? "…" : "");
  }

  function chooseEngine() {
    if (window.location.protocol === "file:") { return fallbackEngine(); }
    return pagefindEngine().catch(function () { return fallbackEngine(); });
  }

  // --- state in the URL -----------------------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FILTER_KEYS.forEach(function (key) { filters[key] = params.getAll(key); });
    return { q: params.get("q") || "", filters: filters, sort: params.get("sort") || "" };
  }

  function writeState(state, replace) {
    var params = new URLSearchParams();
    if (state.q) { params.set("q", state.q); }
    FILTER_KEYS.forEach(function (key) { state.filters[key].forEach(function (v) { params.append(key, v); }); });
    if (state.sort) { params.set("sort", state.sort); }
    var url = window.location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (url !== window.location.pathname + window.location.search) {
      (replace ? history.replaceState : history.pushState).call(history, null, "", url);
    }
  }

  function formState() {
    var filters = {};
    FILTER_KEYS.forEach(function (key) {
      filters[key] = Array.prototype.map.call(
        form.querySelectorAll('input[type="checkbox"][name="' + key + '"]:checked'), function (el) { return el.value; });
    });
    return { q: input.value.trim(), filters: filters, sort: sortSelect.value };
  }

  // --- rendering ------------------------------------------------------------------------------

  function safeExcerpt(html) {
    // Excerpts carry <mark> around matches; everything else is shown as text.
    var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function renderFilters(state, counts) {
    FILTER_KEYS.forEach(function (key) {
      var fieldset = form.querySelector('fieldset[data-filter="' + key + '"]');
      var box = fieldset.querySelector(".filter-values");
      var values = Object.keys(counts[key] || {});
      state.filters[key].forEach(function (v) { if (values.indexOf(v) < 0) { values.push(v); } });
      values.sort(function (a, b) { return key === "year" ? (a < b ? 1 : -1) : (a < b ? -1 : 1); });
      box.textContent = "";
      values.forEach(function (value) {
        var label = document.createElement("label");
        var box2 = document.createElement("input");
        box2.type = "checkbox";
        box2.name = key;
        box2.value = value;
        box2.checked = state.filters[key].indexOf(value) >= 0;
        label.appendChild(box2);
        label.appendChild(document.createTextNode(" " + value + " "));
        var count = document.createElement("span");
        count.className = "count";
        count.textContent = "(" + ((counts[key] || {})[value] || 0) + ")";
        label.appendChild(count);
        box.appendChild(label);
      });
      fieldset.hidden = values.length === 0;
    });
  }

  function resultItem(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = pageHref(r.url);
    a.className = "result-title";
    a.textContent = r.title;
    li.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = [r.meta.type, r.meta.department, r.meta.year ? r.meta.year + "年度" : "", r.meta.kind]
      .filter(Boolean).join(" · ");
    li.appendChild(meta);
    if (r.excerpt) {
      var p = document.createElement("p");
      p.className = "result-excerpt";
      p.appendChild(safeExcerpt(r.excerpt));
      li.appendChild(p);
    }
    return li;
  }

  function showMore() {
    var start = shown;
    var id = runId;
    return current.load(start, start + PAGE).then(function (items) {
      if (id !== runId) { return; }
      items.forEach(function (r) { list.appendChild(resultItem(r)); });
      shown = start + items.length;
      more.hidden = shown >= current.total;
    });
  }

  function run(state) {
    input.value = state.q;
    sortSelect.value = state.sort;
    var id = ++runId;
    var anyFilter = FILTER_KEYS.some(function (k) { return state.filters[k].length; });
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    if (!state.q && !anyFilter) {
      status.textContent = "请输入要搜索的词语。";
      renderFilters(state, {});
      return Promise.resolve();
    }
    status.textContent = "正在搜索……";
    var sort = null;
    if (state.sort) {
      var parts = state.sort.split(":");
      sort = {};
      sort[parts[0]] = parts[1];
    }
    return engine.search(state.q, state.filters, sort).then(function (found) {
      if (id !== runId) { return; }
      current = found;
      renderFilters(state, found.counts);
      if (!found.total) {
        status.textContent = state.q ? "没有找到包含“" + state.q + "”的内容。请换个词语，或减少筛选条件。"
                                     : "没有符合筛选条件的内容。";
        list.classList.add("empty");
        return;
      }
      list.classList.remove("empty");
      status.textContent = "找到 " + found.total + " 条结果" + (state.q ? "（“" + state.q + "”）" : "") + "。";
      return showMore();
    });
  }

  // --- events ---------------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var state = formState();
    writeState(state, false);
    run(state);
  });
  form.addEventListener("change", function (event) {
    if (event.target === input) { return; }
    var state = formState();
    writeState(state, false);
    run(state);
  });
  more.addEventListener("click", function () { showMore(); });
  window.addEventListener("popstate", function () { run(readState()); });

  // Arrow keys move between the box and the results.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a.result-title"));
    if (!links.length) { return; }
    var index = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown") {
      links[0].focus();
    } else if (index >= 0) {
      var next = event.key === "ArrowDown" ? index + 1 : index - 1;
      if (next < 0) { input.focus(); } else if (next < links.length) { links[next].focus(); }
    } else {
      return;
    }
    event.preventDefault();
  });

  // On a phone the filters start folded, so the results come first into view.
  if (window.matchMedia && window.matchMedia("(max-width: 720px)").matches) {
    document.getElementById("search-filters").open = false;
  }

  status.textContent = "正在加载搜索索引……";
  chooseEngine().then(function (chosen) {
    engine = chosen;
    document.documentElement.setAttribute("data-search-engine", engine.name);
    return run(readState());
  }).catch(function () {
    status.textContent = "搜索索引未能加载。可以按地区或年度浏览全部报告。";
  });
})();
