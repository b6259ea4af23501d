"""Text helpers shared by the stages: the fast paths must give exactly what the plain ones give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.text import lower_text, text_to_ascii, to_ascii

SAMPLES = [
    "Hội nghị Ngoại giao lần thứ 32 tại Hà Nội, Đà Nẵng",
    "Le ministre a présidé la conférence à Genève ; coût : 3,5 millions d'euros",
    "Straße, Æsop, ﬁnance, Ωmega, 北京, ½ and ² marks",
    "plain ASCII report of 2026",
    "",
]


def test_whole_text_folding_matches_the_word_by_word_one():
    for sample in SAMPLES:
        assert text_to_ascii(sample) == to_ascii(sample)


@settings(max_examples=300)
@given(st.text())
def test_whole_text_folding_matches_on_any_text(text):
    assert text_to_ascii(text) == to_ascii(text)


def test_lower_text_follows_the_text_it_is_given():
    first, second = "Hà Nội MINISTRY", "Genève CONFÉRENCE"
    assert lower_text(first) == first.lower()
    assert lower_text(second) == second.lower()
    # An equal string built apart is a different object: its own lower case, not a stale one.
    assert lower_text("".join(["Hà Nội ", "MINISTRY"])) == first.lower()
