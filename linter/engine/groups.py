"""The province groups a run checks, and a cached group made whole again.

Checks compare documents of one province only, so the engine groups them: one
group per province, and a document whose province is unknown alone, with a DC03
finding saying its figures are compared with nobody's. A warm run reads cached
documents as summaries, without their texts (`Cache.get_many`); a group checked
again is given its documents whole (`whole`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from linter.checking import DocumentClaims, Group
from linter.data.lexicon import Lexicon
from linter.diagnostics import engine_finding
from linter.engine.cache import Cache
from linter.engine.parsing import Claims
from linter.models import Document, Finding

Prepared = tuple[Document, Claims]  # claims may be Deferred (cached, not yet validated)


def province_groups(
    documents: Sequence[Prepared],
    lexicon: Lexicon,
    lang: str,
    tolerance: float,
    findings: list[Finding],
) -> list[Group]:
    """One group per province; a document with no province is a group of its own."""
    by_province: dict[str, list[DocumentClaims]] = defaultdict(list)
    groups: list[Group] = []
    for doc, claims in sorted(documents, key=lambda pair: pair[0].path):
        item = DocumentClaims(doc, claims)  # type: ignore[arg-type]  # loaded before checking
        if doc.meta.province:
            by_province[doc.meta.province].append(item)
            continue
        english = (
            "no province found in front matter or text; "
            "its figures are not compared with other documents"
        )
        message = (
            english
            if lang == "en"
            else (
                "không tìm thấy tỉnh trong front matter hay trong văn bản; "
                "số liệu của văn bản không được so sánh với văn bản khác"
            )
        )
        # The fingerprint keeps the English message, as before: baselines stay valid.
        findings.append(engine_finding("DC03", message, doc.path, key=f"{doc.path}|{english}"))
        groups.append(Group(None, (item,), lexicon, lang, tolerance))
    groups.extend(
        Group(p, tuple(items), lexicon, lang, tolerance) for p, items in sorted(by_province.items())
    )
    return groups


def whole(group: Group, cache: Cache, keys: Mapping[str, str]) -> Group:
    """The group with its documents whole: a cached document may have come as its
    summary, without its text (`Cache.get_many`), which a check reads."""
    wanted = [keys[i.document.path] for i in group.items if _summary(i.document, keys)]
    if not wanted:
        return group
    read = cache.documents(wanted)
    items = tuple(
        DocumentClaims(read.get(keys[i.document.path], i.document), i.claims)
        if _summary(i.document, keys)
        else i
        for i in group.items
    )
    return replace(group, items=items)


def _summary(doc: Document, keys: Mapping[str, str]) -> bool:
    # A summary has no text; an empty document read whole again is the same document.
    return not doc.original and not doc.text and doc.path in keys
