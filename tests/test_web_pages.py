"""Server-rendered pages: evidence, highlights, search, and document text that is only ever text."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from attache.cli.ingest import ingest_paths  # noqa: E402
from attache.cli.main import cli  # noqa: E402
from attache.knowledge import build_knowledge_base  # noqa: E402
from attache.model import DateMention, Figure, PlaceMention, Span  # noqa: E402
from attache.store import Store  # noqa: E402
from attache.store.search import find_terms, query_terms  # noqa: E402
from attache.web import create_app  # noqa: E402
from attache.web.render import segments, show  # noqa: E402
from attache.web.server import is_loopback  # noqa: E402
from conftest import EXAMPLES, ROOT, make_analysis  # noqa: E402

HOSTILE = ("Minister Lan Anh met the delegation on 3 March 2025 in Hue. <script>alert('x')</script>\n"
           "Exports reached <img src=x onerror=alert(1)> nearly 12 billion USD in 2024, said "
           "\u202eevil\u202c \u2066iso\u2069 <a href=\"javascript:alert(2)\">here</a> & friends.")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "kb.db"
    with Store(path) as store:
        ingest_paths(store, [str(EXAMPLES), str(ROOT / "examples" / "trilingual")], max_bytes=2**20)
    return TestClient(create_app(path), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A document whose text is an attack: tags, handlers, a javascript: link, bidi overrides."""
    path = tmp_path_factory.mktemp("hostile") / "kb.db"
    sentence_end = HOSTILE.index("friends.") + len("friends.")
    sentence_start = HOSTILE.index("Exports")
    figure_at = HOSTILE.index("nearly 12")
    analysis = make_analysis("<b>evil</b>.txt", HOSTILE, event_date="2025-03-03",
                             people=[("Lan Anh", "participant", ["Minister <i>of</i> Trade"])],
                             claims=[("exports", 12e9, "USD", "nearly", "2024", "VN")])
    analysis.document.title = "<script>alert('title')</script> \u202eeltit"
    analysis.claims[0].sentence = Span(sentence_start, sentence_end)
    analysis.claims[0].figure.text = "nearly 12 billion USD"
    analysis.figures = [Figure("nearly 12 billion USD", figure_at, figure_at + 21, 12e9, "USD", "nearly")]
    analysis.dates = [DateMention(Span(HOSTILE.index("3 March"), HOSTILE.index("3 March") + 12), "3 March 2025",
                                  "2025-03-03")]
    analysis.places = [PlaceMention(Span(HOSTILE.index("Hue"), HOSTILE.index("Hue") + 3), "Hue", "Hue", "province")]
    with Store(path) as store:
        store.put([analysis])
        store.replace_knowledge(build_knowledge_base([analysis]))
    return TestClient(create_app(path), raise_server_exceptions=False)


def _html_without_our_assets(html: str) -> str:
    return html.replace('<script src="/static/app.js" defer></script>', "")


def _assert_inert(html: str) -> None:
    body = _html_without_our_assets(html)
    assert "<script" not in body.lower()
    assert "<img" not in body.lower() and "<b>evil" not in body and "<i>of" not in body
    assert "javascript:" not in re.sub(r"&lt;a href=&#34;javascript:", "", body)
    assert "\u202e" not in body and "\u2066" not in body and "\u2069" not in body


def test_hostile_text_is_shown_as_text_on_every_page(hostile):
    event = hostile.get("/api/events").json()["events"][0]
    claim = hostile.get("/api/claims").json()["claims"][0]
    doc = "/documents/%3Cb%3Eevil%3C%2Fb%3E.txt"
    pages = ["/", f"/events/{event['id']}", f"/claims/{claim['id']}", doc, doc + "?start=10&end=40",
             "/people", "/people/lan-anh", "/indicators", "/indicators/exports", "/search?q=script",
             "/search?q=evil", "/search?q=%3Cscript%3E"]
    for url in pages:
        response = hostile.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        _assert_inert(response.text)
    text = hostile.get(doc).text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<span class=ctrl>U+202E</span>" in text and "<span class=ctrl>U+2066</span>" in text


def test_pages_forbid_inline_scripts_and_foreign_assets(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", response.text)
    for asset in ("/static/app.css", "/static/app.js"):
        assert client.get(asset).status_code == 200


def test_show_escapes_and_reveals_controls():
    assert show("<b>&\u202e") == "&lt;b&gt;&amp;<span class=ctrl>U+202E</span>"
    assert show(None) == ""


def test_segments_nest_overlapping_spans():
    pieces = segments("Mr Lan Anh said", [(3, 10, "person"), (0, 15, "quote")])
    assert [(p.text, p.kinds) for p in pieces] == [("Mr ", ("quote",)), ("Lan Anh", ("person", "quote")),
                                                  (" said", ("quote",))]


def test_document_page_highlights_each_kind(hostile):
    text = hostile.get("/documents/%3Cb%3Eevil%3C%2Fb%3E.txt").text
    assert '<mark class="hl-date">3 March 2025</mark>' in text
    assert '<mark class="hl-place">Hue</mark>' in text
    assert '<mark class="hl-figure">nearly 12 billion USD</mark>' in text


def test_event_page_lists_figures_with_their_evidence(client):
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    event = next(e for e in events if e["bridge_points"])
    html = client.get(f"/events/{event['id']}").text
    for point in event["bridge_points"]:
        assert point in html
    claims = client.get(f"/api/events/{event['id']}").json()["claims"]
    conflicting = [c for c in claims if c["status"] == "conflicting"]
    corroborated = [c for c in claims if c["status"] == "corroborated"]
    assert conflicting or corroborated
    for c in corroborated:
        assert f"corroborated by {c['independent_sources']} independent sources" in html
    for c in claims:
        assert f'id="evidence-{c["id"]}"' in html
        for m in c["mentions"]:
            assert f"start={m['start']}&amp;end={m['end']}" in html
    if conflicting:
        assert html.count('class="conflict-column"') >= 2
    assert '<mark class="hl-quote">' in html


def test_claim_page_quotes_each_source(client):
    claim = client.get("/api/claims", params={"limit": 500}).json()["claims"][0]
    html = client.get(f"/claims/{claim['id']}").text
    assert html.count('class="evidence-card"') == len(claim["mentions"])


def test_person_and_indicator_pages(client):
    record = client.get("/api/people/tran-quoc-vinh").json()
    person = client.get("/people/tran-quoc-vinh").text
    assert "Titles over time" in person and "Prime Minister" in person
    assert all(alias in person for alias in record["aliases"])
    indicators = client.get("/api/indicators").json()["indicators"]
    html = client.get(f"/indicators/{indicators[0]['indicator']}").text
    assert "<svg" in html and "/claims/" in html


def test_search_page_marks_matches_without_diacritics(client):
    html = client.get("/search", params={"q": "trần quốc vinh"}).text
    assert '<mark class="hl-match">Tran</mark>' in html
    assert find_terms("Ông Trần Quốc Đạt…", query_terms("tran dat")) == [Span(4, 8), Span(14, 17)]
    assert "No" not in client.get("/search", params={"q": ""}).text.split("<main>")[1][:40]


def test_timeline_filters(client):
    html = client.get("/", params={"language": "fr", "from": "", "to": "", "type": "", "place": ""}).text
    assert "event" in html
    assert client.get("/", params={"from": "yesterday"}).status_code == 400


@pytest.mark.parametrize("url", ["/events/nope", "/documents/nope.txt", "/people/nobody", "/claims/C-0",
                                 "/indicators/nothing", "/no/such/page"])
def test_missing_pages_are_a_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text


def test_bad_page_parameters_are_a_400_page(client):
    for url in ("/search?kind=cats&q=x", "/?offset=-3", "/documents/x.txt?start=abc"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "bad parameters" in response.text and "Traceback" not in response.text


def test_serve_command_and_its_warning(tmp_path, monkeypatch):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    runner = CliRunner()
    assert "--token" in runner.invoke(cli, ["serve", "--help"]).output
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.append(kw))
    with Store(tmp_path / "kb.db"):
        pass
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "kb.db"), "--host", "0.0.0.0", "--port", "9"])
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and started == [{"host": "0.0.0.0", "port": 9, "log_level": "warning",
                                                       "server_header": False}]
    quiet = runner.invoke(cli, ["serve", "--db", str(tmp_path / "kb.db")], env={"ATTACHE_TOKEN": ""})
    assert "warning" not in quiet.output and started[-1]["host"] == "127.0.0.1"
