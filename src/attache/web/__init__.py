"""The analyst's workspace: server-rendered pages and a JSON API over the knowledge base (`attache serve`)."""
from .app import create_app

__all__ = ["create_app"]
