// Filters the rows of a table by the selects of its form; every row shows without this file.
(function () {
  "use strict";
  document.querySelectorAll("form[data-filter-table]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-table"));
    var count = form.querySelector(".filter-count");
    function apply() {
      var wanted = {};
      form.querySelectorAll("select").forEach(function (s) { if (s.value) { wanted[s.name] = s.value; } });
      var shown = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var ok = Object.keys(wanted).every(function (key) { return row.getAttribute("data-" + key) === wanted[key]; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = "显示 " + shown + " 项"; }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    apply();
  });
})();
