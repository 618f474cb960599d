"""Time per check of `doichieu serve` against a warm synthetic archive.

    python benchmarks/serve.py                          # 5,000 documents, 20 drafts
    python benchmarks/serve.py --docs 1000 --one-province

The archive is benchmarks/generate.py's (63 provinces, about 80 documents each
at 5,000), reused from --corpus-dir when there. The corpus is parsed once into
a `WarmCorpus` (through a parse cache kept in --corpus-dir; then, as `doichieu
serve` does, swept once and frozen, so that no full collection of it lands in a
listing or a request the real server would not have), the server runs on
127.0.0.1 on a free port, and each of --drafts drafts is posted to /api/check
as the page posts it (view=page, with the published sentences): generate.py's
draft (the first province's plan restated, one target wrong) with a line
numbered for its turn, so that no two drafts are the same text. The time of a
check is the wall clock of its HTTP request; the median, 90th percentile and
maximum are printed, with the time to parse the corpus, to list it again
(what the watcher does every few seconds) and the documents each draft was
compared with. The CPU time of the process during each request (the client and
the server are two threads of it) is printed too: on a shared machine another
job stretches the wall clock of a request, hardly its CPU time.

--one-province puts every document in one province (a metadata override for
every path), the archive of a provincial newspaper: a draft is then checked
with all of them, and the time per check grows with the archive.
"""

from __future__ import annotations

import argparse
import http.client
import json
import secrets
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)
import uvicorn  # noqa: E402

import linter.app.cli  # noqa: E402, F401  (it tunes the collector, as in `doichieu serve`)
from linter.app.serve import _long_lived  # noqa: E402
from linter.app.serve_api import Limits, create_app  # noqa: E402
from linter.app.serve_guard import Access  # noqa: E402
from linter.engine.config import Config, MetadataOverride  # noqa: E402
from linter.engine.parsing import ParseSettings, default_jobs  # noqa: E402
from linter.engine.warm import WarmCorpus  # noqa: E402


def archive(size: int, seed: int, base: Path) -> Path:
    folder = base / f"archive-{size}-{seed}"
    if not (folder / generate.MANIFEST).is_file():
        generate.generate(folder, size, seed)
    return folder


def post(port: int, token: str, body: bytes) -> tuple[int, float, float, bytes]:
    """The status, wall-clock and CPU seconds, and body of one check over HTTP."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    start, cpu = time.perf_counter(), time.process_time()
    connection.request(
        "POST",
        "/api/check?view=page",
        body=body,
        headers={"Host": f"127.0.0.1:{port}", "Authorization": f"Bearer {token}"},
    )
    response = connection.getresponse()
    data = response.read()
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    connection.close()
    return response.status, took, cpu, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--one-province", action="store_true")
    default_dir = Path(tempfile.gettempdir()) / "doichieu-bench"
    parser.add_argument("--corpus-dir", type=Path, default=default_dir)
    args = parser.parse_args(argv)
    folder = archive(args.docs, args.seed, args.corpus_dir)
    config = Config()
    if args.one_province:
        config = Config(metadata=(MetadataOverride(path="*", province="Quảng Ninh"),))
    start = time.perf_counter()
    parsing = ParseSettings(jobs=args.jobs, cache_dir=args.corpus_dir / "cache")
    corpus = WarmCorpus([folder], config, root=folder, parsing=parsing)
    loaded = time.perf_counter() - start
    _long_lived()  # as `doichieu serve` after its parse: the corpus swept once and frozen
    start = time.perf_counter()
    corpus.refresh()  # nothing changed: the cost of one listing
    listed = time.perf_counter() - start

    token = secrets.token_urlsafe(16)
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # No time limit here: the point is to see how long a check takes.
    app = create_app(corpus, Access(token, "127.0.0.1", port), Limits(time_limit=3600))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    text, quote = generate.draft(args.docs, args.seed)
    times, cpus, found, compared, codes = [], [], [], 0, []
    for turn in range(args.drafts + 1):  # the first warms the parser up and is not counted
        body = f"{text}\nCập nhật lần {turn}.\n".encode()
        status, took, cpu, data = post(port, token, body)
        if status != 200:
            print(f"error: HTTP {status}: {data[:200]!r}", file=sys.stderr)
            return 1
        if turn:
            times.append(took)
            cpus.append(cpu)
            report = json.loads(data)["report"]
            quotes = [e["quote"] for f in report["findings"] for e in f["evidence"]]
            found.append(quote in quotes)
            compared = len(report["documents"]) - 1
            codes = sorted(f["code"] for f in report["findings"])
    server.should_exit = True
    thread.join(10)
    times.sort()
    p90 = times[max(0, int(len(times) * 0.9) - 1)]
    print(
        f"{args.docs} documents{' in one province' if args.one_province else ''}, "
        f"parsed in {loaded:.1f} s ({args.jobs} jobs, cache in {args.corpus_dir}), "
        f"listed again in {listed:.2f} s; each draft compared with {compared} documents\n"
        f"check over HTTP, {len(times)} drafts: median {statistics.median(times) * 1000:.0f} ms, "
        f"p90 {p90 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms "
        f"(CPU: median {statistics.median(cpus) * 1000:.0f} ms, min {min(cpus) * 1000:.0f} ms); "
        f"the wrong figure {quote!r} reported in {sum(found)}/{len(found)} "
        f"(findings of the last draft: {', '.join(codes) or 'none'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
