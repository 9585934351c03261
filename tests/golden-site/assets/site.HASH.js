// Progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Opened from disk: directory links need an explicit index.html.
  if (window.location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (!/^[a-z]+:/i.test(href) && !href.startsWith("#")) {
        var parts = href.split("#");
        if (parts[0] === "" || parts[0].endsWith("/")) {
          parts[0] = parts[0] + "index.html";
          a.setAttribute("href", parts.join("#"));
        }
      }
    });
  }

  // 大字版: toggle and remember.
  var root = document.documentElement;
  document.querySelectorAll("[data-textsize]").forEach(function (button) {
    button.setAttribute("aria-pressed", root.classList.contains("large-text") ? "true" : "false");
    button.addEventListener("click", function () {
      var on = root.classList.toggle("large-text");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      try { window.localStorage.setItem("textsize", on ? "large" : "normal"); } catch (e) { /* ignore */ }
    });
  });

  // 显示原文数值: swap every figure between the site's unit and the report's own text.
  document.querySelectorAll("[data-toggle-stated]").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "显示统一单位" : "显示原文数值";
      // The site's unit written after a card's figure goes while the report's own text shows.
      document.documentElement.classList.toggle("stated-shown", on);
      // Each figure's title is "原文：" and the figure as the report states it.
      document.querySelectorAll('data[title^="原文："]').forEach(function (el) {
        if (!el.hasAttribute("data-shown")) { el.setAttribute("data-shown", el.textContent); }
        var text = el.getAttribute("title").slice(3);
        // A card has room for the first statement alone, without where it stands.
        if (el.closest(".card")) { text = text.split("；")[0].replace(/（[^（）]*）$/, ""); }
        el.textContent = on ? text : el.getAttribute("data-shown");
      });
    });
  });

  // A table wider than its frame: the frame is marked `overflows` (the stylesheet shows a
  // cue to scroll on a phone) and `scrolled` once moved (the held row names shade their edge).
  if (window.ResizeObserver) {
    var mark = function (wrap) {
      wrap.classList.toggle("overflows", wrap.scrollWidth > wrap.clientWidth + 1);
      wrap.classList.toggle("scrolled", wrap.scrollLeft > 0);
    };
    var watch = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { mark(entry.target.closest(".table-wrap")); });
    });
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      watch.observe(wrap);
      if (wrap.firstElementChild) { watch.observe(wrap.firstElementChild); }
      wrap.addEventListener("scroll", function () { mark(wrap); }, { passive: true });
    });
  }

  // Sortable comparison tables: header buttons, aria-sort, numeric or text order.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent.trim();
          var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          var cmp;
          if (x === "" && y === "") { cmp = 0; }
          else if (x === "") { return 1; }
          else if (y === "") { return -1; }
          else if (!isNaN(nx) && !isNaN(ny)) { cmp = nx - ny; }
          else { cmp = x.localeCompare(y, "zh-CN"); }
          return ascending ? cmp : -cmp;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
