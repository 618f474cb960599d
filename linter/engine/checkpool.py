"""Running the checks on the province groups that need it, in worker processes when
there is enough to do.

Groups are independent (checks never look across provinces), so with `--jobs`
above 1 and enough documents to check, the groups are checked by a pool of
processes, largest first, and their findings come back in the order of the
groups: the output does not depend on the number of workers. The workers are
forked after the groups are set aside (`_SHARED`), so they receive only a
group's number, never its documents: pickling the documents and claims of a
whole archive to send them cost most of what two processes saved. Where
processes are not forked (Windows, macOS) the groups are checked in one
process. A group's cached claims (`Deferred`) are validated, its packed
documents and claims (`Packed`) unpacked, and its summaries read whole, in the
worker that checks it. One crashing check is an EN01 finding for that check and
province, as in one process. The garbage collector waits while the groups are
checked (`_collector_paused`).
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from linter.checking import Check, DocumentClaims, Group, Option
from linter.diagnostics import engine_finding
from linter.engine.held import whole_items
from linter.models import Finding

# Below this many documents to check, starting processes and sending them the
# documents costs more than it saves.
PARALLEL_DOCUMENTS = 400

Settings = Mapping[str, Mapping[str, Option]]
# A group's findings, and whether its documents were all whole (`held.whole_items`):
# findings of a group checked with a summary in it are not to be cached.
Checked = tuple[list[Finding], bool]


def check_groups(
    groups: Sequence[Group],
    checks: Sequence[type[Check]],
    settings: Settings,
    jobs: int,
    freeze: bool = False,
) -> list[Checked]:
    """The findings of every check on each of `groups`, in the order of `groups`.
    `freeze` when the process ends with this run (`Options.freeze`: the command
    line's, never a library's nor a server's): what the check phase leaves alive is
    then frozen after it (`_collector_paused`). A forked worker always freezes."""
    global _SHARED
    size = sum(len(g.items) for g in groups)
    if jobs <= 1 or len(groups) < 2 or size < PARALLEL_DOCUMENTS or not _forks():
        with _collector_paused(freeze=freeze):
            return [check_group(g, checks, settings) for g in groups]
    import multiprocessing  # here, as in `_forks`
    from concurrent.futures import ProcessPoolExecutor

    order = sorted(range(len(groups)), key=lambda n: -len(groups[n].items))  # largest first
    _SHARED = (groups, tuple(checks), settings)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            results = dict(zip(order, pool.map(_check_shared, order), strict=True))
    finally:
        _SHARED = None
    return [results[n] for n in range(len(groups))]


_SHARED: tuple[Sequence[Group], Sequence[type[Check]], Settings] | None = None


def _forks() -> bool:
    """Whether workers start by fork, the only way they share the groups. Asked last,
    and multiprocessing imported here: a run checked in one process (a draft's) never
    needs it, nor concurrent.futures (9 ms)."""
    import multiprocessing

    return multiprocessing.get_start_method() == "fork"


def _check_shared(n: int) -> Checked:
    """In a forked worker: check group `n` of the groups set aside before the fork."""
    if _SHARED is None:
        raise RuntimeError("a worker forked before the groups were set aside")
    groups, checks, settings = _SHARED
    # A worker ends with the pool, after its last group: what each group leaves
    # alive (the caches) is frozen after it, as a process that ends with its run.
    with _collector_paused(freeze=True):
        return check_group(groups[n], checks, settings)


def check_group(group: Group, checks: Sequence[type[Check]], settings: Settings) -> Checked:
    """Every check on one group, its documents made whole first: packed ones unpacked,
    summaries and cached claims read together (only this group's are alive at once)."""
    pairs, complete = whole_items([(i.document, i.claims) for i in group.items])
    items = tuple(DocumentClaims(document, claims) for document, claims in pairs)
    ready = replace(group, items=items)
    return [f for check in checks for f in _run_check(check, ready, settings[check.code])], complete


@contextmanager
def _collector_paused(freeze: bool) -> Iterator[None]:
    """No automatic collection while the groups are checked: what the checks leave
    alive is their caches (word pairs, subjects, features), none of it garbage, which
    the collector scanned again and again all the same. Paused, their cyclic garbage,
    if any, waits for the next collection after the phase: memory grows by at most
    the phase's, never with repeated runs. Only an enabled collector is paused, and
    enabled again after: a caller that turned it off keeps it off; the thresholds are
    left as they are. With `freeze`, in a process that ends with its run (the command
    line's, and a pool's worker after each group), the survivors are frozen, so that
    no later collection scans them; frozen with them is the phase's cyclic garbage,
    never collected then (a young collection before the freeze would free it, but
    it scans all the phase allocated, which costs more than pausing saved), for
    memory the operating system takes back when the process ends. A server
    (`doichieu serve`) never freezes here: it checks again and again, each time
    with new objects, and a frozen object is never collected."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()


def _run_check(check: type[Check], group: Group, settings: Mapping[str, Option]) -> list[Finding]:
    try:
        return list(check(settings).run(group))
    except Exception as exc:  # a broken check is reported, never fatal
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = group.items[0].document.path if group.items else "<corpus>"
        place = f"{Path(frame.filename).name}:{frame.lineno}"
        english = (
            f"check {check.code} ({check.name}) crashed on province {group.province or '?'}: "
            f"{exc!r} at {place}"
        )
        message = (
            english
            if group.lang == "en"
            else (
                f"kiểm tra {check.code} ({check.name}) bị lỗi ở tỉnh {group.province or '?'}: "
                f"{exc!r} tại {place}"
            )
        )
        return [engine_finding("EN01", message, where, key=f"{where}|{english}")]
