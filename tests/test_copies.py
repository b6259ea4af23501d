"""Copies and translations are recognised, and do not count as independent confirmation."""
from attache.knowledge import build_knowledge_base
from attache.link import find_copies
from attache.model import DateMention, Figure, PersonMention, PlaceMention, Span

from conftest import make_analysis

STORY = ("On the morning of May 4, the provincial council met in Hue to review the harbour project. "
         "The chairwoman said that cargo through the harbour rose to 12 million tonnes last year, "
         "while investment in the new berths reached nearly 300 million USD. "
         "Delegates asked for faster land clearance and more training for port workers.")


def with_anchors(analysis, anchors):
    """Give an analysis figures, people, places and dates in the given text order."""
    for pos, (kind, value) in enumerate(anchors):
        span = Span(pos * 10, pos * 10 + 5)
        if kind == "figure":
            analysis.figures.append(Figure(str(value), span.start, span.end, value, "USD"))
        elif kind == "person":
            analysis.people.append(PersonMention(name=value, text=value, span=span, role="participant"))
        elif kind == "place":
            analysis.places.append(PlaceMention(span, value, value, "province"))
        else:
            analysis.dates.append(DateMention(span, value, value))
    return analysis


def test_a_republished_story_is_a_copy_of_the_earliest():
    original = make_analysis("wire.txt", STORY)
    original.document.published = "2026-05-04"
    repost = make_analysis("repost.txt", "Republished from the wire. " + STORY + " Read more on our site.")
    repost.document.published = "2026-05-05"
    rewrite = make_analysis("own.txt", "Harbour council meets. Port workers want training; the council "
                                       "discussed cargo figures and the berths with investors from abroad.")
    assert find_copies([repost, original, rewrite]) == {"repost.txt": "wire.txt"}


ANCHORS = [("date", "2026-05-04"), ("place", "Hue"), ("person", "tran van an"), ("figure", 12e6),
           ("figure", 3e8), ("person", "le thi binh"), ("figure", 45.0), ("place", "Da Nang")]


def test_a_translation_keeps_the_anchors_in_order_but_a_shorter_report_does_not_count():
    en = with_anchors(make_analysis("en.txt", "English words."), ANCHORS)
    fr = with_anchors(make_analysis("fr.txt", "Des mots français.", language="fr"), ANCHORS)
    short = with_anchors(make_analysis("short.txt", "Des mots.", language="fr"), ANCHORS[:4])
    assert find_copies([en, fr]) == {"fr.txt": "en.txt"}
    assert find_copies([en, short]) == {}


def test_a_figure_stated_only_by_copies_is_not_corroborated():
    people = [("Tran Van An", "participant", [])]
    claim = [("exports", 2e9, "USD", "nearly", "2025", "VN")]
    wire = make_analysis("wire.txt", STORY, event_date="2026-05-04", people=people, claims=claim)
    repost = make_analysis("repost.txt", STORY + " Shared.", event_date="2026-05-04", people=people, claims=claim)
    kb = build_knowledge_base([wire, repost])
    (c,) = kb.claims
    assert (c.sources, c.independent_sources, c.status) == (2, 1, "single")
    third = make_analysis("third.txt", "Our reporter heard the same figure.", event_date="2026-05-04",
                          people=people, claims=claim)
    (c,) = build_knowledge_base([wire, repost, third]).claims
    assert (c.sources, c.independent_sources, c.status) == (3, 2, "corroborated")
