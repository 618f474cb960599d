// The editor's page of `doichieu serve`: check the draft as it is edited, mark what
// contradicts the published documents, and show the published sentences beside it.
// Document text is hostile: it only ever reaches the page as textContent, never as
// markup, and the server's policy runs no script but this file.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const STRINGS = JSON.parse($("strings").textContent);
  const DEBOUNCE_MS = 400;
  const FIELDS = ["date", "province", "district", "issuer"];
  const state = { lang: document.documentElement.lang === "en" ? "en" : "vi", format: "md",
                  timer: 0, seq: 0, done: 0, controller: null, last: null };

  const t = (key, n) => STRINGS[state.lang][key].replace("{n}", n === undefined ? "" : n);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };
  const number = (n) => n.toLocaleString(state.lang === "en" ? "en-US" : "vi-VN");
  const dmy = (iso) => (iso ? iso.split("-").reverse().join("/") : t("unknown_date"));

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").classList.toggle("error", Boolean(isError));
  }

  function query(extra) {
    const params = new URLSearchParams({ lang: state.lang, ...extra });
    for (const name of FIELDS) {
      const value = $("m-" + name).value.trim();
      if (value) params.set(name, value);
    }
    return params.toString();
  }

  async function failure(response) {
    let detail = "";
    try { detail = (await response.json()).error || ""; } catch (e) { detail = ""; }
    const known = { 403: "error_403", 413: "error_413", 503: "error_503" }[response.status];
    return t(known || "error_other") + (detail ? " (" + detail + ")" : "");
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    clearTimeout(state.timer);
    const text = $("draft").value;
    const seq = ++state.seq;
    if (state.controller) state.controller.abort();
    if (!text.trim()) {
      state.last = null;
      state.format = "md";  // a file's text was cleared away: what is typed next is pasted
      render(null, "");
      return;
    }
    state.controller = new AbortController();
    setStatus(t("checking"));
    document.body.dataset.state = "checking";
    try {
      const response = await fetch("/api/check?" + query({ view: "page", format: state.format }), {
        method: "POST", body: text, signal: state.controller.signal,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
      if (seq !== state.seq) return;
      if (!response.ok) {
        setStatus(await failure(response), true);
        document.body.dataset.state = "error";
        return;
      }
      const answer = await response.json();
      if (seq !== state.seq) return;
      state.last = { answer, text };
      render(answer, text);
      document.body.dataset.done = String(++state.done);  // checks answered, for tests
    } catch (error) {
      if (error.name === "AbortError" || seq !== state.seq) return;
      setStatus(t("error_network"), true);
      document.body.dataset.state = "error";
    }
  }

  async function upload(file) {
    const suffix = (file.name.split(".").pop() || "").toLowerCase();
    setStatus(t("checking"));
    try {
      const response = await fetch("/api/text?format=" + encodeURIComponent(suffix), {
        method: "POST", body: await file.arrayBuffer(),
        headers: { "Content-Type": "application/octet-stream" },
      });
      if (!response.ok) { setStatus(await failure(response), true); return; }
      const read = await response.json();
      $("draft").value = read.text;
      state.format = read.format;
      check();
    } catch (error) {
      setStatus(t("error_network"), true);
    }
  }

  // Line and column (1-based, in code points of the text as sent) to an index into
  // `chars`, the text split into code points.
  function indexer(chars) {
    const starts = [0];
    chars.forEach((c, i) => { if (c === "\n") starts.push(i + 1); });
    return (line, column) => (starts[line - 1] === undefined ? -1 : starts[line - 1] + column - 1);
  }

  function renderMarked(findings, draftPath, text) {
    const box = $("marked");
    box.replaceChildren();
    const chars = Array.from(text);
    const at = indexer(chars);
    const marks = [];
    findings.forEach((f, i) => f.evidence.forEach((e, j) => {
      if (e.path !== draftPath) return;
      const start = at(e.line, e.column);
      const end = at(e.end_line, e.end_column);
      if (start >= 0 && end > start) marks.push({ start, end, i, j, severity: f.severity });
    }));
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    let pos = 0;
    for (const m of marks) {
      if (m.start < pos) continue;  // overlaps an earlier mark: its card still lists it
      box.append(chars.slice(pos, m.start).join(""));
      const link = el("a", "mark sev-" + m.severity, chars.slice(m.start, m.end).join(""));
      link.href = "#card-" + m.i;
      link.id = "mark-" + m.i + "-" + m.j;
      box.append(link);
      pos = m.end;
    }
    box.append(chars.slice(pos).join(""));
    box.hidden = $("marked-title").hidden = false;
  }

  function quote(segments, fallback) {
    const block = el("blockquote");
    if (!segments) { block.append(el("mark", "", fallback)); return block; }
    for (const [text, marked] of segments) block.append(marked ? el("mark", "", text) : text);
    return block;
  }

  function card(f, i, excerpts, draftPath) {
    const article = el("article", "card sev-" + f.severity);
    article.id = "card-" + i;
    article.tabIndex = -1;
    article.dataset.code = f.code;
    const head = el("header");
    head.append(el("span", "sev", t("sev_" + f.severity)), " ", el("code", "", f.code), " ",
                el("span", "name", f.name));
    article.append(head, el("p", "message", f.message));
    const dates = f.evidence.map((e) => e.document_date).filter(Boolean);
    const latest = new Set(dates).size > 1 ? dates.sort().at(-1) : null;
    f.evidence.forEach((e, j) => {
      const ours = e.path === draftPath;
      const piece = el("div", "ev " + (ours ? "draft" : "published"));
      const title = el("h4");
      title.append(el("span", "role", ours ? t("in_draft") : t("published")));
      if (!ours) title.append(" · ", el("span", "path", e.document_title || e.path));
      title.append(" · ", el("span", "date", dmy(e.document_date)));
      if (latest && e.document_date === latest) title.append(" ", el("span", "newer", t("newer")));
      piece.append(title);
      const excerpt = excerpts[j];
      if (!ours && excerpt && excerpt.issuer) piece.append(el("p", "issuer", excerpt.issuer));
      if (!ours && e.document_title) piece.append(el("p", "file", e.path));
      if (e.quote) piece.append(quote(excerpt ? excerpt.segments : null, e.quote));
      if (e.note) piece.append(el("p", "note", e.note));
      if (ours && document.getElementById("mark-" + i + "-" + j)) {
        const back = el("a", "back", t("show_in_draft"));
        back.href = "#mark-" + i + "-" + j;
        piece.append(back);
      }
      article.append(piece);
    });
    return article;
  }

  function renderMeta(doc) {
    for (const name of FIELDS) {
      const out = $("o-" + name);
      if (!doc) { out.textContent = ""; continue; }
      const given = $("m-" + name).value.trim() !== "";
      const source = doc[name + "_source"];
      const value = name === "date" ? (doc.date ? dmy(doc.date) : null) : doc[name];
      const how = given ? t("src_given") : t("src_" + (value ? source : "none"));
      out.textContent = value ? t("inferred") + ": " + value + " (" + how + ")" : how;
    }
  }

  function render(answer, text) {
    const cards = $("cards");
    cards.replaceChildren();
    if (!answer) {
      $("summary").textContent = t("empty");
      $("marked").hidden = $("marked-title").hidden = true;
      renderMeta(null);
      setStatus("");
      document.body.dataset.state = "idle";
      return;
    }
    const report = answer.report;
    const draft = report.documents.find((d) => d.path.startsWith("<draft>."));
    const draftPath = draft ? draft.path : null;
    renderMeta(draft);
    renderMarked(report.findings, draftPath, text);
    report.findings.forEach((f, i) => cards.append(card(f, i, answer.excerpts[i], draftPath)));
    const n = report.findings.length;
    $("summary").textContent = n ? t("found", number(n)) : t("none_found");
    setStatus("");
    document.body.dataset.state = "done";
  }

  function relabel() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    for (const node of document.querySelectorAll("[data-t-placeholder]")) {
      node.placeholder = t(node.dataset.tPlaceholder);
    }
    $("corpus-count").textContent = t("corpus", number(Number($("corpus-count").dataset.n)));
    const broken = $("corpus-unreadable");
    if (broken) broken.textContent = t("corpus_unreadable", number(Number(broken.dataset.n)));
    $("lang-switch").textContent = t("switch_lang");
    $("lang-switch").setAttribute("aria-label", t("switch_lang_label"));
    document.title = t("title");
  }

  $("lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "en" ? "vi" : "en";
    relabel();
    if (state.last) render(state.last.answer, state.last.text);  // at once, then in its words
    check();
  });
  $("draft").addEventListener("input", schedule);
  for (const name of FIELDS) $("m-" + name).addEventListener("change", check);
  $("file").addEventListener("change", (event) => {
    if (event.target.files.length) upload(event.target.files[0]);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    if (event.dataTransfer.files.length) upload(event.dataTransfer.files[0]);
  });
  relabel();
  document.body.dataset.state = "idle";
  document.body.dataset.ready = "1";
})();
