// Filters for the finding cards. No dependencies and no innerHTML: it only toggles
// `hidden`, so 1,000 cards stay responsive and document text is never re-parsed.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("filters");
  var severity = $("f-severity"), code = $("f-code"), province = $("f-province");
  var search = $("f-search"), shown = $("f-shown");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  // Accent- and case-insensitive: people type "ngan sach" for "ngân sách".
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };
  var texts = cards.map(function (c) { return fold(c.textContent); });
  var apply = function () {
    var sev = severity.value, cod = code.value, prov = province.value;
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var count = 0, visible = {};
    cards.forEach(function (card, i) {
      var d = card.dataset;
      var ok = (!sev || d.severity === sev) && (!cod || d.code === cod) && (!prov || d.group === prov) &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      card.hidden = !ok;
      if (ok) { count += 1; visible[d.group] = true; }
    });
    groups.forEach(function (g) { g.hidden = !visible[g.dataset.group]; });
    shown.textContent = String(count);
  };
  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    // The reset event fires before the fields are cleared.
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
  }
  document.body.dataset.ready = "1";
})();
