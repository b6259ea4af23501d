"""What people and tools read: the `attache.export/1` export and per-event briefs."""
from .brief import render_brief
from .export import EXPORT_FORMATS, build_export, write_export

__all__ = ["EXPORT_FORMATS", "build_export", "write_export", "render_brief"]
