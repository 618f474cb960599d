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
from linter.engine.held import Claims, Deferred
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


def whole(group: Group, cache: Cache, keys: Mapping[str, str]) -> tuple[Group, bool]:
    """The group with its documents whole, and whether they all are: a cached
    document may have come as its summary, without its text (`Cache.get_many`),
    which a check reads. A summary whose whole document is gone from the cache or
    damaged is parsed again from its file; when even that fails (the file went
    away), the group is checked as it is but its findings must not be cached."""
    cut = {
        path: key
        for i in group.items
        if (key := keys.get(path := i.document.path)) in cache.summarised
    }
    if not cut:
        return group, True
    read = cache.documents(list(cut.values()))
    items: list[DocumentClaims] = []
    complete = True
    for item in group.items:
        key = cut.get(item.document.path)
        doc = None if key is None else read.get(key) or _parsed_again(item)
        complete = complete and (key is None or doc is not None)
        items.append(item if doc is None else DocumentClaims(doc, item.claims))
    return replace(group, items=tuple(items)), complete


def _parsed_again(item: DocumentClaims) -> Document | None:
    # A summary comes with its claims deferred (a run that reads summaries defers claims).
    claims = item.claims
    return claims.document() if isinstance(claims, Deferred) else None
