"""A bounded memo of what was computed from objects that must be the very same
objects when it is used again: what a served draft's run keeps of its published
reports from one check to the next (EV01's pairs, NU01/OF01's keys, the links).

An entry is keyed by the identities of the objects it was made from, plus what
else it depends on, and holds those objects weakly: a server lets an edited or
deleted file's document go, and an entry is used only while each object is the
very one it was made from, so an identity reused after an object is gone never
matches. Past `size` entries the least recently used goes first. Serve checks
drafts in threads, so every access holds the memo's lock.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

V = TypeVar("V")
_Refs = tuple["weakref.ref[object] | None", ...]


class IdentityMemo(Generic[V]):
    """Values (never None) by `key` and the identities of the `held` objects."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[object, ...], tuple[_Refs, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, held: Sequence[object | None]) -> V | None:
        at = (key, *map(id, held))
        with self._lock:
            entry = self._entries.get(at)
            if entry is None or not all(
                (ref() if ref else None) is obj for ref, obj in zip(entry[0], held, strict=True)
            ):
                return None
            self._entries.move_to_end(at)
            return entry[1]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def put(self, key: Hashable, held: Sequence[object | None], value: V) -> None:
        refs = tuple(None if obj is None else weakref.ref(obj) for obj in held)
        with self._lock:
            at = (key, *map(id, held))
            self._entries[at] = (refs, value)
            self._entries.move_to_end(at)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
