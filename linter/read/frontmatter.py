"""The YAML front matter opening a text file, and the `DocumentMeta` fields it sets.

A bad value is reported, never raised: it becomes a `LoadProblem` at its line
of the file, and the other keys still count. `LoadProblem` is defined here, the
lowest layer that reports problems, and is part of `linter.read.loading`'s API. Its
text is in `linter/data/engine_messages.yaml`, in both languages.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from linter import diagnostics
from linter.models import Frozen, Provenance, Reason

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])")
# Day first, as Vietnamese writes it, with any one separator: 14/12/2023, 14-12-2023, 14.12.2023.
_DMY_DATE = re.compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_OPENING_FENCE = re.compile(r"---[ \t]*\r?(?:\n|\Z)")
_CLOSING_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
# Front matter is a handful of 'key: value' lines. The caps keep a hostile block from
# costing memory or stack: YAML aliases can expand a few lines into gigabytes (the
# "billion laughs"), and PyYAML composes nested collections recursively.
MAX_BYTES = 64_000
MAX_DEPTH = 20


class LoadProblem(Frozen):
    reason: Reason  # says what was expected and what was found
    line: int = 1  # 1-based location in the original file, when known
    column: int = 1

    @property
    def message(self) -> str:
        """In English; a finding shows it in the run's language."""
        return diagnostics.render(self.reason, "en")


def problem(
    name: str,  # the message's id in the messages file
    line: int = 1,
    column: int = 1,
    words: dict[str, str] | None = None,
    **params: str | int,
) -> LoadProblem:
    return LoadProblem(reason=diagnostics.reason(name, words, **params), line=line, column=column)


def parse(original: str) -> tuple[dict[str, object], int, dict[str, object], list[LoadProblem]]:
    """The YAML block opening the file: (mapping, body start, meta fields, problems)."""
    opening = _OPENING_FENCE.match(original)
    if not opening:
        return {}, 0, {}, []
    closing = _CLOSING_FENCE.search(original, opening.end())
    if not closing:
        return {}, 0, {}, [problem("fm-no-closing")]
    block = original[opening.end() : closing.start()]
    body_start = min(closing.end() + 1, len(original))
    if len(block) > MAX_BYTES:
        return {}, body_start, {}, [problem("fm-too-big", 2, size=len(block), limit=MAX_BYTES)]
    try:
        data = _load(block)
    except _Refused as exc:
        line, column = exc.problem_mark.line + 2, exc.problem_mark.column + 1
        return {}, body_start, {}, [problem(exc.name, line, column, row=line, **exc.params)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = getattr(exc, "problem", None) or str(exc)
        return {}, body_start, {}, [problem("fm-yaml", line, column, row=line, error=str(reason))]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        if isinstance(data, list):
            return {}, body_start, {}, [problem("fm-list", 2)]
        return {}, body_start, {}, [problem("fm-not-mapping", 2, found=repr(data)[:60])]
    mapping = {str(key): value for key, value in data.items()}
    fields, problems = _meta_fields(mapping, block)
    return mapping, body_start, fields, problems


def _load(block: str) -> object:
    """The YAML block's value: by libyaml when the block is flat 'key: scalar' lines
    (nearly every front matter; a fifth of reading a file by PyYAML's pure-Python
    parser), else by `_YamlLoader`, which refuses aliases and deep nesting and says
    where. Both construct values with PyYAML's SafeConstructor and `_timestamp`, so a
    flat block reads the same by either; a flat block libyaml rejects is read again
    by `_YamlLoader`, whose error messages are the ones reported."""
    if _FAST is not None and _FLAT.fullmatch(block):
        try:
            return yaml.load(block, Loader=_FAST)  # a CSafeLoader subclass: safe
        except yaml.YAMLError:
            pass
    return yaml.load(block, Loader=_YamlLoader)  # a SafeLoader subclass: safe


class _Refused(yaml.composer.ComposerError):
    """What the loader refuses on purpose, said in the run's language (PyYAML's own
    errors are passed on in its words)."""

    def __init__(self, name: str, mark: yaml.Mark, **params: int) -> None:
        super().__init__(None, None, name, mark)
        self.name = name
        self.params = params


class _YamlLoader(yaml.SafeLoader):
    """`yaml.safe_load`, except that an impossible date such as 2023-02-30 stays a string,
    and that aliases and deep nesting are refused.

    PyYAML raises a bare ValueError on such a date, which would lose the whole block
    instead of letting the one bad key be reported. Aliases (`*name`) are refused
    outright rather than counted: metadata never needs them, and one alias to a
    nested anchor is enough to multiply the size of what is built.
    """

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused("fm-alias", event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()
                raise _Refused("fm-too-deep", event.start_mark, depth=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

# Flat front matter: lines of a plain key, a colon and a one-line value that opens no
# collection, anchor, alias, tag or block scalar; blank lines and comments. Nothing
# in it can nest or alias, so `_YamlLoader`'s refusals have nothing to refuse.
# Characters the two parsers might read differently (tabs and other controls, YAML
# 1.1's other line breaks, a byte-order mark) send the block to `_YamlLoader` too:
# PyYAML refuses 'key: <tab>', libyaml reads it as an empty value.
_ODD = "\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff\\ufeff\\ufffe\\uffff"
_LINE = rf"[A-Za-z_][\w-]*:(?: +[^\s\[{{&*!|>#{_ODD}-][^{_ODD}]*)?"
_FLAT = re.compile(rf"(?:(?: *(?:#[^{_ODD}]*)?|{_LINE} *)(?:\r?\n|\Z))*")
_FAST: type[yaml.SafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """libyaml's parser, PyYAML's safe constructor, `_timestamp` for dates."""

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _FAST = _FastLoader


# The keys `_meta_fields` reads, by field name; any other is the file's own.
_DATE_KEYS = ("date", "published")  # the first given is the date
_NAME_KEYS = ("province", "district", "issuer")
_FIELD_KEYS = ("title", *_DATE_KEYS, *_NAME_KEYS, "plan_year")


def _meta_fields(
    mapping: dict[str, object], block: str
) -> tuple[dict[str, object], list[LoadProblem]]:
    """`DocumentMeta` fields from front matter keys, and a problem for each bad value."""
    fields: dict[str, object] = {}
    problems: list[LoadProblem] = []
    mapping, written = _by_field_name(mapping)

    def bad(key: str, what: str) -> None:
        found = re.search(rf"^{re.escape(written[key])}[ \t]*:", block, re.MULTILINE)
        line = block.count("\n", 0, found.start()) + 2 if found else 1
        problems.append(value_problem(what, mapping[key], line, key=repr(written[key])))

    if mapping.get("title") is not None:
        fields["title"] = str(mapping["title"]).strip()
    for key in _DATE_KEYS:
        if mapping.get(key) is None:
            continue
        date = parse_date(mapping[key])
        if date is None:
            bad(key, "bad-date")
        elif "date" not in fields:
            fields.update(date=date, date_source=Provenance.FRONT_MATTER)
    for key in _NAME_KEYS:
        value = mapping.get(key)
        if isinstance(value, str) and value.strip():
            fields.update({key: value.strip(), f"{key}_source": Provenance.FRONT_MATTER})
        elif value is not None:
            bad(key, "bad-name")
    value = mapping.get("plan_year")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        fields.update(plan_year=value, plan_year_source=Provenance.FRONT_MATTER)
    elif value is not None:
        bad("plan_year", "bad-year")
    return fields, problems


def _by_field_name(mapping: dict[str, object]) -> tuple[dict[str, object], dict[str, str]]:
    """The values of the metadata keys by field name, however they are written ('Date',
    'PROVINCE', 'plan-year' as the configuration spells it), and each key as written.
    Any other key is the file's own (a corpus's 'source', 'topic'...) and ignored. A
    key written exactly wins over another spelling of it."""
    values: dict[str, object] = {}
    written: dict[str, str] = {}
    for key in sorted(mapping, key=lambda k: k not in _FIELD_KEYS):  # exact ones first
        name = key.strip().lower().replace("-", "_")
        if name in _FIELD_KEYS and name not in values:
            values[name], written[name] = mapping[key], key
    return values, written


def value_problem(
    name: str, value: object, line: int, column: int = 1, **params: str
) -> LoadProblem:
    """The problem of a bad metadata value, from front matter or an HTML <meta> tag."""
    found = repr(value) if isinstance(value, str) else str(value)
    return problem(name, line, column, found=found, **params)


def parse_date(value: object) -> dt.date | None:
    """A date from YAML or text: 2023-12-14, 14/12/2023 (or 14-12-2023, 14.12.2023), or
    2023-12 for the month's first day.

    Trailing notes are allowed, as in the corpus's `2017-02-06/07 (event 6/2/2017)`.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    if match := _ISO_DATE.match(value):
        year, month, day = match[1], match[2], match[3] or "1"
    elif match := _DMY_DATE.match(value):
        day, _, month, year = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
