"""The province groups a run checks.

Checks compare documents of one province only, so the engine groups them: one
group per province, and a document whose province is unknown alone, with a DC03
finding saying its figures are compared with nobody's. A warm run reads cached
documents as summaries, without their texts (`Cache.get_many`); the process that
checks a group reads them whole (`linter.engine.held.whole_items`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from linter.checking import DocumentClaims, Group
from linter.data.lexicon import Lexicon
from linter.diagnostics import engine_finding
from linter.engine.held import Claims
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
