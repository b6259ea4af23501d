"""The embedded store: one SQLite file holding documents, their analyses and the knowledge base."""
from .sqlite import Store, StoreError

DEFAULT_DB = "attache.db"

__all__ = ["Store", "StoreError", "DEFAULT_DB"]
