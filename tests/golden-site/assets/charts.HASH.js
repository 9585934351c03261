// Draws the page's charts with plotly.js, loaded from this site only when a chart is about to
// scroll into view. Each chart's figure sits in a <script type="application/json"> block; its
// data table stays in the page for screen readers and is shown on request.
(function () {
  "use strict";
  var self = document.currentScript;
  var plotlySrc = self && self.getAttribute("data-plotly");
  var loading = null;

  var ZH = {
    moduleType: "locale",
    name: "zh-CN",
    dictionary: {
      "Download plot as a png": "下载图片（PNG）",
      "Download plot as a PNG": "下载图片（PNG）",
      "Download plot": "下载图片",
      "Reset axes": "重置坐标轴",
      "Autoscale": "自动缩放",
      "Zoom in": "放大",
      "Zoom out": "缩小",
      "Taking snapshot - this may take a few seconds": "正在生成图片，请稍候",
      "Snapshot succeeded": "图片已生成",
      "Sorry, there was a problem downloading your snapshot!": "抱歉，生成图片时出错",
      "Click to enter Colorscale title": "",
      "Click to enter Plot title": "",
      "Double-click to zoom back out": "双击还原"
    },
    format: {
      days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
      shortDays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
      months: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
      shortMonths: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
      date: "%Y-%m-%d",
      decimal: ".",
      thousands: ","
    }
  };

  // What every chart shares (generator/charts.py THEME), once per page; a chart's layout
  // goes over it, objects merged key by key.
  var themeBlock = document.getElementById("chart-theme");
  var theme = themeBlock ? JSON.parse(themeBlock.textContent) : { layout: {}, config: {} };

  function merge(base, over) {
    var out = {};
    Object.keys(base).forEach(function (key) { out[key] = base[key]; });
    Object.keys(over).forEach(function (key) {
      var value = over[key];
      var isObject = value && typeof value === "object" && !Array.isArray(value);
      var under = out[key];
      out[key] = isObject && under && typeof under === "object" && !Array.isArray(under) ? merge(under, value) : value;
    });
    return out;
  }

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlySrc;
        script.onload = function () {
          window.Plotly.register(ZH);
          resolve(window.Plotly);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(el) {
    if (el.hasAttribute("data-drawing")) { return Promise.resolve(); }
    el.setAttribute("data-drawing", "");
    var spec = JSON.parse(document.getElementById(el.getAttribute("data-chart")).textContent);
    var layout = merge(theme.layout, spec.layout);
    // The plot's box holds the chart's height: a responsive chart is redrawn to its box's size
    // when the window changes (printing too), and without a height of its own the box is
    // its min-height while the drawing keeps its own, over what follows it.
    if (layout.height) { el.style.height = layout.height + "px"; }
    return loadPlotly().then(function (Plotly) {
      return Plotly.newPlot(el, spec.data, layout, theme.config);
    }).then(function () {
      el.classList.add("drawn");
      // The chart's picture is described by its label and table; its SVG is not read twice.
      el.querySelectorAll("svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
    });
  }

  var plots = Array.prototype.slice.call(document.querySelectorAll(".chart-plot[data-chart]"));
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "300px 0px" });
    plots.forEach(function (el) { observer.observe(el); });
  } else {
    plots.forEach(draw);
  }
  // Printing: draw every chart that has not scrolled into view yet.
  window.addEventListener("beforeprint", function () { plots.forEach(draw); });

  // Data tables: kept for screen readers, shown on request.
  document.querySelectorAll(".chart").forEach(function (figure) {
    var table = figure.querySelector(".chart-table");
    if (!table) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "chart-toggle";
    button.setAttribute("aria-controls", table.id);
    button.setAttribute("aria-expanded", "false");
    button.textContent = "显示数据表";
    table.classList.add("collapsed");
    button.addEventListener("click", function () {
      var open = table.classList.toggle("collapsed") === false;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "隐藏数据表" : "显示数据表";
    });
    figure.querySelector("figcaption").appendChild(button);
  });
})();
