"""HTML pages: main text and metadata.

The page is parsed once. Title and authors come from trafilatura's readers of
meta tags and JSON-LD, the date from htmldate's quick search (its extensive
one only when that finds nothing): trafilatura's full metadata pass (site
name, categories, tags, licence, a byline search over a copy of the whole
page, extensive date search) costs more than extracting the text.

The main text comes from a fast path when the page lays its report out
plainly: one `<article>` or `itemprop="articleBody"`, failing those an element
with a class such as `article-body` or `entry-content`, failing those the
parent of the most paragraph text, holding most of the page's paragraphs as
paragraphs. Any page the fast path is unsure of goes to trafilatura.
"""
from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_title, set_date_params
from trafilatura.settings import use_config

from ..sources.dates import normalise_date


@dataclass(slots=True)
class Extracted:
    text: str = ""
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


@cache
def _config() -> ConfigParser:
    config = use_config()
    # trafilatura's timeout uses signals, which only work in the main thread; callers may run in pools.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract_html(html: str) -> Extracted:
    """Main text (one paragraph per line) and the page's title, date and authors.

    Pages the fast path is unsure of go to trafilatura, comments left out and
    precision favoured: on the ScrapingHub article benchmark these settings
    score best (see benchmarks/html_extraction.py).
    """
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None:
        return Extracted()
    # JSON-LD is in scripts, which the fast path drops: the head is read first
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single word in the author tag is a site or a handle, not a person
    meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    # the extensive date search reads all the page's text: only for the few pages whose markup gives no date
    published = normalise_date(htmldate.find_date(tree, **set_date_params(False))
                               or htmldate.find_date(tree, **set_date_params(True)))
    body = fast_main_text(tree)
    if body is None:
        doc = trafilatura.bare_extraction(tree, config=_config(), with_metadata=False, include_comments=False,
                                          favor_precision=True)
        text = (doc.text if doc is not None else "") or ""
    else:
        text = "\n".join(body.paragraphs)
    # the byline search prunes a copy of the tree: the report's container is a much smaller copy
    meta.author = meta.author or extract_author(tree if body is None else body.container)
    meta.clean_and_trim()  # entities and spaces, as trafilatura's own metadata pass leaves them
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return Extracted(text=text, title=meta.title or None, published=published, authors=authors)


# --- main text: the fast path ---

# removed outright: never text of the report, and trafilatura drops them too when it gets the page
_DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video",
            "audio", "picture", "button", "select", "textarea", "input")
# inside the report's container, these hold captions, headlines, asides and link lists, not its paragraphs;
# a table is not skipped: its cells are loose text, so a page with a large one goes to trafilatura
_SKIPPED = frozenset({"figure", "figcaption", "aside", "nav", "footer", "header", "form", "menu", "h1"})
_PARAGRAPHS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
_ITEMS = frozenset({"li", "dd", "dt"})
_BLOCKS_INSIDE = ("div", "p", "ul", "ol", "section", "table")
_CLUTTER = re.compile(
    r"share|social|related|comment|newsletter|subscri|promo|advert|\bad[s-]|\bads?\b|caption|byline|author|"
    r"\btags?\b|recommend|sidebar|widget|popular|trending|read-?more|also|breadcrumb|signup|sponsor|outbrain|"
    r"taboola|credit|disclaimer|footer|header|nav|gallery|slideshow|carousel|photo|video|embed", re.IGNORECASE)
_WS = re.compile(r"\s+")
_MARKED = etree.XPath('//article|//*[@itemprop="articleBody"]')
# tried when no article markup fits: class names that CMSs give the report's body
_BODY_CLASS = re.compile(r"article-?body|article__body|story-?body|entry-content|post-content|post-body|"
                         r"article-content|story-content|article-?text|story-text", re.IGNORECASE)
_HAS_CLASS = etree.XPath("//*[@class]")
_MIN_TEXT = 400           # characters: shorter reports are left to trafilatura
_MIN_SHARE = 0.7          # of the page's paragraph text the container must hold
_RIVAL_SHARE = 0.2        # a second container this large makes the page a list of posts
_MAX_LOOSE = 0.1          # text outside paragraphs (divs with <br>s) the fast path would lose
_MAX_CLUTTER = 0.5        # text under clutter classes: more means the classes are not what we think


class Body(NamedTuple):
    container: HtmlElement
    paragraphs: list[str]


def fast_main_text(tree: HtmlElement) -> Body | None:
    """The report's container and paragraphs, or None when the page is not plainly laid out.

    Drops scripts, styles and embedded media from `tree` (trafilatura would as well).
    """
    etree.strip_elements(tree, *_DROPPED, with_tail=False)
    chars = {p: len(p.text_content()) for p in tree.iter("p")}
    total = sum(chars.values())
    if total < _MIN_TEXT:
        return None
    for find in (_MARKED, _named, _paragraph_parents):
        body = _body([(el, sum(chars[p] for p in el.iter("p"))) for el in find(tree)], total)
        if body is not None:
            return body
    return None


def _body(candidates: list[tuple[HtmlElement, int]], total: int) -> Body | None:
    """The best of `candidates` (containers with their paragraph characters) if it is clearly the report."""
    best, best_chars = None, 0
    for el, chars in candidates:
        # a container nested in the best one and holding nearly all of it is the tighter fit
        if chars > best_chars or (best is not None and chars >= 0.9 * best_chars and _inside(el, best)):
            best, best_chars = el, chars
    if best is None or best_chars < _MIN_SHARE * total:
        return None
    if any(chars > _RIVAL_SHARE * best_chars and el is not best and not _inside(el, best) and not _inside(best, el)
           for el, chars in candidates):
        return None
    paragraphs: list[str] = []
    lost = [len((best.text or "").strip()), 0]
    _collect(best, paragraphs, lost)
    kept = sum(len(p) for p in paragraphs)
    if kept < _MIN_TEXT or lost[0] > _MAX_LOOSE * kept or lost[1] > _MAX_CLUTTER * kept:
        return None
    return Body(best, paragraphs)


def _named(tree: HtmlElement) -> list[HtmlElement]:
    return [el for el in _HAS_CLASS(tree) if _BODY_CLASS.search(el.get("class"))]


def _paragraph_parents(tree: HtmlElement) -> list[HtmlElement]:
    return list(dict.fromkeys(p.getparent() for p in tree.iter("p")))


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _inside(el: HtmlElement, container: HtmlElement) -> bool:
    return any(parent is container for parent in el.iterancestors())


def _collect(container: HtmlElement, paragraphs: list[str], lost: list[int]) -> None:
    """Paragraphs under `container` into `paragraphs`; `lost` counts loose text and text under clutter classes."""
    for el in container:
        if isinstance(el.tag, str) and el.tag not in _SKIPPED:
            marks = f"{el.get('class') or ''} {el.get('id') or ''}"
            if marks != " " and _CLUTTER.search(marks):
                lost[1] += len(el.text_content())
            elif el.tag in _PARAGRAPHS or (el.tag in _ITEMS and next(el.iter(*_BLOCKS_INSIDE), None) is None):
                text = _norm(el.text_content())
                # a paragraph made mostly of links is a list of other stories
                if text and sum(len(_norm(a.text_content())) for a in el.iter("a")) <= 0.5 * len(text):
                    paragraphs.append(text)
            else:
                lost[0] += len((el.text or "").strip())
                _collect(el, paragraphs, lost)
        lost[0] += len((el.tail or "").strip())
