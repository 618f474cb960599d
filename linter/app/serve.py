"""`doichieu serve`: an editor's page and an HTTP API, on this machine, over a warm corpus.

    doichieu serve seeds/                 # then open the address it prints
    doichieu serve                        # the configured `corpus`

The corpus is parsed once (through the parse cache, in parallel) and kept in
memory (`linter.engine.warm`); a thread lists it again every two seconds and
parses what changed, so edits and new files are seen without a restart. The
page and the API are `linter.app.serve_api`; who may use them,
`linter.app.serve_guard`.

Safe by default: bound to 127.0.0.1; a random token, printed at start as
Jupyter does, is asked of every request (`DOICHIEU_SERVE_TOKEN` sets a fixed
one for a newsroom system; never an option, which `ps` would show); Host and
Origin are checked; bodies are capped at `max-file-size` and checks at
`--time-limit`. Any other address needs `--allow-remote` and prints a warning:
the token still guards it, but nothing is encrypted.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import secrets
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from linter.app.serve_api import Limits, create_app
from linter.app.serve_guard import WILDCARDS, Access, is_loopback
from linter.engine.config import load_config
from linter.engine.parsing import ParseSettings, default_jobs
from linter.engine.suppress import read_baseline
from linter.engine.warm import WarmCorpus
from linter.errors import UsageError


def main(args: argparse.Namespace) -> int:
    """`doichieu serve`: parse the corpus, print the address with its token, serve."""
    config = load_config(args.config)
    paths = list(args.paths) or [(config.root or Path.cwd()) / p for p in config.corpus]
    if not paths:
        raise UsageError(
            "serve needs the published documents to check drafts against: name them "
            "(doichieu serve corpus/) or set `corpus` in the configuration"
        )
    if not is_loopback(args.host) and not args.allow_remote:
        raise UsageError(
            f"--host {args.host} lets other machines send requests; add --allow-remote to mean it"
        )
    if args.time_limit <= 0 or not 0 <= args.port < 65536:
        raise UsageError("--time-limit expects seconds above 0, --port a port from 0 to 65535")
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError(f"--jobs expects a number of processes of at least 1, found {jobs}")
    quiet = not sys.stderr.isatty() or bool(os.environ.get("CI"))
    cache_dir = None if args.no_cache else args.cache_dir
    parsing = ParseSettings(jobs=jobs, cache_dir=cache_dir, progress=not quiet)
    # As `check` does: a configured baseline hides the findings accepted in it.
    accepted = (config.root or Path.cwd()) / config.baseline if config.baseline else None
    baseline = read_baseline(accepted) if accepted and accepted.exists() else frozenset()
    limits = Limits(max_body=config.max_file_size, time_limit=args.time_limit)
    say = _SAY["en" if args.lang == "en" else "vi"]
    # The port first: a port already taken is said at once, not after the parse.
    with _bound(args.host, args.port) as sock:
        start = time.perf_counter()
        corpus = WarmCorpus(paths, config, parsing=parsing, baseline=baseline)
        took = time.perf_counter() - start
        _long_lived()
        port = sock.getsockname()[1]
        # A fixed token (for a newsroom system calling the API) comes from the
        # environment, never from an option: options show in `ps`.
        token = os.environ.get("DOICHIEU_SERVE_TOKEN") or secrets.token_urlsafe(24)
        app = create_app(corpus, Access(token, args.host, port), limits)
        shown = "127.0.0.1" if args.host in WILDCARDS else args.host
        shown = f"[{shown}]" if ":" in shown else shown
        print(say["read"].format(n=len(corpus.current().entries), s=took), file=sys.stderr)
        if not is_loopback(args.host):
            print(say["remote"].format(host=args.host), file=sys.stderr)
        print(say["open"].format(url=f"http://{shown}:{port}/?token={token}"), file=sys.stderr)
        stop = threading.Event()
        threading.Thread(target=corpus.watch, args=(stop,), daemon=True).start()
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        try:
            server.run(sockets=[sock])
        finally:
            stop.set()
    return 0


def _long_lived() -> None:
    """The collector set for a process that lives for days, once the corpus is read.

    The command line tuned it for a short run (`linter.app.cli`: young collections
    every 200,000 objects, old ones rarely): a server would wait hundreds of young
    collections before the cyclic garbage of its requests reached a full one. What
    is alive now, the warm corpus mostly, is swept once and frozen, so that full
    collections no longer scan it; then the thresholds the command line found
    are put back (`cli.DEFAULT_THRESHOLDS`, whatever this interpreter's are). A
    document replaced later by a new listing is freed by reference counting as any
    other; only garbage in cycles among the frozen objects would stay.

    Nothing is done unless the command line tuned: an embedder calling `main`
    keeps its own collector. The command line is looked up, not imported, since
    importing it would tune the collector."""
    saved = getattr(sys.modules.get("linter.app.cli"), "DEFAULT_THRESHOLDS", None)
    if saved is None:
        return
    gc.collect()  # the parse's own cyclic garbage, not frozen with the corpus
    gc.freeze()
    gc.set_threshold(*saved)


_SAY = {
    "vi": {
        "read": "doichieu: đã đọc {n} văn bản trong {s:.1f} s",
        "remote": "doichieu: cảnh báo: máy chủ nghe trên {host}: máy khác trong mạng gửi được "
        "yêu cầu tới đây; chỉ ai có token mới được trả lời, nhưng kết nối không mã hoá",
        "open": "doichieu: mở trang này (Ctrl+C để dừng):\n    {url}",
    },
    "en": {
        "read": "doichieu: read {n} documents in {s:.1f} s",
        "remote": "doichieu: warning: listening on {host}: other machines on the network can "
        "send requests here; only those with the token are answered, but nothing is encrypted",
        "open": "doichieu: open this page (Ctrl+C to stop):\n    {url}",
    },
}


@contextlib.contextmanager
def _bound(host: str, port: int) -> Iterator[socket.socket]:
    """The listening socket, bound before the app is made: with --port 0 the
    system picks the port, and the Origin check must know which."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        sock = socket.create_server((host, port), family=family, reuse_port=False)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)  # without the address again
        raise UsageError(f"cannot listen on {host}:{port}: {reason}") from exc
    with sock:
        yield sock
