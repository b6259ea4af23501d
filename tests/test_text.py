"""Text helpers shared by the stages: the fast paths must give exactly what the plain ones give."""
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from attache.text import lower_text, to_ascii

COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def plain_ascii(text: str) -> str:
    """The definition: "đ" made "d", then every combining mark of the decomposed text dropped."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D")))

SAMPLES = [
    "Hội nghị Ngoại giao lần thứ 32 tại Hà Nội, Đà Nẵng",
    "Le ministre a présidé la conférence à Genève ; coût : 3,5 millions d'euros",
    "Straße, Æsop, ﬁnance, Ωmega, 北京, ½ and ² marks",
    "plain ASCII report of 2026",
    "",
]


def test_ascii_folding_matches_its_definition():
    for sample in SAMPLES:
        assert to_ascii(sample) == plain_ascii(sample)
    assert to_ascii("Phạm Minh Chính, Đà Nẵng") == "Pham Minh Chinh, Da Nang"


@settings(max_examples=300)
@given(st.text())
def test_ascii_folding_matches_its_definition_on_any_text(text):
    assert to_ascii(text) == plain_ascii(text)


def test_lower_text_follows_the_text_it_is_given():
    first, second = "Hà Nội MINISTRY", "Genève CONFÉRENCE"
    assert lower_text(first) == first.lower()
    assert lower_text(second) == second.lower()
    # An equal string built apart is a different object: its own lower case, not a stale one.
    assert lower_text("".join(["Hà Nội ", "MINISTRY"])) == first.lower()
