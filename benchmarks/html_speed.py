"""Speed of HTML cleaning per core: pages/s of `clean_document` on real and generated news pages.

    .venv/bin/python benchmarks/html_speed.py [--pages 400] [--repeat 3] [--data DIR]

Real pages are the ScrapingHub benchmark's 181 HTML pages (median 115 KB).
Generated pages wrap the reports of `corpus.generate` in news-site markup of
our own (header and menus, breadcrumb, the article with headline, byline,
date, photo and caption, a related-stories box, tags and share links, a
sidebar, a newsletter form, a footer, inline CSS, JSON-LD and scripts), about
30–50 KB each, in four layouts: schema.org `articleBody`, a bare `<article>`,
a `<div class="story-body">` without article markup, and an older layout whose
report is lines split by `<br>`s in a plain `<div>` (the fast path leaves
those to trafilatura).

Each input is cleaned, in the same run, with the extraction of the original
release (`original_extract_html`: trafilatura alone with its full metadata
pass) and with the current one. `write_pages` is also used by
`benchmarks/ingest.py`.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402
from html_extraction import DEFAULT_DATA, load  # noqa: E402

import attache.clean as clean_module  # noqa: E402
import trafilatura  # noqa: E402
from attache.clean import clean_document  # noqa: E402
from attache.clean.html import Extracted, _config, extract_html  # noqa: E402
from attache.model import RawDocument  # noqa: E402
from attache.sources.dates import normalise_date  # noqa: E402

SECTIONS = ["World", "Politics", "Business", "Economy", "Provinces", "Diplomacy", "Trade", "Technology",
            "Culture", "Sport", "Travel", "Opinion", "Health", "Education", "Environment", "Video"]
HEADLINES = [
    "Port authority opens a second container terminal on the river delta",
    "Rice growers test drought-resistant seed in three coastal districts",
    "City council approves a night bus network for the old quarter",
    "Provincial museum reopens after two years of restoration work",
    "Exporters of cashew nuts look for buyers in northern Europe",
    "New rail link cuts the journey between the two valleys to an hour",
    "University students build a small satellite for weather research",
    "Fishing cooperatives agree on a shared cold-storage plant",
    "Hospital trial of mobile clinics reaches remote mountain villages",
    "Craft villages bring lacquer and silk to an autumn trade fair",
    "Solar farm on reclaimed salt fields begins feeding the grid",
    "Ministry publishes a draft plan for cleaner inland waterways",
]
CSS_RULES = ["body{margin:0;font-family:Georgia,serif;color:#222;background:#fff}",
             ".site-header{display:flex;align-items:center;justify-content:space-between;padding:8px 24px}",
             ".main-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}",
             ".main-nav a{display:block;padding:10px 12px;text-decoration:none;color:#0b3d5c}",
             ".article-title{font-size:2.2rem;line-height:1.2;margin:16px 0}",
             ".byline{font-size:.9rem;color:#666}.byline a{color:#0b3d5c}",
             ".article-body p{font-size:1.1rem;line-height:1.65;margin:0 0 1.1em}",
             ".related-box{border-left:4px solid #c33;padding:8px 16px;margin:24px 0;background:#f6f6f6}",
             ".sidebar .most-read li{border-bottom:1px solid #eee;padding:8px 0}",
             ".site-footer{background:#0b3d5c;color:#eee;padding:32px 24px;font-size:.85rem}",
             ".share-bar a{display:inline-block;width:32px;height:32px;border-radius:50%}",
             "@media (max-width:720px){.sidebar{display:none}.article-title{font-size:1.6rem}}"]
SCRIPT = """window.siteConfig = {{section: "{section}", pageType: "article", id: {i}, ads: {{slots: ["top", "mid",
"side"], refresh: 30}}}};
(function () {{
  var queue = window.eventQueue = window.eventQueue || [];
  function track(name, value) {{ queue.push({{name: name, value: value, at: Date.now()}}); }}
  document.addEventListener("scroll", function () {{ track("scroll", window.scrollY); }}, {{passive: true}});
  document.querySelectorAll(".share-bar a").forEach(function (link) {{
    link.addEventListener("click", function () {{ track("share", link.dataset.network); }});
  }});
  for (var n = 0; n < {n}; n++) {{ track("slot-" + n, n * 17 % 5); }}
}})();
"""


def _links(rng: random.Random, count: int, words: list[str]) -> str:
    return "".join(f'<li><a href="/{w.lower()}/{rng.randint(1000, 99999)}">{w}</a></li>'
                   for w in rng.sample(words, min(count, len(words))))


def _stories(rng: random.Random, count: int) -> str:
    return "".join(f'<li><a href="/story/{rng.randint(10000, 999999)}.html">{h}</a>'
                   f'<span class="time">{rng.randint(1, 23)} hours ago</span></li>'
                   for h in rng.sample(HEADLINES, count))


def news_page(report: RawDocument, i: int, layout: int) -> str:
    """A news page of 30–50 KB holding `report`; `layout` 0 to 3 picks the article markup (see the module doc)."""
    rng = random.Random(i)
    paragraphs = report.content.split("\n")
    headline = rng.choice(HEADLINES)
    author = f"{rng.choice(['Linh', 'Bao', 'Thanh', 'Quang', 'Hoa'])} {rng.choice(['Nguyen', 'Tran', 'Le', 'Ho'])}"
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    section = rng.choice(SECTIONS)
    lang = "fr" if " les " in report.content else "en"
    half = len(paragraphs) // 2
    related = f'<div class="related-box"><h4>Read also</h4><ul>{_stories(rng, 3)}</ul></div>'
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:half]) + related + "".join(
        f"<p>{p}</p>" for p in paragraphs[half:])
    figure = (f'<figure class="lead-photo"><img src="/img/{i}.jpg" alt="" width="960" height="540">'
              f'<figcaption>Delegates at the opening session. Photo: {author}</figcaption></figure>')
    byline = (f'<div class="byline">By <a rel="author" href="/authors/{i % 40}">{author}</a> · '
              f'<time datetime="{day}T08:{rng.randint(10, 59)}:00+07:00">{day}</time></div>')
    tags = f'<ul class="tags">{_links(rng, 5, SECTIONS)}</ul>'
    share = ('<div class="share-bar">' + "".join(f'<a data-network="{s}" href="#">{s}</a>'
                                                 for s in ("Facebook", "X", "LinkedIn", "Email")) + "</div>")
    if layout == 0:
        article = (f'<article class="story" itemscope itemtype="https://schema.org/NewsArticle">'
                   f'<header><h1 class="article-title" itemprop="headline">{headline}</h1>{byline}</header>'
                   f'{figure}{share}<div class="article-body" itemprop="articleBody">{body}</div>{tags}</article>')
    elif layout == 1:
        article = (f'<article class="post"><h1 class="article-title">{headline}</h1>{byline}{figure}'
                   f'<div class="entry-content">{body}</div>{tags}{share}</article>')
    elif layout == 2:
        article = (f'<div id="story" class="story"><h1 class="article-title">{headline}</h1>{byline}{figure}'
                   f'<div class="story-body">{body}</div>{tags}{share}</div>')
    else:
        lines = "<br><br>".join(paragraphs)
        article = (f'<div id="main-col" class="col-8"><h1 class="ttl">{headline}</h1>{byline}{figure}'
                   f'<div class="txt">{lines}</div>{related}{tags}{share}</div>')
    menu = "".join(f'<li class="menu-item"><a href="/{s.lower()}">{s}</a><ul class="sub-menu">'
                   f'{_links(rng, 6, SECTIONS)}</ul></li>' for s in SECTIONS)
    sidebar = (f'<aside class="sidebar"><section class="most-read"><h3>Most read</h3><ol>{_stories(rng, 8)}</ol>'
               f'</section><section class="latest"><h3>Latest</h3><ul>{_stories(rng, 8)}</ul></section>'
               '<form class="newsletter" action="/subscribe"><h3>Our morning briefing</h3><p>The day\'s main '
               'stories in your inbox at seven.</p><input type="email" name="email"><button>Sign up</button>'
               '</form><div class="ad-slot" id="ad-side"></div></aside>')
    footer = ('<footer class="site-footer">' + "".join(f'<div class="footer-col"><h4>{s}</h4><ul>'
                                                      f'{_links(rng, 6, SECTIONS)}</ul></div>'
                                                      for s in SECTIONS[:5]) +
              '<p class="social">Follow us: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">YouTube</a></p>'
              f'<p class="copyright">© {day[:4]} The Delta Courier. All rights reserved. Reproduction only with '
              'written permission.</p></footer>')
    json_ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "' + headline +
               '", "datePublished": "' + day + 'T08:00:00+07:00", "author": {"@type": "Person", "name": "' +
               author + '"}, "publisher": {"@type": "Organization", "name": "The Delta Courier"}}')
    styles = "\n".join(rng.sample(CSS_RULES, len(CSS_RULES)) * rng.randint(6, 30))
    more = ('<section class="more-stories"><h2>More from ' + section + '</h2>' + "".join(
        f'<div class="card"><a href="/story/{rng.randint(10000, 999999)}.html"><img src="/img/t{k}.jpg" alt="">'
        f'<h3>{h}</h3></a><p class="teaser">{rng.choice(paragraphs)[:140]}…</p></div>'
        for k, h in enumerate(rng.sample(HEADLINES, rng.randint(6, 12)))) + "</section>")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{headline} | The Delta '
            f'Courier</title><meta name="description" content="{paragraphs[0][:150]}">'
            f'<meta property="og:title" content="{headline}"><meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{day}T08:00:00+07:00">'
            f'<meta name="author" content="{author}"><link rel="stylesheet" href="/css/site.{i % 7}.css">'
            f'<style>{styles}</style><script type="application/ld+json">{json_ld}</script>'
            f'<script>{SCRIPT.format(section=section, i=i, n=rng.randint(3, 9))}</script></head><body>'
            f'<div class="top-bar"><span class="today">{day}</span><a href="/login">Log in</a>'
            f'<a class="subscribe" href="/subscribe">Subscribe</a></div><header class="site-header">'
            f'<a class="logo" href="/">The Delta Courier</a><nav class="main-nav"><ul>{menu}</ul></nav></header>'
            f'<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/{section.lower()}">{section}</a>'
            f'</li></ol><main class="layout"><div class="content">{article}</div>{sidebar}</main>{more}{footer}'
            f'<script src="/js/app.{i % 5}.js" async></script><script>{SCRIPT.format(section=section, i=i, n=2)}'
            '</script></body></html>')


def generate_pages(n: int) -> list[RawDocument]:
    """`n` generated news pages, two in five in the schema.org layout and one in five in each of the others."""
    return [RawDocument(id=f"page-{i:06d}.html", source=f"generated/{i}", media="html",
                        content=news_page(report, i, (0, 1, 0, 2, 3)[i % 5]))
            for i, report in enumerate(generate(n))]


def write_pages(folder: Path, n: int) -> Path:
    pages = folder / "generated-html"
    pages.mkdir()
    for page in generate_pages(n):
        (pages / page.id).write_text(page.content, encoding="utf-8")
    return pages


def original_extract_html(html: str) -> Extracted:
    """The extraction of the original release: trafilatura alone, with its full metadata pass."""
    doc = trafilatura.bare_extraction(html, config=_config(), with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None:
        return Extracted()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Extracted(text=doc.text or "", title=doc.title or None, published=normalise_date(doc.date),
                     authors=authors)


def rate(pages: list[RawDocument], extractor: Callable[[str], Extracted]) -> float:
    clean_module.extract_html = extractor
    try:
        start = time.perf_counter()
        for page in pages:
            clean_document(page)
        return len(pages) / (time.perf_counter() - start)
    finally:
        clean_module.extract_html = extract_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="generated pages")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    inputs = {"generated": generate_pages(args.pages)}
    if (args.data / "html").is_dir():
        inputs["scrapinghub"] = [RawDocument(id=k, source=k, content=v, media="html")
                                 for k, v in load(args.data).items()]
    for name, pages in inputs.items():
        kb = sum(len(p.content.encode()) for p in pages) / len(pages) / 1000
        rate(pages[:20], extract_html)  # warm-up: lexicons, language models
        for run in range(args.repeat):
            old, new = rate(pages, original_extract_html), rate(pages, extract_html)
            print(f"{name:<12} {len(pages)} pages, {kb:.0f} KB avg, run {run + 1}: original {old:6.1f} pages/s, "
                  f"now {new:6.1f} pages/s, ratio {new / old:.2f}", flush=True)


if __name__ == "__main__":
    main()
