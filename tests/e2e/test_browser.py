"""The workspace in a real headless browser (Playwright driving Debian's chromium).

Install (CI): apt-get install -y chromium && .venv/bin/pip install -e '.[test,e2e]'
`playwright install` cannot download browsers here, so the test uses /usr/bin/chromium.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
uvicorn = pytest.importorskip("uvicorn")
if not CHROMIUM.exists():
    pytest.skip(f"no browser at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
if not SEEDS.is_dir():
    pytest.skip("../shared/seeds is not beside the checkout", allow_module_level=True)

from attache.cli.ingest import ingest_paths  # noqa: E402
from attache.store import Store  # noqa: E402
from attache.web import create_app  # noqa: E402

SEEDS_EVENT_DAY = "2025-01-06"
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "kb.db"
    with Store(path) as store:
        ingest_paths(store, [str(SEEDS), str(EXAMPLES), str(ROOT / "examples" / "trilingual")], max_bytes=2**22)
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start in 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path_factory):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def _open_seeds_event(page, server: str) -> None:
    page.goto(f"{server}/?from={SEEDS_EVENT_DAY}&to={SEEDS_EVENT_DAY}")
    page.locator("a.event-title").first.click()
    page.wait_for_url("**/events/**")


def test_event_page_and_figure_evidence(page, server, shots):
    _open_seeds_event(page, server)
    assert SEEDS_EVENT_DAY in page.locator("dl.facts").inner_text()
    assert page.locator("ul.participants li").count() >= 3
    page.screenshot(path=shots / "event.png", full_page=True)
    row = page.locator("tr.figure-row.conflicting, tr.figure-row.corroborated").first
    link = row.locator("a.figure-link")
    claim = link.get_attribute("data-claim")
    evidence = page.locator(f"#evidence-{claim}")
    assert evidence.is_hidden()
    link.click()
    evidence.wait_for(state="visible")
    quotes = evidence.locator("mark.hl-quote")
    assert quotes.count() >= 2, "a corroborated or conflicting figure has at least two sources"
    assert evidence.locator("mark.hl-figure").count() >= 2
    evidence.screenshot(path=shots / "evidence.png")
    # The evidence link opens the whole document scrolled to the sentence, highlighted.
    evidence.locator("figcaption a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("#quoted").count() == 1
    assert page.locator("mark.hl-person").count() and page.locator("mark.hl-figure").count()
    page.screenshot(path=shots / "document.png")


@pytest.mark.parametrize("language, query, expected", [
    ("en", "foreign tourist arrivals", "Foreign tourist arrivals"),
    ("fr", "partenariat stratégique", "partenariat stratégique"),
    ("vi", "Hoàng Nam", "Hoang Nam"),
    ("vi", "hoang nam", "Hoang Nam"),
])
def test_search_in_three_languages(page, server, shots, language, query, expected):
    page.goto(server + "/")
    page.fill("header input[type=search]", query)
    page.press("header input[type=search]", "Enter")
    page.wait_for_url("**/search?**")
    results = page.locator("ol.results li")
    assert results.count() >= 1, f"no result for {query!r}"
    assert expected.lower() in page.locator("ol.results").inner_text().lower()
    assert page.locator("ol.results mark.hl-match").count() >= 1
    page.screenshot(path=shots / f"search-{language}-{query.split()[0]}.png")


def test_vietnamese_documents(page, server, shots):
    """Vietnamese reports (examples/trilingual), when the extractors ingest them."""
    page.goto(f"{server}/?language=vi")
    if page.locator("a.event-title").count() == 0:
        pytest.skip("no Vietnamese document was ingested")
    for query in ("Hội nghị tổng kết", "hoi nghi tong ket"):
        page.goto(f"{server}/search?q={query}")
        assert "hội nghị" in page.locator("ol.results").inner_text().lower()
    page.screenshot(path=shots / "search-vi-documents.png")


def test_vietnamese_name_with_and_without_diacritics(page, server):
    found = []
    for query in ("Trần Quốc Vinh", "tran quoc vinh"):
        page.goto(f"{server}/search?q={query}")
        found.append(page.locator("ol.results li.person a").first.inner_text())
    assert found == ["Tran Quoc Vinh", "Tran Quoc Vinh"]


def test_person_and_indicator_pages(page, server, shots):
    _open_seeds_event(page, server)
    page.locator("ul.participants a").first.click()
    page.wait_for_url("**/people/**")
    assert page.locator("table.titles tbody tr").count() >= 1
    assert page.locator("ul.events a").count() >= 1
    page.screenshot(path=shots / "person.png", full_page=True)
    page.goto(server + "/indicators/fdi_registered")
    points = page.locator("svg a.point")
    assert points.count() >= 2
    page.screenshot(path=shots / "indicator.png", full_page=True)
    points.first.click()
    page.wait_for_url("**/claims/**")
    assert page.locator(".evidence-card").count() >= 1


def test_hostile_document_does_not_run(page, server, tmp_path):
    """Scripts in a stored document never run: the page shows them as text (CSP would block them too)."""
    page.goto(server + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_timeout(200)
    assert not dialogs
    assert "<script>" in page.locator("input[name=q]").first.input_value()


def test_screenshots_are_kept(shots):
    shutil.copytree(shots, Path(shots.parent, "latest-screenshots"), dirs_exist_ok=True)
    assert any(shots.glob("*.png"))
