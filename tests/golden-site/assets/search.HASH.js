// The search page: the query and filters live in the URL; results, counts and filters come
// from the site's static index (search-engine.js), the same whether the site is served or
// opened from disk.
(function () {
  "use strict";
  var self = document.currentScript;
  var root = new URL(self.getAttribute("data-root"), window.location.href);
  var FILTER_KEYS = ["type", "year", "province", "city", "county", "department", "kind", "grade"];
  var PAGE = 10;
  //: Filter values shown before "more": the rest stay one click away.
  var SHOWN_VALUES = 12;

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var sortSelect = document.getElementById("search-sort");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var engine = null;
  var current = null;
  var currentState = null;
  var shown = 0;
  var runId = 0;
  var expanded = {};
  var summary = function (total) { return "找到 " + total + " 条结果。"; };

  function pageHref(url) {
    // Opened from disk, a folder URL shows a file listing: point at its index.html.
    if (window.location.protocol === "file:" && /\/$/.test(url)) { return url + "index.html"; }
    return url;
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
      var tally = counts[key] || {};
      var values = Object.keys(tally);
      state.filters[key].forEach(function (v) { if (values.indexOf(v) < 0) { values.push(v); } });
      values.sort(function (a, b) {
        if (key === "year") { return a < b ? 1 : -1; }
        return ((tally[b] || 0) - (tally[a] || 0)) || (a < b ? -1 : 1);
      });
      // Long lists (departments, counties) show the values with most results first; the rest
      // stay one click away, and a chosen value is always shown.
      var hidden = 0;
      if (values.length > SHOWN_VALUES + 2 && !expanded[key]) {
        var kept = values.filter(function (v, i) { return i < SHOWN_VALUES || state.filters[key].indexOf(v) >= 0; });
        hidden = values.length - kept.length;
        values = kept;
      }
      box.textContent = "";
      values.forEach(function (value) {
        var label = document.createElement("label");
        var check = document.createElement("input");
        check.type = "checkbox";
        check.name = key;
        check.value = value;
        check.checked = state.filters[key].indexOf(value) >= 0;
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + value + " "));
        var count = document.createElement("span");
        count.className = "count";
        count.textContent = "(" + (tally[value] || 0) + ")";
        label.appendChild(count);
        box.appendChild(label);
      });
      if (hidden) {
        var all = document.createElement("button");
        all.type = "button";
        all.className = "filter-more";
        all.textContent = "另有 " + hidden + " 项，全部显示";
        all.addEventListener("click", function () {
          expanded[key] = true;
          renderFilters(state, counts);
          var first = box.querySelectorAll("input")[SHOWN_VALUES];
          if (first) { first.focus(); }
        });
        box.appendChild(all);
      }
      fieldset.hidden = values.length === 0;
    });
  }

  function resultItem(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = pageHref(new URL(r.url, root).href);
    a.className = "result-title";
    a.textContent = r.title;
    li.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = [r.meta.type, r.meta.department, r.meta.year ? r.meta.year + "年度" : "", r.meta.kind,
                        r.part === "原文" ? "匹配内容在报告原文中" : ""].filter(Boolean).join(" · ");
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
    var counts = current.counts;
    return current.load(start, start + PAGE).then(function (items) {
      if (id !== runId) { return; }
      // Showing results checks them against their text: one that only held a longer term's
      // grams apart is dropped, and the total and the filters' counts say so.
      if (current.counts !== counts) { renderFilters(currentState, current.counts); }
      if (!current.total) { return empty(currentState); }
      items.forEach(function (r) { list.appendChild(resultItem(r)); });
      shown = start + items.length;
      more.hidden = shown >= current.total;
      status.textContent = summary(current.total, current.exact);
    });
  }

  function empty(state) {
    status.textContent = state.q ? "没有找到包含“" + state.q + "”的内容。请换个词语，或减少筛选条件。"
                                 : "没有符合筛选条件的内容。";
    list.classList.add("empty");
  }

  function run(state) {
    input.value = state.q;
    sortSelect.value = state.sort;
    var id = ++runId;
    var anyFilter = FILTER_KEYS.some(function (k) { return state.filters[k].length; });
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    expanded = {};
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
      currentState = state;
      renderFilters(state, found.counts);
      if (!found.total) { return empty(state); }
      list.classList.remove("empty");
      summary = function (total, exact) {
        // Not yet every result checked against its text (a long phrase found in many
        // documents): the total is at most this.
        return "找到" + (exact === false ? "约 " : " ") + total + " 条结果" + (state.q ? "（“" + state.q + "”）" : "") + "。";
      };
      status.textContent = summary(found.total, found.exact);
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
  window.DisclosureSearch.open(root).then(function (chosen) {
    engine = chosen;
    document.documentElement.setAttribute("data-search-engine", engine.name);
    return run(readState());
  }).catch(function () {
    status.textContent = "搜索索引未能加载。可以按地区或年度浏览全部报告。";
  });
})();
