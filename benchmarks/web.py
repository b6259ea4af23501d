"""Latency of the web workspace on a large knowledge base (run by hand).

    .venv/bin/python benchmarks/web.py [--documents 100000] [--db /tmp/attache-web-bench.db] [--runs 60]

Writes a synthetic database straight into the tables (no NLP pipeline, so it
takes a minute or two, not hours) with realistic proportions: four reports per
event in three languages, ~10 figures per event stated by two sources each,
five tasks, a few participants with dated titles. Then it times, in process
through the ASGI app, the event page and searches (rare and common words,
a Vietnamese name with and without diacritics) and prints the medians.
Aims: event page < 100 ms, search < 200 ms.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

from attache.store import Store
from attache.store.search import rebuild_index

DOCS_PER_EVENT = 4
CLAIMS_PER_EVENT = 10
TASKS_PER_EVENT = 5
PARTICIPANTS_PER_EVENT = 5
SENTENCES_PER_DOC = 14
INDICATORS = ("fdi_registered", "fdi_disbursed", "exports", "imports", "trade_total", "gdp_growth",
              "foreign_tourist_arrivals", "cooperation_agreements_signed", "leader_visits_abroad", "retail_sales",
              "industrial_production_growth", "electricity_output", "budget_revenue", "public_investment_disbursed")
SCOPES = ("VN", "Nghe An", "Quang Tri", "Da Nang", "Hanoi", "Ho Chi Minh City", "Can Tho", "Hai Phong")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Xuân", "Hoài", "Gia")
GIVEN = ("Nam", "Anh", "Chính", "Sơn", "Trung", "Tục", "Chiến", "Hưng", "Long", "Vinh", "Hải", "Mai", "Ngân", "Thịnh")
TITLES = ("Prime Minister", "Deputy Prime Minister", "Minister of Foreign Affairs", "Minister of Industry and Trade",
          "Vice Chairman of the Provincial People's Committee", "Secretary of the Provincial Party Committee",
          "Ambassador", "Director of the Department of Foreign Affairs")
SENTENCES = {
    "en": ("The conference reviewed the work of the sector in {y} and set the key tasks for {y1}.",
           "Foreign direct investment in {p} reached nearly {n} billion USD, an increase of {k}% over the previous year.",
           "Delegates from {p} attended online at the bridge point chaired by the provincial leaders.",
           "Exports were estimated at about {n} billion USD while imports reached {k} billion USD.",
           "The minister asked ministries and localities to speed up public investment disbursement.",
           "Economic diplomacy must serve the growth target of at least {k}% in {y1}.",
           "The sector signed over {n} cooperation agreements with partners in Asia and Europe.",
           "Speaking at the event, the Prime Minister praised the efforts of the diplomatic sector."),
    "fr": ("La conférence a dressé le bilan de l'année {y} et fixé les tâches prioritaires pour {y1}.",
           "Les investissements directs étrangers à {p} ont atteint près de {n} milliards de dollars.",
           "Le Premier ministre a demandé de diversifier les marchés et de renforcer le partenariat stratégique global.",
           "Les exportations sont estimées à environ {n} milliards de dollars, en hausse de {k} %.",
           "Les délégués de {p} ont participé en ligne depuis le point de pont de la province."),
    "vi": ("Hội nghị tổng kết công tác năm {y} và triển khai nhiệm vụ năm {y1} của ngành ngoại giao.",
           "Vốn đầu tư trực tiếp nước ngoài vào {p} đạt gần {n} tỷ USD, tăng {k}% so với năm trước.",
           "Kim ngạch xuất khẩu ước đạt khoảng {n} tỷ USD, nhập khẩu đạt {k} tỷ USD.",
           "Thủ tướng yêu cầu bảo đảm cung ứng đủ điện cho sản xuất, kinh doanh và tiêu dùng.",
           "Đại biểu tỉnh {p} dự hội nghị trực tuyến tại điểm cầu của tỉnh."),
}
LANGUAGES = ("en", "en", "fr", "vi")


def _sentence_pool(rng: random.Random, language: str, size: int = 600) -> list[str]:
    pool = []
    for _ in range(size):
        y = rng.randint(2015, 2026)
        pool.append(rng.choice(SENTENCES[language]).format(
            y=y, y1=y + 1, p=rng.choice(SCOPES), n=rng.randint(2, 900) / 10, k=rng.randint(1, 40)))
    return pool


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def generate(path: Path, documents: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pools = {lang: _sentence_pool(rng, lang) for lang in SENTENCES}
    events = documents // DOCS_PER_EVENT
    people = max(events // 5, 50)
    with Store(path) as store:
        db = store.db
        with db:
            names = [_name(rng) for _ in range(people)]
            person_ids = [f"p{i}-{_ascii_id(n)}" for i, n in enumerate(names)]
            db.executemany("INSERT INTO people VALUES (?,?,?,?,?,?)",
                           [(pid, _ascii(n), "participant", json.dumps([n], ensure_ascii=False), "[]", i)
                            for i, (pid, n) in enumerate(zip(person_ids, names))])
            db.executemany("INSERT INTO person_titles VALUES (?,?,?,?,?,?)",
                           [(pid, rng.choice(TITLES), rng.choice((None, *SCOPES[1:])),
                             f"{rng.randint(2015, 2026)}-01-0{rng.randint(1, 9)}", "[]", j)
                            for pid in person_ids for j in range(rng.randint(1, 3))])
            for e in range(events):
                _write_event(db, rng, e, pools, person_ids)
            rebuild_index(db)


def _write_event(db, rng: random.Random, e: int, pools: dict[str, list[str]], person_ids: list[str]) -> None:
    year = rng.randint(2015, 2026)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    event_id = f"E-{date}-{e}"
    doc_ids, texts = [], []
    for d, language in enumerate(LANGUAGES):
        doc_id = f"{e:06d}-{d}-{language}.txt"
        text = "\n".join(rng.sample(pools[language], SENTENCES_PER_DOC))
        analysis = {"document": {"captions": []}, "figures": [], "dates": [], "places": [], "people": []}
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (doc_id, f"https://news.example/{doc_id}", f"h{e}-{d}", language,
                    text.split("\n", 1)[0][:120], date, f"https://news.example/{doc_id}", text,
                    json.dumps(analysis), "2026-01-01T00:00:00+00:00"))
        doc_ids.append(doc_id)
        texts.append(text)
    participants = rng.sample(person_ids, PARTICIPANTS_PER_EVENT)
    db.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
               (event_id, date, rng.choice(("conference", "meeting", "visit")), "CONSULT",
                f"Conference to review the work of {year - 1} and the tasks for {year} ({e})", rng.choice(SCOPES[4:]),
                participants[0], json.dumps(participants), json.dumps(rng.sample(SCOPES[1:4], 2)), e))
    db.executemany("INSERT INTO event_documents VALUES (?,?,?)", [(event_id, d, j) for j, d in enumerate(doc_ids)])
    for c in range(CLAIMS_PER_EVENT):
        claim_id = f"C-{e}-{c}"
        value = rng.randint(1, 900) * 1e8
        status = rng.choices(("corroborated", "single", "conflicting"), (5, 4, 1))[0]
        db.execute("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   (claim_id, event_id, rng.choice(INDICATORS), value, "USD", "about", str(year - 1),
                    rng.choice(SCOPES), status, 0, 2 if status == "corroborated" else 1, c))
        for j, d in enumerate(rng.sample(range(DOCS_PER_EVENT), 2)):
            text = texts[d]
            start = rng.randrange(0, max(len(text) - 120, 1))
            start = text.rfind("\n", 0, start) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            quote = text[start:end]
            db.execute("INSERT INTO claim_mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (claim_id, doc_ids[d], quote, start, end, value, "USD", "about", quote[:12], j))
    db.executemany("INSERT INTO tasks VALUES (?,?,?,?)",
                   [(event_id, n + 1, rng.choice(pools["en"]), json.dumps(doc_ids[:1])) for n in range(TASKS_PER_EVENT)])


def _ascii(name: str) -> str:
    from attache.text import to_ascii
    return to_ascii(name)


def _ascii_id(name: str) -> str:
    return _ascii(name).lower().replace(" ", "-")


def _median_ms(client, urls: list[str]) -> tuple[float, float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/attache-web-bench.db"))
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--regenerate", action="store_true", help="Write a fresh database even if --db exists.")
    args = parser.parse_args()
    if args.regenerate or not args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        generate(args.db, args.documents)
        print(f"generated {args.documents} documents in {time.perf_counter() - started:.0f} s -> {args.db}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from attache.web import create_app

    client = TestClient(create_app(args.db))
    with Store(args.db) as store:
        counts = {t: store.count(t) for t in ("documents", "events", "claims", "people")}
        event_ids = [r[0] for r in store.db.execute("SELECT id FROM events ORDER BY random() LIMIT ?", (args.runs,))]
    print("database:", ", ".join(f"{n} {t}" for t, n in counts.items()))
    client.get(f"/events/{event_ids[0]}")  # warm the template cache
    results = {"event page": _median_ms(client, [f"/events/{e}" for e in event_ids])}
    queries = {"search, rare words": ["Hoàng Văn Nam", "hoang van nam", "partenariat stratégique global",
                                      "Đặng Thanh Sơn", "dang thanh son"],
               "search, common words": ["conference", "FDI Nghe An", "xuất khẩu", "exportations", "hội nghị"]}
    for label, words in queries.items():
        urls = [f"/search?q={w}" for w in words] * max(args.runs // len(words), 1)
        results[label] = _median_ms(client, urls)
        results[label.replace("search", "api search")] = _median_ms(client, [f"/api/search?q={w}" for w in words]
                                                                    * max(args.runs // len(words), 1))
    for label, (median, worst) in results.items():
        print(f"{label:28s} median {median:7.1f} ms   max {worst:7.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
