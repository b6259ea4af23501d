"""`attache load`: the Spark job's Parquet analyses into the embedded store, with pyarrow only (no JVM)."""
from __future__ import annotations

from pathlib import Path

from ..cli.ingest import BATCH_SIZE, IngestSummary
from ..knowledge import relink
from ..model import Analysis
from ..store import Store
from .layout import ANALYSES, from_json


class LoadError(Exception):
    """The folder holds no readable analyses; the message says which and why."""


def load_analyses(store: Store, folder: str) -> IngestSummary:
    """Store every analysis of `folder`/analyses by batches, then relink the knowledge base.

    An analysis already stored with the same content hash is left alone, so
    loading again adds nothing, and a load cut short can simply be run again.
    """
    import pyarrow
    import pyarrow.dataset

    path = Path(folder) / ANALYSES
    if not path.is_dir():
        raise LoadError(f"{folder}: no '{ANALYSES}' folder (is this the --out folder of 'attache spark ingest'?)")
    summary = IngestSummary()
    try:
        # Spark's _SUCCESS and .crc files are left out (pyarrow skips names starting with '_' or '.').
        dataset = pyarrow.dataset.dataset(path, format="parquet")
        if "analysis" not in dataset.schema.names:
            raise LoadError(f"{path}: no 'analysis' column (not written by 'attache spark ingest')")
        for batch in dataset.to_batches(columns=["analysis"], batch_size=BATCH_SIZE):
            if changed := _new(store, [from_json(text) for text in batch.column(0).to_pylist()], summary):
                store.put(changed)
    except (pyarrow.ArrowException, ValueError, KeyError, TypeError) as exc:
        raise LoadError(f"{path}: not readable as analyses of 'attache spark ingest' ({exc})") from None
    relink(store)
    summary.events = store.count("events")
    summary.claims = store.count("claims")
    summary.conflicts = store.conflicts()
    return summary


def _new(store: Store, analyses: list[Analysis], summary: IngestSummary) -> list[Analysis]:
    """The analyses not stored as they are, counted as the local ingest counts them."""
    changed = []
    for analysis in analyses:
        stored = store.content_hash(analysis.document.id)
        if stored == analysis.content_hash:
            summary.unchanged += 1
            continue
        if stored is None:
            summary.added += 1
        else:
            summary.updated += 1
        changed.append(analysis)
    return changed
