"""The public library API (`attache.analyze`, `attache.figures`) and `attache figures`."""
import doctest
import json
import subprocess
import sys

import attache
from attache.model import Analysis

REPORT = ("On March 3, 2026, Minister Tran Quoc Vinh said the province drew between 3 and 5 billion USD "
          "of investment and exports grew by at least 8%.")


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attache", *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


def test_docstring_examples_run():
    result = doctest.testmod(attache)
    assert result.attempted > 0 and result.failed == 0


def test_import_does_not_load_the_pipeline():
    code = "import sys, attache; print(any(m.startswith(('attache.extract', 'trafilatura')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_analyze_plain_text_round_trips():
    analysis = attache.analyze(REPORT, published="2026-03-04")
    assert analysis.document.language == "en"
    assert analysis.timing.event_date == "2026-03-03"
    assert [f.text for f in analysis.figures] == ["between 3 and 5 billion USD", "at least 8%"]
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_analyze_same_text_same_id_and_url_kept():
    assert attache.analyze(REPORT).document.id == attache.analyze(REPORT).document.id
    doc = attache.analyze(REPORT, url="https://example.org/a").document
    assert (doc.id, doc.url) == ("https://example.org/a", "https://example.org/a")


def test_analyze_reads_html_fragment():
    html = f"<div><p>{REPORT}</p><p>Officials expect nearly 40 billion USD next year.</p></div>"
    doc = attache.analyze(html).document
    assert "<" not in doc.text and "nearly 40 billion USD" in doc.text


def test_language_forced():
    assert attache.analyze("Ok 5.", language="fr").document.language == "fr"


def test_figures_every_field():
    text = "Croissance d'au moins 8 %, soit plus de 1 200 personnes et environ 2,5 millions d'euros."
    found = attache.figures(text, "fr")
    got = [(f.text, f.value, f.unit, f.qualifier, f.low, f.high) for f in found]
    assert got == [("d'au moins 8 %", 8.0, "%", "at least", 8.0, None),
                   ("plus de 1 200 personnes", 1200.0, "people", "over", 1200.0, None),
                   ("environ 2,5 millions d'euros", 2_500_000.0, "EUR", "about", None, None)]
    assert all(text[f.start:f.end] == f.text for f in found)


def test_cli_table():
    result = run_cli("figures", "--lang", "fr", "Les ventes ont atteint près de 62 milliards de dollars.")
    assert result.returncode == 0, result.stderr
    assert "près de 62" in result.stdout and "62,000,000,000" in result.stdout and "USD" in result.stdout


def test_cli_json_from_stdin():
    result = run_cli("figures", "--format", "json", "-", stdin=REPORT)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["text"], r["low"], r["high"]) for r in rows] == [
        ("between 3 and 5 billion USD", 3e9, 5e9), ("at least 8%", 8.0, None)]


def test_cli_no_figures():
    result = run_cli("figures", "nothing to count here")
    assert result.returncode == 0 and "no figures" in result.stdout


def test_figures_read_signs_halves_and_percent_words():
    text = "Output fell to -1.8 units, about -3%, then five and a half million and 3 million and a half, 2 hundred."
    got = [(f.text, f.value, f.qualifier) for f in attache.figures(text, "en")]
    assert got == [("-1.8", -1.8, "exactly"), ("about -3%", -3.0, "about"),
                   ("five and a half million", 5_500_000.0, "exactly"),
                   ("3 million and a half", 3_500_000.0, "exactly"), ("2 hundred", 200.0, "exactly")]
    assert [f.text for f in attache.figures("COVID-19 cases rose 3-5 times in 2020-2021.", "en")] == ["3-5"]
    french = attache.figures("Un million et demi d'habitants, soit vingt pour-cent, et 12 pourcents.", "fr")
    assert [(f.value, f.unit) for f in french] == [(1_500_000.0, "count"), (20.0, "%"), (12.0, "%")]


def test_figures_currency_names_and_signs():
    found = attache.figures("It paid 125 million Australian dollars, 10,000 Swiss francs and 100,000 ₭.", "en")
    assert [(f.value, f.unit) for f in found] == [(125e6, "AUD"), (10_000.0, "CHF"), (100_000.0, "LAK")]
