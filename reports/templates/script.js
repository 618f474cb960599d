// Filters for the finding cards. No dependencies and no innerHTML: it only toggles
// `hidden` and sets textContent, so 1,000 cards stay responsive and document text
// is never re-parsed as markup.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("filters");
  var selects = ["f-severity", "f-code", "f-province", "f-document"].map($);
  var search = $("f-search"), shown = $("f-shown"), printed = $("f-print");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  // Accent- and case-insensitive: people type "ngan sach" for "ngân sách".
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };
  // Read once: the card text and data-* never change, only the choices do.
  var rows = cards.map(function (c) {
    var d = c.dataset;
    return { text: fold(c.textContent), values: [d.severity, d.code, d.group], docs: (d.docs || "").split(" ") };
  });
  // What a printout says instead of the (hidden) form: the count and the active choices.
  var describe = function () {
    var parts = [shown.parentNode.textContent.replace(/\s+/g, " ").trim()];
    selects.concat([search]).forEach(function (field) {
      if (!field || !field.value) { return; }
      var label = field.parentNode.firstChild.textContent.trim();
      var value = field.tagName === "SELECT" ? field.options[field.selectedIndex].text : "“" + field.value + "”";
      parts.push(label + ": " + value);
    });
    return parts.join(" · ");
  };
  var apply = function () {
    var want = selects.map(function (s) { return s ? s.value : ""; });
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var count = 0, visible = {};
    cards.forEach(function (card, i) {
      var r = rows[i];
      var ok = (!want[0] || r.values[0] === want[0]) && (!want[1] || r.values[1] === want[1]) &&
        (!want[2] || r.values[2] === want[2]) && (!want[3] || r.docs.indexOf(want[3]) !== -1) &&
        words.every(function (w) { return r.text.indexOf(w) !== -1; });
      card.hidden = !ok;
      if (ok) { count += 1; visible[r.values[2]] = true; }
    });
    groups.forEach(function (g) { g.hidden = !visible[g.dataset.group]; });
    shown.textContent = String(count);
    if (printed) { printed.textContent = describe(); }
  };
  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    // The reset event fires before the fields are cleared.
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();  // a reload may restore earlier choices into the fields
  }
  document.body.dataset.ready = "1";
})();
