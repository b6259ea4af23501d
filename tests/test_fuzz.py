"""Arbitrary text and bytes through every extractor: no exception escapes, no hang, spans stay inside the text."""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.extract import analyze_document
from attache.model import RawDocument

from conftest import EXAMPLES, ROOT

FIXTURES = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
# Characters news pages are made of, plus the troublemakers: digits and separators, bidi controls,
# zero-width and combining marks, Vietnamese letters, quotes and dashes.
ALPHABET = st.sampled_from(list("0123456789 ,.;:%$€/-–\n\t()«»\"'|") + list("ÀàÂâÉéÈèÊêÔôƠơƯưĐđạảấầẩẫậ")
                           + ["\u202e", "\u200b", "\u0301", "\ufeff", "\x00"]) | st.characters()
SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def loaded_models():
    """The deadline is for hangs: loading the language model and lexicons (seconds on a busy machine) is not one."""
    for path in FIXTURES:
        analyze_document(RawDocument(id="warm", source="warm", content=path.read_text(encoding="utf-8"), media="text"))
    # Too short for the quick decision, so the model itself loads.
    analyze_document(RawDocument(id="warm", source="warm", content="Hội nghị ngoại giao, la conférence.", media="text"))


def check(content: str, media: str = "text") -> None:
    analysis = analyze_document(RawDocument(id="fuzz", source="fuzz", content=content, media=media))
    text = analysis.document.text
    for s in analysis.document.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for f in analysis.figures:
        assert text[f.start:f.end] == f.text
    for c in analysis.claims:
        assert 0 <= c.sentence.start <= c.sentence.end <= len(text)


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=3000))
def test_arbitrary_text(content):
    check(content)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decoded_leniently(data):
    check(data.decode("utf-8", "replace"))
    check(data.decode("latin-1"), media="html")


@SETTINGS
@given(st.randoms(use_true_random=False), st.sampled_from(FIXTURES))
def test_mutated_reports(rng: random.Random, path):
    """Our own pages cut, spliced, duplicated and sprinkled with noise."""
    text = path.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 8)):
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        op = rng.randrange(4)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[j:]
        elif op == 2:
            text = text[:i] + "".join(rng.choice("0123456789,.% \n") for _ in range(rng.randint(1, 40))) + text[i:]
        else:
            text = text[j:] + text[:i]
    check(text)
    check(f"<html><body><article><p>{text}</p>", media="html")
