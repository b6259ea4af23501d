"""A document whose analysis runs past the time limit is reported and skipped; the batch goes on."""
import time

from attache.cli import ingest as ingest_module
from attache.store import Store

from conftest import EXAMPLES


def test_an_overrunning_document_is_skipped_with_its_reason(tmp_path, monkeypatch, capsys):
    real = ingest_module.analyze_document

    def analyse(raw):
        if raw.id == "trade-council-en.txt":
            time.sleep(60)  # stands for a page on which a pattern backtracks without end
        return real(raw)

    monkeypatch.setattr(ingest_module, "analyze_document", analyse)
    with Store(tmp_path / "kb.db") as store:
        summary = ingest_module.ingest_paths(store, [str(EXAMPLES)], max_bytes=2**20, max_seconds=0.5)
    assert (summary.added, summary.failed) == (4, 1)
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "trade-council-en.txt" in lines[0] and "longer than 0.5 s" in lines[0]


def test_regular_expressions_that_backtrack_are_interrupted_too(tmp_path, monkeypatch):
    import re

    def backtrack(raw):
        re.match(r"(a+)+$", "a" * 40 + "b")
        raise AssertionError("a backtracking pattern of this size does not return in time")

    monkeypatch.setattr(ingest_module, "analyze_document", backtrack)
    outcome = ingest_module._analyse(None, 0.3)
    assert outcome.startswith("analysis took longer than 0.3 s")
