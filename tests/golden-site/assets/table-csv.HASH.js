// 下载 CSV: each table's CSV made in the browser from the table itself, the same bytes the
// generator's reference writes (generator/data.py page_tables). Without this script the link
// downloads tables.csv, every table of the page in one file.
//
// What the page carries for it (templates/_macros.html):
//  - the link: data-csv-file, the file's name without .csv;
//  - a header cell: data-csv, its CSV column(s) when they are not its text: "label", or
//    "label,label=key,…" where each column after the first is one the page does not show,
//    taken from the row's data-<key> attribute (its depth-N class for "depth");
//  - a body cell: data-csv, its exact text when the cell shows something else (Markdown
//    rendered, a year added); otherwise a <data value> in it is its number, written as it is
//    (trailing zeros dropped), and else its text, without the notes, flags and badges beside it.
// Text is written as data.py's csv_text writes it: a cell a spreadsheet would run as a formula
// gets a ' in front (OWASP "CSV Injection"); numbers never do. UTF-8 with a BOM, CRLF lines.
(function () {
  "use strict";

  var SKIP = /(?:^|\s)(?:row-note|flag|badge)(?:\s|$)/;
  var FORMULA = /^'*[=+\-@\t\r]/;

  function plain(text) {
    // generator/format.py plain(): no trailing zeros after the point, never "-0".
    if (text.indexOf(".") >= 0) { text = text.replace(/0+$/, "").replace(/\.$/, ""); }
    return text === "-0" ? "0" : text;
  }

  // The value of a cell: {number: true, text} from its <data>, else its shown text.
  function value(cell) {
    if (cell.hasAttribute("data-csv")) { return {number: false, text: cell.getAttribute("data-csv")}; }
    var found = null;
    var text = "";
    (function walk(node) {
      for (var child = node.firstChild; child && !found; child = child.nextSibling) {
        if (child.nodeType === 3) { text += child.data; continue; }
        if (child.nodeType !== 1) { continue; }
        if (SKIP.test(child.className)) {
          // A badge follows the text it marks after one space the template writes.
          if (/(?:^|\s)badge(?:\s|$)/.test(child.className) && text.slice(-1) === " ") { text = text.slice(0, -1); }
          continue;
        }
        if (child.localName === "data") { found = child; return; }
        walk(child);
      }
    })(cell);
    if (found) { return {number: true, text: plain(found.getAttribute("value") || "")}; }
    return {number: false, text: text};
  }

  function field(v) {
    var text = v.text;
    if (!v.number && FORMULA.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function rowExtra(tr, key) {
    if (key === "depth") {
      var depth = /(?:^|\s)depth-(\d+)(?:\s|$)/.exec(tr.className);
      return depth ? depth[1] : "";
    }
    return tr.getAttribute("data-" + key) || "";
  }

  // The table's CSV text: the header row's columns, then each body row, rowspans filled in.
  function tableCsv(table) {
    var columns = [];  // per page column: [label, key of each extra column…]
    var header = [];
    var head = table.tHead && table.tHead.rows[0];
    Array.prototype.forEach.call(head ? head.cells : [], function (th) {
      var spec = th.hasAttribute("data-csv") ? th.getAttribute("data-csv").split(",") : [th.textContent];
      var keys = [];
      spec.forEach(function (part, i) {
        var eq = i ? part.indexOf("=") : -1;
        header.push({number: false, text: eq >= 0 ? part.slice(0, eq) : part});
        if (i) { keys.push(eq >= 0 ? part.slice(eq + 1) : ""); }
      });
      columns.push(keys);
    });
    var lines = [header.map(field).join(",")];
    var spanning = [];  // page column → {cell, rows left}
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (tr) {
        var cells = [];
        var own = Array.prototype.slice.call(tr.cells);
        for (var col = 0; col < columns.length; col++) {
          var span = spanning[col];
          if (span && span.left > 0) { span.left--; cells.push(span.cell); continue; }
          var cell = own.shift();
          if (!cell) { break; }
          if (cell.rowSpan > 1) { spanning[col] = {cell: cell, left: cell.rowSpan - 1}; }
          cells.push(cell);
        }
        var out = [];
        cells.forEach(function (cell, col) {
          out.push(value(cell));
          columns[col].forEach(function (key) { out.push({number: false, text: rowExtra(tr, key)}); });
        });
        lines.push(out.map(field).join(","));
      });
    });
    return lines.join("\r\n") + "\r\n";
  }

  // The link itself downloads the table: its href and file name are set for this click only
  // (a download started by a script from another link counts against the browser's limit on
  // downloads a page makes by itself; the reader's own click does not).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-csv-file]");
    var table = link && link.closest("table");
    if (!table || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey) { return; }
    var blob = new Blob(["\ufeff" + tableCsv(table)], {type: "text/csv;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var href = link.getAttribute("href");
    link.setAttribute("href", url);
    link.setAttribute("download", link.getAttribute("data-csv-file") + ".csv");
    window.setTimeout(function () {
      link.setAttribute("href", href);
      link.setAttribute("download", "");
    }, 0);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  });
})();
