"""What the editor's page of `doichieu serve` shows, besides the findings' JSON.

The page is `reports/templates/serve.html`, rendered with the report's Jinja
environment (autoescaping everywhere, undefined names fail, control characters
escaped). It holds no inline script or style: `serve.js` and `serve.css` are
served from the same folder, and the policy (see `serve_guard`) allows only
those. Its words, in both languages, are `linter/data/serve_page.yaml`; the
script gets them as a JSON data block, which is never executed.

`excerpts` gives each piece of evidence its published sentence with the quote
marked (`reports.highlight`, as the HTML report shows it), so the page never
needs the published documents' text.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

import reports
from linter.data import load
from linter.models import Document, Evidence, RunResult
from linter.read.readers import load_readers
from reports.common import vi_sort_key
from reports.highlight import quote_segments
from reports.html import environment

TEMPLATES = Path(reports.__file__).parent / "templates"


class _Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    vi: str
    en: str


@cache
def strings() -> dict[str, _Text]:
    return load("serve_page.yaml", dict[str, _Text])


def _names(values: Sequence[str | None]) -> list[str]:
    return sorted({v for v in values if v}, key=vi_sort_key)


def render_page(lang: str, documents: Sequence[Document], unreadable: int) -> str:
    """The page in `lang`, with the corpus's provinces, districts and issuers offered
    as corrections (a draft is compared only with documents of its province)."""
    words = strings()
    both = {code: {k: getattr(v, code) for k, v in words.items()} for code in ("vi", "en")}
    # The JSON sits in <script type="application/json">, raw text to the HTML parser:
    # with no "<" at all, nothing in it can end the element or open a comment.
    t = both[lang]
    data = json.dumps(both, ensure_ascii=False).replace("<", "\\u003c")
    return (
        environment()
        .get_template("serve.html")
        .render(
            lang=lang,
            t=t,
            strings=Markup(data),  # our own words as JSON, never document text
            count=len(documents),
            count_text=t["corpus"].replace("{n}", _number(len(documents), lang)),
            unreadable=unreadable,
            unreadable_text=t["corpus_unreadable"].replace("{n}", _number(unreadable, lang)),
            provinces=_names([d.meta.province for d in documents]),
            districts=_names([d.meta.district for d in documents]),
            issuers=_names([d.meta.issuer for d in documents]),
            accept=",".join(load_readers().suffixes),
        )
    )


def _number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "," if lang == "en" else ".")  # 5.000 in Vietnamese


def excerpts(result: RunResult) -> list[list[dict[str, object] | None]]:
    """For each finding, for each of its evidence: the sentence it was taken from,
    as [text, marked] pieces, with the document's issuer; None for a path that is
    not a document read (an engine finding)."""
    docs = {d.path: d for d in result.documents}
    out: list[list[dict[str, object] | None]] = []
    for finding in result.findings:
        row: list[dict[str, object] | None] = []
        for ev in finding.evidence:
            doc = docs.get(ev.path)
            if doc is None:
                row.append(None)
                continue
            pieces = [[text, mark] for text, mark in _marked(doc, ev)]
            row.append({"segments": pieces, "issuer": doc.meta.issuer, "title": doc.meta.title})
        out.append(row)
    return out


Pieces = tuple[tuple[str, bool], ...]
# A published document's marked sentences, kept from one check to the next: in an
# archive of one province a draft's findings cite hundreds of documents (2,000
# pieces of evidence, 37 ms of each check to mark again). Kept for as long as the
# document object lives, by its identity: an edited file (a new object) is marked
# afresh, and a deleted or replaced one takes its entry with it when the warm
# corpus lets it go, so the cache never outgrows the documents being served.
_MARKED: dict[int, dict[tuple[object, ...], Pieces]] = {}


def _marked(doc: Document, ev: Evidence) -> Pieces:
    """`quote_segments(doc, ev)` as (text, marked) pairs, from the cache when there."""
    held = _MARKED.get(id(doc))
    if held is None:
        held = _MARKED[id(doc)] = {}
        # Removed when the document is collected, before its id can be reused.
        weakref.finalize(doc, _MARKED.pop, id(doc), None)
    key = (ev.line, ev.column, ev.end_line, ev.end_column, ev.quote)
    pieces = held.get(key)
    if pieces is None:
        pieces = held[key] = tuple((s.text, s.mark) for s in quote_segments(doc, ev))
    return pieces
