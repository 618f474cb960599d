"""Who may talk to `doichieu serve`: the token, the Host and the Origin of a request.

The server holds unpublished drafts and answers on a port any web page in the
editor's browser can try to reach, so every request must pass three checks
before any route sees it, as Jupyter's server does:

- the token printed at start, sent as `Authorization: Bearer TOKEN`, as
  `?token=TOKEN`, or as the cookie the page sets after the first visit with it
  (HttpOnly, SameSite=Strict, named after the port: cookies ignore ports);
- the Host header names this machine (loopback names, or the address bound):
  a foreign name is a DNS-rebinding page reaching 127.0.0.1 under its own name;
- an Origin, when the browser sends one, is this server itself (scheme, name
  and port), and Sec-Fetch-Site, when sent, says the request comes from the
  page itself or was typed in: any other page's cross-site or same-site post
  (another port of localhost is same-site) is refused.

A refusal is 403 with one JSON line saying which check failed. Every response,
refused or not, carries headers that forbid framing, sniffing, referrers,
caching and anything but this server's own script, style and API.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
import socket
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})  # bound to every interface
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Access:
    """What a request must match: the token, and the names and port of this server."""

    token: str
    host: str  # the address bound
    port: int

    @property
    def cookie(self) -> str:
        return f"doichieu-token-{self.port}"

    def host_allowed(self, name: str | None) -> bool:
        if not name:
            return False
        name = name.lower().strip("[]")
        if is_loopback(name) or name == self.host.lower():
            return True
        if self.host not in WILDCARDS:
            return False
        # Bound to every interface (--allow-remote): this machine's names and any
        # address literal; a rebinding page always comes under a name of its own.
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return name in {socket.gethostname().lower(), socket.getfqdn().lower()}
        return True

    def refusal(self, scope: Scope) -> str | None:
        """Why this request is refused, or None when it may go on."""
        headers = Headers(scope=scope)
        if not self.host_allowed(urlsplit(f"//{headers.get('host', '')}").hostname):
            return f"Host {headers.get('host', '')!r} is not this server"
        origin = headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            try:
                port = parts.port or 80
            except ValueError:
                port = -1
            if parts.scheme != "http" or not self.host_allowed(parts.hostname) or port != self.port:
                return f"requests from {origin!r} are not allowed: only this server's page"
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return "requests from other sites are not allowed"
        given = _token(scope, headers, self.cookie)
        if given is None:
            return "a token is required: open the address printed when the server started"
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            return "wrong token: open the address printed when the server started"
        return None


def _token(scope: Scope, headers: Headers, cookie_name: str) -> str | None:
    kind, _, value = headers.get("authorization", "").partition(" ")
    if kind.lower() == "bearer" and value.strip():
        return value.strip()
    query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    if query:
        return query[-1]
    cookies = SimpleCookie()
    try:
        cookies.load(headers.get("cookie", ""))
    except CookieError:  # a malformed cookie header is no token, never a crash
        return None
    return cookies[cookie_name].value if cookie_name in cookies else None


class Guard:
    """ASGI middleware: refuse what `Access` refuses, and add the security headers."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        reason = self.access.refusal(scope)
        if reason is None:
            await self.app(scope, receive, secured)
            return
        body = json.dumps({"error": reason}, ensure_ascii=False).encode()
        await secured(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await secured({"type": "http.response.body", "body": body})
