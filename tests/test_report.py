"""Export and brief rendering from a hand-built knowledge base."""
from attache.knowledge import build_knowledge_base
from attache.report import build_export, render_brief
from attache.report.brief import format_value
from attache.store.sqlite import StoredDocument

from conftest import make_analysis

CHAIR = ("Tran Quoc Vinh", "participant", ["Prime Minister"])


def _docs(analyses, kb):
    event_of = {d: e.id for e in kb.events for d in e.documents}
    return [StoredDocument(a.document.id, a.document.source, a.document.language, "Title " + a.document.id, None,
                           None, a.document.text, event_of.get(a.document.id), []) for a in analyses]


def _kb():
    a = make_analysis("a.txt", "FDI reached about 38.5 billion USD.", event_date="2026-01-09", people=[CHAIR],
                      claims=[("fdi_registered", 38.5e9, "USD", "about", "2025", "VN")], tasks=["Open markets"])
    b = make_analysis("b.txt", "Les IDE ont dépassé 39 milliards.", language="fr", event_date="2026-01-09",
                      people=[CHAIR], claims=[("fdi_registered", 39e9, "USD", "over", "2025", "VN")])
    analyses = [a, b]
    a.setting.title = "Conference on exports"
    kb = build_knowledge_base(analyses)
    return analyses, kb


def test_values_read_like_a_person_writes_them():
    assert format_value(4e10, "USD") == "40 billion USD"
    assert format_value(7.2e15, "VND") == "7.2 million billion VND"
    assert format_value(17.6e6, "people") == "17.6 million people"
    assert format_value(39.5, "%") == "39.5%"
    assert format_value(170, "count") == "170"


def test_export_values_are_base_units_and_integers_stay_integers():
    analyses, kb = _kb()
    data = build_export(_docs(analyses, kb), kb)
    (claim,) = data["claims"]
    assert claim["value"] == 38500000000 and isinstance(claim["value"], int)
    assert claim["status"] == "conflicting" and claim["sources"] == 2
    assert data["documents"][0]["event"] == data["events"][0]["id"]


def test_brief_shows_conflict_sides_and_footnotes_in_both_formats():
    analyses, kb = _kb()
    md = render_brief(_docs(analyses, kb), kb, fmt="md")
    assert "# Conference on exports" in md
    assert "Tran Quoc Vinh — Prime Minister" in md
    assert "about 38.5 billion USD [1]; over 39 billion USD [2]" in md
    assert "Title b.txt (fr)" in md
    assert "1. Open markets" in md
    html = render_brief(_docs(analyses, kb), kb, fmt="html")
    assert '<span class="status conflicting">' in html


def test_brief_escapes_document_text_in_html():
    analyses, kb = _kb()
    docs = _docs(analyses, kb)
    docs[0].title = "<script>alert(1)</script>"
    html = render_brief(docs, kb, fmt="html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_bare_title_that_a_fuller_one_spells_out_is_not_repeated():
    from attache.model import Person, TitleRecord
    from attache.report.brief import titles_at
    person = Person(id="p", name="Vo Duc Hai", titles=[
        TitleRecord("Vice Chairman of the City People's Committee", "Da Nang", "2026-01-09", ["a"]),
        TitleRecord("Vice Chairman", None, "2026-01-09", ["a"])])
    assert titles_at(person, ["a"]) == ["Vice Chairman of the City People's Committee (Da Nang)"]
