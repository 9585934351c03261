// Applied before the page paints: the reader's text-size choice (适老化大字版).
(function () {
  try {
    if (window.localStorage.getItem("textsize") === "large") {
      document.documentElement.classList.add("large-text");
    }
  } catch (e) { /* storage unavailable: default size */ }
})();
