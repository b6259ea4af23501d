"""Linking steps run with Python's cycle collector paused.

Linking makes millions of small objects (stored analyses read back, features,
drafts, people) and frees them by reference counting: none of them forms a
cycle (a relink of 10,000 reports left nothing for `gc.collect` to find).
The collector still scans every container as it ages through its
generations — a sixth of linking's CPU, spent finding nothing. Cycles made
while it is paused, if any, are collected once it resumes.
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_cycle_collection(step: Callable[P, R]) -> Callable[P, R]:
    """`step` with the collector paused while it runs (a step called from another such step changes nothing)."""
    @functools.wraps(step)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return step(*args, **kwargs)
        gc.disable()
        try:
            return step(*args, **kwargs)
        finally:
            gc.enable()
    return run
