"""Which office an `OfficialRef` names: its unit, resolved with the document.

"Chủ tịch UBND tỉnh" with no name is the chair of the document's province;
"UBND TP" is the province's in a centrally-run city and a provincial city's
elsewhere; a unit below the province that the text does not name is the
document's own district or commune when its metadata says which, else a unit
of that document alone ("? path"), compared with nobody's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.claims.names import capitalised
from linter.data.places import name_key
from linter.metadata import gazetteer
from linter.models import Document, OfficialRef
from linter.nlp import fold

Unit = tuple[str, str]  # (level, name); a name "? path" is a document's own unknown unit


def unit_of(doc: Document, ref: OfficialRef) -> Unit:
    """The unit whose office it is: named in the text, else the document's own. An
    unnamed "tỉnh" in a sentence that names another province may be that one's."""
    meta = doc.meta
    own = f"? {doc.path}"
    if ref.level == "national":
        return ("national", "")
    if ref.place:
        found = gazetteer.province(ref.place) if ref.level in ("province", "city") else None
        return ("province", found.name) if found else (ref.level or "", name_key(ref.place))
    province = gazetteer.province(meta.province) if meta.province else None
    if ref.level in ("province", "city") and province and _elsewhere(doc, ref, province.name):
        return (ref.level, own)
    if ref.level == "province":
        return ("province", province.name if province else own)
    if ref.level == "city":
        if province and province.kind == "thành phố":
            return ("province", province.name)
        return ("district", meta.district or own)
    if ref.level == "district":
        return ("district", meta.district or own)
    return (ref.level or "", meta.commune or own)


_UNIT_WORD = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp)(?!\w)")


def _elsewhere(doc: Document, ref: OfficialRef, own: str) -> bool:
    """Whether the sentence names a province other than the document's ("tại tỉnh
    Phú Yên, Chủ tịch UBND tỉnh Hoàng Văn Trà ..." in a Bình Định report)."""
    return _names_another(doc.text[ref.sentence[0] : ref.sentence[1]], own)


@lru_cache(maxsize=65536)  # every run asks again of the same published sentences
def _names_another(text: str, own: str) -> bool:
    for m in _UNIT_WORD.finditer(fold(text)):
        words = [w for _, _, w in capitalised(text, m.end())]
        for k in range(1, min(len(words), 4) + 1):
            found = gazetteer.provinces_named(" ".join(words[:k]))
            if found and found[0].name != own:
                return True
    return False


def label_of(doc: Document, ref: OfficialRef) -> str:
    """The office as a reader writes it, with the province the document implies."""
    level, place = unit_of(doc, ref)
    if ref.place or level != "province" or place.startswith("?"):
        return ref.office
    return f"{ref.office} {place}"
