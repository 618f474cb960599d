"""Which cached entry each file of a listing is: by its metadata, else by its bytes.

In: the files of a run ((path, displayed path) pairs) and its open `Cache`. Out:
each file's entry key, and the province of that entry where the cache knows it
(`file_keys`); after the parse, the stats rows of the files that had to be read,
so that the next run need not read them (`remember_read`). A file is keyed by its
metadata (`keys.stat_keys`) when the cache has seen it with exactly that metadata,
and by its content otherwise (`keys.entry_key`), as ruff's cache does; see
`linter.engine.cache` for why a file modified in the last seconds is not remembered.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from linter.engine.cache import Cache
from linter.engine.config import Config
from linter.engine.keys import entry_key, stat_keys
from linter.read.loading import NotReadable, read_regular

__all__ = ["file_keys", "remember_read"]


def file_keys(
    cache: Cache,
    files: Sequence[tuple[Path | str, str]],
    config: Config,
    config_key: str,
    provinces: Collection[str | None] | None = None,
) -> tuple[dict[int, str], set[int], dict[int, bytes | None]]:
    """The entry key of each file that has one, by its index: from its metadata when the
    cache has seen it so, else from its bytes (none when it cannot be read: the loader
    says why), and then in `read` with its stat key, to remember once its province is
    known (None when its metadata cannot be trusted yet: RACY_NS, or no stat). With
    `provinces`, a file the cache knows to be of another province is `outside`, keyed
    by nothing: it is left out unread."""
    stats = stat_keys(files, config_key)
    known = cache.known([s[0] for s in stats if s is not None], provinces)
    found: dict[int, str] = {}
    outside: set[int] = set()
    read: dict[int, bytes | None] = {}
    for i, by_stat in enumerate(stats):
        if by_stat is not None and by_stat[0] in known:  # seen with this metadata
            key = known[by_stat[0]]
            if key is None:  # an entry of a province not asked for
                outside.add(i)
            else:
                found[i] = key
            continue
        path, display = files[i]
        try:
            content = read_regular(Path(path), config.max_file_size)  # not known: read
        except NotReadable:
            continue
        found[i] = entry_key(content, display, config_key)
        read[i] = by_stat[0] if by_stat is not None and by_stat[1] else None  # settled
    return found, outside, read


def remember_read(
    cache: Cache, found: dict[int, str], where: dict[str, str | None], read: dict[int, bytes | None]
) -> None:
    """Remember the stat key of each file keyed by its bytes whose metadata can be trusted,
    with its entry key and that entry's province (`where`, by entry key: the cache's,
    asked by a draft's run, the parse's, or the cached document's: `parsing.parse_files`
    puts every read file's entry there, whichever way it went)."""
    for i, by_stat in read.items():
        if by_stat is not None:
            cache.remember(by_stat, found[i], where[found[i]])
