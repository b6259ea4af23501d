"""Cross-document linking: which documents report the same event, who is who.

Reads `Analysis` objects only, never raw pages.
"""
from .events import group_events
from .people import link_people

__all__ = ["group_events", "link_people"]
