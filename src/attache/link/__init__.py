"""Cross-document linking: which documents report the same event, who is who.

Reads `Analysis` objects only, never raw pages.
"""
from .copies import find_copies
from .events import group_events
from .people import link_people

__all__ = ["find_copies", "group_events", "link_people"]
