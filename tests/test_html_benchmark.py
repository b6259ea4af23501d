"""HTML main text through the real command line, scored like the ScrapingHub article benchmark."""
import json
import re
import subprocess
import sys

from conftest import SHARED, needs_shared

BENCHMARK = SHARED / "data" / "scrapinghub-article-extraction-benchmark"


@needs_shared
def test_article_bodies_of_181_news_pages_score_at_least_0_965(tmp_path):
    db, out, pred = tmp_path / "html.db", tmp_path / "export.json", tmp_path / "pred.json"
    run = [sys.executable, "-m", "attache"]
    ingest = subprocess.run([*run, "ingest", str(BENCHMARK / "html"), "--db", str(db)], capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    assert "181 added" in ingest.stdout
    assert subprocess.run([*run, "export", "--db", str(db), "-o", str(out)], capture_output=True).returncode == 0
    documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
    pred.write_text(json.dumps({d["id"].removesuffix(".html.gz"): {"articleBody": d["text"]} for d in documents}))
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score_articles.py"),
                             str(BENCHMARK / "ground-truth.json"), str(pred)], capture_output=True, text=True)
    f1 = float(re.search(r"f1 ([\d.]+)", scored.stdout).group(1))
    # 0.965 is trafilatura alone with these settings: the fast path must not do worse than what it skips
    assert f1 >= 0.965, scored.stdout
