"""`attache serve`: the workspace on a local port."""
from __future__ import annotations

import ipaddress
from pathlib import Path

import click
import uvicorn

from .app import create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str | Path, *, host: str, port: int, token: str | None) -> None:
    app = create_app(db, token=token)
    if not is_loopback(host) and not token:
        click.echo(f"attache: warning: serving on {host}, reachable from other machines, without a token: anyone "
                   "who reaches it reads the whole knowledge base (writes stay off). Use --host 127.0.0.1 or set "
                   "ATTACHE_TOKEN.", err=True)
    click.echo(f"attache: serving {db} on http://{host}:{port}/ (API at /api/; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
