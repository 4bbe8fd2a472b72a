// Sorting, filtering and search of the rows table; marks the page ready.
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  var search = document.getElementById("search");
  var county = document.getElementById("county");
  var group = document.getElementById("group");
  var shown = document.getElementById("shown");
  if (!table) { document.body.setAttribute("data-ready", "1"); return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);

  function filter() {
    var q = search.value.trim().toLowerCase();
    var c = county.value, g = group.value, n = 0;
    rows.forEach(function (tr) {
      var ok = (!q || tr.getAttribute("data-search").indexOf(q) !== -1) &&
        (!c || tr.getAttribute("data-county") === c) &&
        (!g || tr.getAttribute("data-group") === g);
      tr.classList.toggle("hidden", !ok);
      if (ok) { n += 1; }
    });
    shown.textContent = n + " shown";
  }

  function value(tr, i) {
    var text = tr.cells[i].textContent.trim();
    var number = parseFloat(text);
    return isNaN(number) || !/^-?[0-9.]+$/.test(text) ? text.toLowerCase() : number;
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = value(a, i), y = value(b, i);
        var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
        return ascending ? order : -order;
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
    });
  });
  search.addEventListener("input", filter);
  county.addEventListener("change", filter);
  group.addEventListener("change", filter);
  document.body.setAttribute("data-ready", "1");
})();
