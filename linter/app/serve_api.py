"""The HTTP side of `doichieu serve`: the editor's page and the API, over a warm corpus.

Routes (every one behind `serve_guard`: token, Host, Origin):

    GET  /                the page (reports/templates/serve.html); ?lang=en for English
    GET  /assets/NAME     its script and style (serve.js, serve.css), nothing else
    POST /api/check       body: a draft's bytes; ?format=md|txt|html|docx|pdf (default md),
                          lang, and the editor's date, province, district, issuer.
                          Answers the JSON of `doichieu check --draft --format json`
                          (reports/schema); ?view=page wraps it as {"report", "excerpts"},
                          the published sentences of each piece of evidence, marked
    POST /api/text        body: a draft file's bytes; its text as the page edits it
    GET  /api/documents   the corpus: each document's path and metadata, and unreadable paths

Starlette runs each handler's blocking part (reading a .docx, parsing, checking)
in a worker thread: at most `workers` checks run at once, each waiting at most
`time_limit` seconds in all, after which the request is answered 503 with a
clear error. Work already running cannot be stopped (it finishes and is
dropped), but work still waiting for a slot never starts once its request gave
up, by the time limit or because its client went away: the page aborts its
check whenever the editor types on, and a slow corpus must not pile up checks
of texts nobody waits for. Bodies over
`max_body` are refused with 413 before being held in memory. A draft lives in
memory only: nothing of it is written to disk (drafts are not cached).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import anyio
from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from linter.app.formats import load_format
from linter.app.serve_guard import Access, Guard
from linter.app.serve_page import TEMPLATES, excerpts, render_page
from linter.engine.warm import DraftMeta, WarmCorpus
from linter.errors import PluginLoadError
from linter.models import Document, RunResult
from linter.read.frontmatter import parse_date
from linter.read.loading import load_text
from linter.read.readers import load_readers
from reports import json_report
from reports.base import Rendered, RenderOptions

T = TypeVar("T")
ASSETS = {"serve.js": "text/javascript", "serve.css": "text/css"}
TEXT_FORMATS = ("md", "txt")  # edited as they are written; other formats as their text


@dataclass(frozen=True)
class Limits:
    max_body: int = 5_000_000  # bytes of a request body (a draft file)
    time_limit: float = 30.0  # seconds a request may wait for its check, in all
    workers: int = 2  # checks at once


class Refused(Exception):
    """A request answered with an error status and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(corpus: WarmCorpus, access: Access, limits: Limits = Limits()) -> Guard:
    """The ASGI application, guarded."""
    slots = threading.BoundedSemaphore(limits.workers)
    report_of = _json_format()

    async def in_worker(request: Request, work: Callable[[], T]) -> T:
        """`work` on a worker thread, within the time limit. A request whose client
        goes away (the page aborts its check when the editor types on) gives up its
        turn: waiting for a slot, its work never starts."""
        gave_up = threading.Event()
        done: list[T] = []

        def guarded() -> None:
            with slots:
                if not gave_up.is_set():
                    done.append(work())

        async def work_then_stop(scope: anyio.CancelScope) -> None:
            await anyio.to_thread.run_sync(guarded, abandon_on_cancel=True)
            scope.cancel()

        async def client_gone(scope: anyio.CancelScope) -> None:
            while not await request.is_disconnected():
                await anyio.sleep(0.05)
            gave_up.set()
            scope.cancel()

        try:
            with anyio.fail_after(limits.time_limit):
                async with anyio.create_task_group() as group:
                    group.start_soon(work_then_stop, group.cancel_scope)
                    group.start_soon(client_gone, group.cancel_scope)
        except TimeoutError:
            gave_up.set()
            raise Refused(
                503,
                f"checking took longer than {limits.time_limit:g} s (--time-limit); "
                "try a shorter draft, or again in a moment",
            ) from None
        if not done:  # the client went away: nobody reads this
            raise Refused(503, "the request was abandoned by its client")
        return done[0]

    async def body(request: Request) -> bytes:
        declared = request.headers.get("content-length", "")
        too_big = f"the draft is larger than {limits.max_body} bytes (max-file-size)"
        if declared.isdigit() and int(declared) > limits.max_body:
            raise Refused(413, too_big)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise Refused(413, too_big)
            chunks.append(chunk)
        return b"".join(chunks)

    async def page(request: Request) -> Response:
        lang = _lang(request)
        if "token" in request.query_params:  # checked by the guard: keep it in a cookie
            response = RedirectResponse(f"/?lang={lang}", status_code=303)
            response.set_cookie(access.cookie, access.token, httponly=True, samesite="strict")
            return response
        snapshot = corpus.current()
        return HTMLResponse(render_page(lang, snapshot.documents, len(snapshot.unreadable)))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            raise Refused(404, f"no asset {name!r}")
        return FileResponse(TEMPLATES / name, media_type=ASSETS[name])

    async def check(request: Request) -> Response:
        fmt, lang, given = _format(request), _lang(request), _given(request)
        data = await body(request)
        view = request.query_params.get("view", "json")
        if view not in ("json", "page"):
            raise Refused(400, f"view must be json or page, found {view!r}")

        def work() -> str:
            draft = load_text(data, f"<draft>.{fmt}", f".{fmt}", limits.max_body, _inflated(corpus))
            result = corpus.check(draft, given, lang)
            if view == "json":
                return report_of(result, lang)
            # The page's view is made from the report's values, not from its text
            # parsed back: the indented report is written by json's pure-Python
            # encoder, most of a millisecond per ten documents, for nothing here.
            report = json_report.payload(result, _for_the_page(result))
            return json.dumps({"report": report, "excerpts": excerpts(result)}, ensure_ascii=False)

        return Response(await in_worker(request, work), media_type="application/json")

    async def text(request: Request) -> Response:
        fmt = _format(request)
        data = await body(request)
        loaded = await in_worker(
            request,
            lambda: load_text(
                data, f"<draft>.{fmt}", f".{fmt}", limits.max_body, _inflated(corpus)
            ),
        )
        if loaded.document is None:
            raise Refused(422, "; ".join(p.message for p in loaded.problems))
        doc: Document = loaded.document
        as_written = fmt in TEXT_FORMATS
        return JSONResponse(
            {
                "text": doc.original if as_written else doc.text,
                "format": fmt if as_written else "txt",
                "problems": [p.message for p in loaded.problems],
            }
        )

    async def documents(request: Request) -> Response:
        snapshot = await in_worker(request, corpus.current)
        records = [{"path": d.path, **d.meta.model_dump(mode="json")} for d in snapshot.documents]
        return JSONResponse({"documents": records, "unreadable": list(snapshot.unreadable)})

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refused)
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    app = Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/assets/{name}", asset, methods=["GET"]),
            Route("/api/check", check, methods=["POST"]),
            Route("/api/text", text, methods=["POST"]),
            Route("/api/documents", documents, methods=["GET"]),
        ],
        exception_handlers={Refused: refused},
    )
    return Guard(app, access)


def _json_format() -> Callable[[RunResult, str], str]:
    """The `json` output format, looked up once per server, not per check: finding an
    entry point reads every installed package's metadata, 3.5 ms each time here. A
    broken format stops the server at start, as it would stop `doichieu check`."""
    renderer, package = load_format("json")

    def report_of(result: RunResult, lang: str) -> str:
        rendered = renderer(result, RenderOptions(lang=lang))
        if not isinstance(rendered, Rendered):  # as outputs.render refuses it
            found = type(rendered).__name__
            message = f"expected render() to return a reports.base.Rendered, found {found}"
            raise PluginLoadError("output format", "json", package, message)
        return rendered.text

    return report_of


def _for_the_page(result: RunResult) -> list[Document]:
    """The documents the page shows: the draft and those its findings cite. The
    API's report lists every document of the draft's province (a thousand for a
    provincial newspaper: most of a megabyte per keystroke)."""
    cited = {e.path for f in result.findings for e in f.evidence}
    return [d for d in result.documents if d.path in cited or d.path.startswith("<draft>.")]


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "vi")
    if lang not in ("vi", "en"):
        raise Refused(400, f"lang must be vi or en, found {lang!r}")
    return lang


def _format(request: Request) -> str:
    fmt = request.query_params.get("format", "md").lower().lstrip(".")
    if not fmt.isalnum() or load_readers().for_suffix(f".{fmt}") is None:
        raise Refused(400, f"format must be a document format such as md, txt, docx; found {fmt!r}")
    return fmt


def _given(request: Request) -> DraftMeta:
    """The editor's metadata from the query: date, province, district, issuer."""
    query = request.query_params
    date_text = query.get("date", "").strip()
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        raise Refused(400, f"date must be YYYY-MM-DD or DD/MM/YYYY, found {date_text!r}")
    fields = {k: query[k] for k in ("province", "district", "issuer") if query.get(k, "").strip()}
    try:
        return DraftMeta(date=date, **fields)
    except ValidationError as exc:
        raise Refused(400, "; ".join(str(e["msg"]) for e in exc.errors())) from None


def _inflated(corpus: WarmCorpus) -> int:
    return corpus.config.max_docx_inflated_size
