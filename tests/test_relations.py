"""Relations: partnership levels with named partners, their year and sentence."""
from __future__ import annotations

import re

from attache.extract.places import find_places
from attache.extract.relations import find_relations
from attache.model import CleanDocument, Span, YearMention

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _relations(text: str, language: str = "en"):
    sentences = [Span(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    doc = CleanDocument(id="t", source="t", text=text, language=language, paragraphs=paragraphs, sentences=sentences)
    years = [YearMention(Span(m.start(), m.end()), int(m.group())) for m in _YEAR.finditer(text)]
    return doc, find_relations(doc, find_places(text, language), years)


def test_one_relation_per_partner_with_year_from_the_paragraph():
    text = ("Trade grew in 2022. Last year Vietnam lifted ties to a Comprehensive Strategic Partnership with "
            "Canada, Italy and Chile.\nIn 2030 more will follow.")
    doc, relations = _relations(text)
    assert [(r.partner, r.level, r.year) for r in relations] == [
        ("CA", "Comprehensive Strategic Partnership", 2022),
        ("IT", "Comprehensive Strategic Partnership", 2022),
        ("CL", "Comprehensive Strategic Partnership", 2022)]
    assert relations[0].span.cut(text).startswith("Last year Vietnam lifted ties")


def test_each_partner_takes_the_level_stated_before_it():
    text = ("In 2021 Viet Nam set up a Strategic Partnership with Egypt and a Comprehensive Partnership with "
            "Peru.")
    _, relations = _relations(text)
    assert [(r.partner, r.level, r.year) for r in relations] == [
        ("EG", "Strategic Partnership", 2021), ("PE", "Comprehensive Partnership", 2021)]


def test_french_levels_map_to_english():
    text = "En 2023, le Vietnam et le Japon ont établi un partenariat stratégique global."
    _, relations = _relations(text, "fr")
    assert [(r.partner, r.level, r.year) for r in relations] == [("JP", "Comprehensive Strategic Partnership", 2023)]
    _, relations = _relations("Le Vietnam a noué un partenariat global avec le Chili.", "fr")
    assert [(r.partner, r.level, r.year) for r in relations] == [("CL", "Comprehensive Partnership", None)]


def test_no_level_no_relation():
    _, relations = _relations("In 2020 Vietnam signed a trade deal with Kenya.")
    assert relations == []


def test_vietnamese_levels_with_partners_after_and_before_them():
    text = ("Năm 2024, Việt Nam nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện với Canada, Pháp và Ai Cập.\n"
            "Trong năm 2023, quan hệ Việt Nam - Chile được nâng cấp lên Đối tác Chiến lược, mở cửa vào Nam Mỹ.")
    _, relations = _relations(text, "vi")
    assert [(r.partner, r.level, r.year) for r in relations] == [
        ("CA", "Comprehensive Strategic Partnership", 2024), ("FR", "Comprehensive Strategic Partnership", 2024),
        ("EG", "Comprehensive Strategic Partnership", 2024), ("CL", "Strategic Partnership", 2023)]


def test_vietnamese_level_written_without_diacritics():
    _, relations = _relations("Nam 2022, Viet Nam va Peru thiet lap Doi tac Toan dien.", "vi")
    assert [(r.partner, r.level, r.year) for r in relations] == [("PE", "Comprehensive Partnership", 2022)]
