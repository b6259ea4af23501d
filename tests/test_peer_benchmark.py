"""The peer pipeline of benchmarks/peer.py maps its results onto attache.export/1.

Runs only where the `peer` extra is installed (`pip install -e '.[peer]'`); CI does not install it.
"""
import importlib
import json
import sys

import pytest

from conftest import EXAMPLES, ROOT

pytest.importorskip("spacy")
pytest.importorskip("dateparser")
pytest.importorskip("quantulum3")
if not pytest.importorskip("spacy.util").is_package("fr_core_news_sm"):
    pytest.skip("the fr_core_news_sm model of the peer extra is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def peer():
    folder = str(ROOT / "benchmarks")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module("peer")
    finally:
        sys.path.remove(folder)


@pytest.fixture(scope="module")
def export(peer):
    raws = [raw for raw in peer._read_folder(EXAMPLES) if raw.id in ("coastal-forum-en.txt", "noise.html")]
    # Through JSON, as score.py reads it: a value JSON cannot carry fails here.
    return json.loads(json.dumps(peer.peer_export([peer.analyze(raw) for raw in raws])))


def test_export_has_the_schema_fields(export):
    assert export["schema"] == "attache.export/1"
    assert set(export) >= {"documents", "events", "people", "claims", "tasks", "relations"}
    assert {d["id"] for d in export["documents"]} == {"coastal-forum-en.txt", "noise.html"}
    for doc in export["documents"]:
        assert set(doc) >= {"id", "source", "language", "title", "published", "event", "text"}
    events = {e["id"]: e for e in export["events"]}
    people = {p["id"] for p in export["people"]}
    for doc in export["documents"]:
        assert doc["event"] is None or doc["id"] in events[doc["event"]]["documents"]
    for event in events.values():
        assert set(event["participants"]) <= people


def test_claims_quote_their_sentence_verbatim(export):
    texts = {d["id"]: d["text"] for d in export["documents"]}
    assert export["claims"]
    for claim in export["claims"]:
        assert claim["unit"] in ("USD", "VND", "EUR", "%", "count") or len(claim["unit"]) == 3
        for mention in claim["mentions"]:
            assert texts[mention["document"]][mention["start"]:mention["end"]] == mention["quote"]


def test_a_stated_figure_is_read_with_its_period(export):
    values = {(c["value"], c["unit"], c["period"]) for c in export["claims"]}
    assert (412e9, "USD", "2025") in values
