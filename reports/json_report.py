"""Machine-readable report: findings with structured evidence, and the documents read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import c_make_encoder, encode_basestring  # C, whenever _json is built

from linter import __version__
from linter.models import Claim, Document, RunResult
from reports.base import Rendered, RenderOptions

SCHEMA_VERSION = 1


def _document(doc: Document) -> dict[str, object]:
    meta = doc.meta.model_dump(mode="json")
    return {"path": doc.path, **meta}


def payload(result: RunResult, documents: Iterable[Document] | None = None) -> dict[str, object]:
    """The report as JSON values, listing `documents` (by default every document read).
    The editor's page of `doichieu serve` takes it as it is, with only the documents
    it shows, rather than parsing this report's text back: at each pause in typing."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "doichieu", "version": __version__},
        "settings": dict(sorted(result.settings.items())),
        # `reason` is how the message was made (already in the run's language): not output.
        "findings": [
            {**f.model_dump(mode="json", exclude={"reason"}), "fingerprint": f.fingerprint}
            for f in result.findings
        ],
        "documents": [_document(d) for d in (result.documents if documents is None else documents)],
        "unreadable": list(result.unreadable),
        "checks": [c.model_dump(mode="json") for c in result.checks],
    }


class _Unusual(Exception):
    """A value `_write` does not spell as the json module does: fall back to it."""


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _float(x: float) -> str:
    # json's own spelling (allow_nan): repr, and NaN / Infinity as JavaScript writes them.
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


def _key(key: object) -> str:
    if type(key) is str:
        return encode_basestring(key)
    if key is None or key is True or key is False:
        return f'"{_CONSTANTS[key]}"'
    if type(key) is int:
        return f'"{int.__repr__(key)}"'
    if type(key) is float:
        return f'"{_float(key)}"'
    raise _Unusual


_SCALARS = frozenset({str, int, float, bool, type(None)})
_flat_encoders: dict[str, object] = {}


def _flat(container: dict | list, newline: str) -> str | None:
    """A dict of str keys or a list, not empty, whose values are all scalars: json's
    C encoder writes it with ",<newline>  " between items, which is what the
    indentation makes of it at that depth (a document's metadata, a list of names).
    None for any other container."""
    if not container or (c_make_encoder is None):
        return None
    values = container.values() if type(container) is dict else container
    for item in values:
        if type(item) not in _SCALARS:
            return None
    if type(container) is dict and any(type(key) is not str for key in container):
        return None
    inner = newline + "  "
    encoder = _flat_encoders.get(inner)
    if (
        encoder is None
    ):  # (markers, default, encoder, indent, separators, sort_keys, skipkeys, allow_nan)
        encoder = c_make_encoder(
            None, None, encode_basestring, None, ": ", "," + inner, False, False, True
        )
        _flat_encoders[inner] = encoder
    text = "".join(encoder(container, 0))  # type: ignore[operator]
    return text[0] + inner + text[1:-1] + newline + text[-1]


def _write(value: object, newline: str, out: list[str]) -> None:
    """Append `value` as `json.dumps(value, ensure_ascii=False, indent=2)` spells it,
    `newline` being the line break and indentation of the line it starts on."""
    kind = type(value)
    if (kind is dict or kind is list) and (flat := _flat(value, newline)) is not None:  # type: ignore[arg-type]
        out.append(flat)
        return
    if kind is str:
        out.append(encode_basestring(value))  # type: ignore[arg-type]
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        opening = "{" + inner
        for key, item in value.items():  # type: ignore[attr-defined]
            out.append(opening)
            opening = "," + inner
            out.append(_key(key))
            out.append(": ")
            _write(item, inner, out)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        for item in value:  # type: ignore[attr-defined]
            out.append(opening)
            opening = "," + inner
            _write(item, inner, out)
        out.append(newline + "]")
    elif value is None or value is True or value is False:
        out.append(_CONSTANTS[value])  # type: ignore[index]
    elif kind is int:
        out.append(int.__repr__(value))  # type: ignore[arg-type]
    elif kind is float:
        out.append(_float(value))  # type: ignore[arg-type]
    else:  # a subclass, an enum, something json would call `default` on or refuse
        raise _Unusual


def dumps(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, in a third of the time.

    Below 3.13 json's indented output comes from its pure-Python encoder, a
    generator per container: a fifth of a warm run at 5,000 documents. This walk
    writes the same text with json's C parts (the string escaper, and the C
    encoder for a container of scalars); a value it does not know is
    handed to json itself, so the bytes never differ (tests/test_json_report.py
    compares them). orjson was not taken: it spells floats its own way (1e-07
    as 1e-7, 1e+16 as 1e16)."""
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def render_json(result: RunResult) -> str:
    return dumps(payload(result)) + "\n"


def claim_record(claim: Claim) -> dict[str, object]:
    """A claim as `doichieu claims --format json` prints it: span fields flattened."""
    data = claim.model_dump(mode="json", exclude={"span", "sentence"})
    span = claim.span
    record: dict[str, object] = {
        "kind": claim.kind,
        "path": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "quote": span.quote,
    }
    if claim.kind == "quantity":
        record["year"] = claim.year
    record.update({k: v for k, v in data.items() if k != "kind"})
    return record


def render_claims_json(claims: dict[str, tuple[Claim, ...]]) -> str:
    records = [claim_record(c) for path in sorted(claims) for c in claims[path]]
    return dumps({"schema_version": SCHEMA_VERSION, "claims": records}) + "\n"


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `json` output format: the same bytes whatever the language of the run."""
    return Rendered(text=render_json(result))
