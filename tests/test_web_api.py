"""The JSON API: export-shaped records, filters, search, clear JSON errors, token-guarded ingest."""
from __future__ import annotations

import logging

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from attache.cli.ingest import ingest_paths  # noqa: E402
from attache.report import build_export  # noqa: E402
from attache.store import Store  # noqa: E402
from attache.web import create_app  # noqa: E402

from attache.knowledge import build_knowledge_base  # noqa: E402
from conftest import EXAMPLES, ROOT, make_analysis  # noqa: E402

TRILINGUAL = ROOT / "examples" / "trilingual"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "kb.db"
    with Store(path) as store:
        ingest_paths(store, [str(EXAMPLES), str(TRILINGUAL)], max_bytes=2**20)
    return path


@pytest.fixture(scope="module")
def export(db_path):
    with Store(db_path) as store:
        return build_export(store.documents(), store.knowledge())


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path), raise_server_exceptions=False)


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body["error"]["message"]


def test_events_list_mirrors_the_export(client, export):
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["schema"] == "attache.export/1"
    assert body["total"] == len(export["events"])
    assert {e["id"]: e for e in body["events"]} == {e["id"]: e for e in export["events"]}
    dates = [e["date"] for e in body["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_event_filters(client, export):
    dated = [e for e in export["events"] if e["date"]]
    day = dated[0]["date"]
    only = client.get("/api/events", params={"from": day, "to": day}).json()["events"]
    assert only and all(e["date"] == day for e in only)
    year = client.get("/api/events", params={"from": day[:4], "to": day[:4]}).json()["events"]
    assert all(e["date"].startswith(day[:4]) for e in year) and len(year) >= len(only)
    for language in {d["language"] for d in export["documents"]}:
        found = client.get("/api/events", params={"language": language}).json()["events"]
        in_language = {d["id"] for d in export["documents"] if d["language"] == language and d["event"]}
        assert {e["id"] for e in found} == {d["event"] for d in export["documents"] if d["id"] in in_language}
    bridged = next(e for e in export["events"] if e["bridge_points"])
    point = bridged["bridge_points"][0]
    at_point = client.get("/api/events", params={"place": point.lower()}).json()["events"]
    assert bridged["id"] in [e["id"] for e in at_point]
    assert all(point in e["bridge_points"] or e["place"] == point or
               any(c["scope"] == point for c in export["claims"] if c["event"] == e["id"]) for e in at_point)
    types = {e["type"] for e in export["events"] if e["type"]}
    for t in types:
        assert all(e["type"] == t for e in client.get("/api/events", params={"type": t}).json()["events"])
    assert client.get("/api/events", params={"place": "Atlantis"}).json() == {
        "schema": "attache.export/1", "total": 0, "limit": 50, "offset": 0, "events": []}


def test_event_detail_has_its_claims_tasks_and_relations(client, export):
    event = next(e for e in export["events"] if any(c["event"] == e["id"] for c in export["claims"]))
    body = client.get(f"/api/events/{event['id']}").json()
    assert {k: body[k] for k in event} == event
    assert body["claims"] == [c for c in export["claims"] if c["event"] == event["id"]]
    assert body["tasks"] == [t for t in export["tasks"] if t["event"] == event["id"]]
    assert body["relations"] == [r for r in export["relations"] if r["event"] == event["id"]]


def test_documents(client, export):
    listed = client.get("/api/documents", params={"limit": 500}).json()
    assert listed["total"] == len(export["documents"])
    expected = {d["id"]: {k: v for k, v in d.items() if k not in ("text", "captions")} for d in export["documents"]}
    assert {d["id"]: d for d in listed["documents"]} == expected
    fr = client.get("/api/documents", params={"language": "fr"}).json()["documents"]
    assert fr and all(d["language"] == "fr" for d in fr)
    first = export["documents"][0]
    assert client.get(f"/api/documents/{first['id']}").json() == first
    with_analysis = client.get(f"/api/documents/{first['id']}", params={"analysis": "true"}).json()
    assert with_analysis["analysis"]["document"]["text"] == first["text"]
    paged = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert [d["id"] for d in paged["documents"]] == sorted(expected)[1:3]


def test_people(client, export):
    listed = client.get("/api/people", params={"limit": 500}).json()
    assert listed["people"] == export["people"]
    person = export["people"][0]
    body = client.get(f"/api/people/{person['id']}").json()
    assert {k: body[k] for k in person} == person
    assert body["events"] and all(person["id"] in e["participants"] or e["chair"] == person["id"]
                                  for e in export["events"] if e["id"] in body["events"])
    participants = client.get("/api/people", params={"role": "participant"}).json()["people"]
    assert all(p["role"] == "participant" for p in participants)


def test_claims(client, export):
    listed = client.get("/api/claims", params={"limit": 500}).json()
    assert listed["claims"] == export["claims"]
    claim = export["claims"][0]
    assert client.get(f"/api/claims/{claim['id']}").json() == claim
    by_indicator = client.get("/api/claims", params={"indicator": claim["indicator"]}).json()["claims"]
    assert by_indicator == [c for c in export["claims"] if c["indicator"] == claim["indicator"]]
    conflicting = client.get("/api/claims", params={"status": "conflicting"}).json()["claims"]
    assert conflicting == [c for c in export["claims"] if c["status"] == "conflicting"]
    doc = claim["mentions"][0]["document"]
    by_document = client.get("/api/claims", params={"document": doc}).json()["claims"]
    assert claim in by_document and all(any(m["document"] == doc for m in c["mentions"]) for c in by_document)
    indicators = client.get("/api/indicators").json()["indicators"]
    assert sum(i["claims"] for i in indicators) == len(export["claims"])


@pytest.fixture(scope="module")
def vietnamese(tmp_path_factory):
    """A hand-made Vietnamese report (whatever the extractors make of Vietnamese today)."""
    path = tmp_path_factory.mktemp("vi") / "kb.db"
    analysis = make_analysis("vi-1.txt", "Thủ tướng Đặng Văn Hòa chủ trì hội nghị tổng kết.\n"
                             "Kim ngạch xuất khẩu đạt gần 400 tỷ USD; bảo đảm cung ứng đủ điện.",
                             language="vi", event_date="2026-01-08",
                             people=[("Dang Van Hoa", "participant", ["Prime Minister"])],
                             claims=[("exports", 4e11, "USD", "nearly", "2025", "VN")])
    analysis.people[0].text = "Đặng Văn Hòa"
    with Store(path) as store:
        store.put([analysis])
        store.replace_knowledge(build_knowledge_base([analysis]))
    return TestClient(create_app(path), raise_server_exceptions=False)


def _hits(client, query: str, kind: str | None = None) -> list[tuple[str, str]]:
    params = {"q": query, **({"kind": kind} if kind else {})}
    return [(h["kind"], h["id"]) for h in client.get("/api/search", params=params).json()["hits"]]


def test_search_ignores_diacritics_and_folds_d(vietnamese):
    for query in ("Đặng Văn Hòa", "dang van hoa", "DANG VAN HOA", "Dặng Van Hoà"):
        assert ("person", "dang-van-hoa") in _hits(vietnamese, query), query
    # "đ" is a letter of its own for unicode61: we fold it, so "dien" finds "điện" and "đủ" finds "du".
    for query in ("dien", "điện", "du", "xuat khau", "xuất khẩu", "hội nghị"):
        assert ("document", "vi-1.txt") in _hits(vietnamese, query, "document"), query
    assert ("claim", vietnamese.get("/api/claims").json()["claims"][0]["id"]) in _hits(vietnamese, "xuat khau")


def test_search_ascii_names_from_vietnamese_spelling(client):
    assert _hits(client, "Trần Quốc Vinh") == _hits(client, "tran quoc vinh")
    assert ("person", "tran-quoc-vinh") in _hits(client, "Trần Quốc Vinh")
    body = client.get("/api/search", params={"q": "tran quoc vinh", "limit": 100}).json()
    kinds = [h["kind"] for h in body["hits"]]
    assert body["counts"] == {k: kinds.count(k) for k in set(kinds)}


def test_search_in_english_and_french_and_by_kind(client):
    for query in ("exports", "exportations", "Da Nang", "Premier ministre"):
        assert client.get("/api/search", params={"q": query}).json()["hits"], query
    claims = client.get("/api/search", params={"q": "FDI", "kind": "claim"}).json()
    assert claims["hits"] and all(h["kind"] == "claim" for h in claims["hits"])
    assert set(claims["counts"]) <= {"document", "event", "person", "claim"}
    # Query syntax of FTS5 is never exposed: quotes, stars and operators are just words.
    for odd in ('"', 'NEAR(a b', "a* OR -b", "((", "é"):
        assert client.get("/api/search", params={"q": odd}).status_code == 200


@pytest.mark.parametrize("url, where", [
    ("/api/events/no-such-event", "event"), ("/api/documents/no/such.txt", "document"),
    ("/api/people/nobody", "person"), ("/api/claims/C-0", "claim"), ("/api/nothing-here", "nothing at"),
])
def test_not_found_is_a_json_error(client, url, where):
    assert where in _error(client.get(url), 404)


@pytest.mark.parametrize("url, params, field", [
    ("/api/events", {"limit": 0}, "limit"), ("/api/events", {"limit": 501}, "limit"),
    ("/api/events", {"offset": -1}, "offset"), ("/api/events", {"from": "last week"}, "from"),
    ("/api/events", {"to": "2025-1-6"}, "to"), ("/api/claims", {"status": "maybe"}, "status"),
    ("/api/people", {"role": "king"}, "role"), ("/api/search", {}, "q"), ("/api/search", {"q": ""}, "q"),
    ("/api/search", {"q": "x", "kind": "cats"}, "kind"), ("/api/documents", {"limit": "many"}, "limit"),
])
def test_bad_parameters_are_a_json_400(client, url, params, field):
    message = _error(client.get(url, params=params), 400)
    assert message.startswith("bad parameters") and field in message


def test_unexpected_errors_hide_the_traceback(client, monkeypatch, caplog):
    from attache.store import queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(queries, "events", broken)
    with caplog.at_level(logging.CRITICAL, logger="attache.web"):
        response = client.get("/api/events")
    assert "secret internals" not in _error(response, 500)


def test_openapi_page_and_document(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/documents", "/api/people", "/api/claims", "/api/search"} <= set(spec["paths"])
    page = client.get("/api/")
    assert page.status_code == 200 and "/api/events" in page.text and "cdn" not in page.text.lower()


def _post(client, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/api/documents", json=body, headers=headers)


def test_post_is_off_without_a_configured_token(client):
    message = _error(_post(client, {"id": "x.txt", "text": "Hello."}, token="anything"), 403)
    assert "--token" in message and "ATTACHE_TOKEN" in message


@pytest.fixture
def writable(tmp_path):
    path = tmp_path / "w.db"
    with Store(path) as store:
        ingest_paths(store, [str(EXAMPLES)], max_bytes=2**20)
    return TestClient(create_app(path, token=TOKEN), raise_server_exceptions=False)


def test_post_needs_the_token_then_ingests_through_the_pipeline(writable):
    report = {"id": "posted-report.txt", "published": "2026-01-09",
              "text": "HANOI, January 9 - Prime Minister Tran Quoc Vinh chaired the online conference on exports.\n"
                      "Exports reached about 400 billion USD in 2025, the Prime Minister said."}
    _error(_post(writable, report), 401)
    assert _error(_post(writable, report, token=TOKEN + "x"), 401)
    assert writable.post("/api/documents", json=report,
                         headers={"Authorization": "Basic " + TOKEN}).status_code == 401
    created = _post(writable, report, token=TOKEN)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["document"] == "posted-report.txt" and body["status"] == "added"
    stored = writable.get("/api/documents/posted-report.txt").json()
    assert stored["language"] == "en" and "Tran Quoc Vinh" in stored["text"]
    assert writable.get("/api/search", params={"q": "online conference exports", "kind": "document"}).json()["hits"]
    again = _post(writable, report, token=TOKEN)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize("body, field", [
    ({"id": "a.txt"}, "text"), ({"id": "a.txt", "text": "   "}, "text"), ({"text": "Hello."}, "id"),
    ({"id": "a.txt", "text": 5}, "text"), ({"id": "", "text": "Hello."}, "id"),
])
def test_post_rejects_bad_bodies(writable, body, field):
    assert field in _error(_post(writable, body, token=TOKEN), 400)


def test_post_rejects_a_non_json_body(writable):
    response = writable.post("/api/documents", content=b"not json", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    _error(response, 400)


def test_server_start_indexes_a_database_filled_before_the_index(db_path, tmp_path):
    import shutil
    import sqlite3
    copy = tmp_path / "old.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM search_index")
    client = TestClient(create_app(copy))
    assert client.get("/api/search", params={"q": "exports"}).json()["hits"]
