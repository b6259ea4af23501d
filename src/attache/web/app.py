"""The FastAPI application: pages, the JSON API, static assets and error handling.

Errors never show a traceback: the API answers `{"error": {"status", "message"}}`,
pages answer a small HTML page with the same message.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..store import Store
from ..store.queries import connect
from ..store.search import index_is_stale, rebuild_index
from . import render
from .ingest import MAX_BYTES

log = logging.getLogger("attache.web")

# Pages need nothing from elsewhere: scripts, styles and images come from /static only, and
# no inline script runs even if some text slipped through unescaped.
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
        " form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class Settings:
    def __init__(self, db_path: Path, token: str | None):
        self.db_path = db_path
        self.token = token or None
        self.write_lock = threading.Lock()
        """Ingests run one at a time: each rebuilds the whole knowledge base."""


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The workspace over an existing database (StoreError when it is missing or not an attache database)."""
    db_path = Path(db_path)
    _prepare(db_path)
    app = FastAPI(title="attache", version="1", summary="The analyst's workspace over an attache knowledge base.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = Settings(db_path, token)
    app.mount("/static", StaticFiles(directory=str(resources.files(__package__).joinpath("static"))), name="static")
    from . import api, pages  # the routers import this module's helpers
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    app.middleware("http")(_security_headers)
    return app


def _prepare(db_path: Path) -> None:
    """Open (and migrate) once; build the search index for a database filled before it existed."""
    with Store(db_path, create=False) as store:
        if index_is_stale(store.db):
            with store.transaction() as db:
                rebuild_index(db)


def settings(request: Request) -> Settings:
    return request.app.state.settings


def database(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: a read-only connection for this request."""
    db = connect(str(settings(request).db_path))
    try:
        yield db
    finally:
        db.close()


class NotFound(HTTPException):
    def __init__(self, what: str, ref: str):
        super().__init__(404, f"no {what} {ref!r}")


class BadRequest(HTTPException):
    def __init__(self, message: str):
        super().__init__(400, message)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    html = templates().get_template("error.html").render(status=status, message=message, page="")
    return HTMLResponse(html, status_code=status)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    response = error_response(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(request, 400, "bad parameters: " + "; ".join(problems))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path)
    if isinstance(exc, sqlite3.Error):
        return error_response(request, 503, "the database could not be read; try again")
    return error_response(request, 500, "internal error (details are in the server log)")


MAX_REQUEST_BYTES = 2 * MAX_BYTES
"""A report of MAX_BYTES, escaped as JSON (quotes, non-ASCII as \\u escapes), stays under this."""


async def _security_headers(request: Request, call_next) -> Response:
    if request.method in ("POST", "PUT", "PATCH"):
        # Checked before anything reads the body, so a huge or endless upload is never held in memory.
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return error_response(request, 411, "send the body with a Content-Length header")
        if int(length) > MAX_REQUEST_BYTES:
            return error_response(request, 413, f"the request is larger than {MAX_REQUEST_BYTES // 2**20} MB")
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", _CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


@cache
def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("attache.web", "templates"),
        autoescape=True, finalize=render.show, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(
        path=render.path, label=render.indicator_label, value=render.format_value, stated=render.stated,
        status_text=render.status_text, schema_type=_schema_type,
    )
    return env


def _schema_type(schema: dict) -> str:
    """An OpenAPI parameter's type as one word, "string | null" for optional ones."""
    if "type" in schema:
        return schema["type"] + (" of " + _schema_type(schema["items"]) if "items" in schema else "")
    options = [_schema_type(s) for s in schema.get("anyOf", [])]
    return " | ".join(o for o in options if o) or ("one of " + ", ".join(map(str, schema["enum"])) if "enum" in schema else "")


def page(name: str, **context) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**context))
