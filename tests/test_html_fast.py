"""The fast path of HTML extraction: plainly laid-out pages without trafilatura, the others left to it."""
import trafilatura

from attache.clean.html import extract_html, fast_main_text

REPORT = [
    "The ferry company of the northern lakes will add two evening crossings between Brantmoor and Ivel Point "
    "from the first week of May, its director told reporters on Tuesday.",
    "The new crossings leave Brantmoor at seven and nine in the evening and take forty minutes, about ten "
    "minutes less than the afternoon boats because the new hulls are lighter.",
    "Residents of the islands have asked for later boats for years, said a spokeswoman for the council, who "
    "added that nurses and hotel staff working late shifts would gain most.",
    "Tickets keep their current price until the end of the year; the company will then review its fares with "
    "the regional transport board, as it does every winter.",
]
HEAD = ("<head><meta charset='utf-8'><title>Evening ferries for the lakes | Lakeside Herald</title>"
        "<meta property='og:title' content='Evening ferries for the lakes'>"
        "<meta property='article:published_time' content='2024-04-16T09:30:00+02:00'>"
        "<meta name='author' content='Ines Varga'><style>p{margin:0}</style>"
        "<script>var slots = ['top', 'side'];</script></head>")
CHROME_TOP = ("<header class='site'><a href='/'>Lakeside Herald</a><nav><ul><li><a href='/local'>Local</a></li>"
              "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav></header>")
CHROME_BOTTOM = ("<aside class='sidebar'><h3>Most read</h3><ul><li><a href='/a'>Harbour wall repairs begin</a></li>"
                 "<li><a href='/b'>Choir wins the spring contest</a></li></ul></aside>"
                 "<footer><p>© 2024 Lakeside Herald. All rights reserved.</p></footer>")


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


PARAGRAPHS = paragraphs(REPORT)
EXTRAS = ("<figure><img src='/f.jpg'><figcaption>The new ferry at the Brantmoor pier. Photo: Ines Varga"
          "</figcaption></figure><div class='share-tools'><a href='#'>Share</a> <a href='#'>Email</a></div>")
RELATED = ("<div class='related-stories'><h4>Read also</h4><p>The island school gets a new roof before autumn, "
           "after two years of leaks in the gym and the library.</p></div>")


def page(article: str) -> str:
    return f"<!doctype html><html>{HEAD}<body>{CHROME_TOP}<main>{article}</main>{CHROME_BOTTOM}</body></html>"


def fast(html: str) -> list[str] | None:
    body = fast_main_text(trafilatura.load_html(html))
    return None if body is None else body.paragraphs


def test_article_body_gives_the_report_without_headline_caption_share_or_related_box():
    html = page(f"<article><h1>Evening ferries for the lakes</h1>{EXTRAS}<div itemprop='articleBody'>"
                f"{paragraphs(REPORT[:2])}{RELATED}{paragraphs(REPORT[2:])}</div></article>")
    assert fast(html) is not None
    got = extract_html(html)
    assert got.text.splitlines() == REPORT
    assert (got.title, got.published, got.authors) == ("Evening ferries for the lakes", "2024-04-16", ["Ines Varga"])


def test_body_class_without_article_markup():
    html = page(f"<div class='story'><h1>Evening ferries</h1><div class='entry-content'>{PARAGRAPHS}</div></div>")
    assert fast(html) == REPORT


def test_unnamed_container_holding_the_paragraphs():
    html = page(f"<div class='col-8'><h1>Evening ferries</h1>{EXTRAS}<div class='x1'>{PARAGRAPHS}</div></div>")
    assert fast(html) == REPORT


def test_list_items_are_paragraphs_but_a_list_of_links_is_not():
    items = ("<ul><li>Two crossings at seven and nine in the evening.</li>"
             "<li>Forty minutes from Brantmoor to Ivel Point.</li></ul>")
    links = "<p><a href='/x'>Bus timetable for the summer</a> <a href='/y'>Parking at the pier</a></p>"
    html = page(f"<article>{PARAGRAPHS}{items}{links}</article>")
    assert fast(html) == REPORT + ["Two crossings at seven and nine in the evening.",
                                   "Forty minutes from Brantmoor to Ivel Point."]


def test_a_page_listing_several_posts_is_left_to_trafilatura():
    posts = "".join(f"<article><h2>Post {n}</h2><p>{text}</p><p>{text}</p></article>" for n, text in enumerate(REPORT))
    assert fast(page(posts)) is None


def test_lines_split_by_line_breaks_are_left_to_trafilatura():
    html = page(f"<div class='txt'>{'<br><br>'.join(REPORT)}</div>")
    assert fast(html) is None
    assert "evening crossings between Brantmoor and Ivel Point" in extract_html(html).text


def test_a_short_page_is_left_to_trafilatura():
    assert fast(page(f"<article><p>{REPORT[0]}</p></article>")) is None


def test_title_and_authors_from_json_ld_which_is_a_script():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"headline": "Ferries run later", '
          '"author": [{"@type": "Person", "name": "Tomas Reyl"}, {"@type": "Person", "name": "Ada Brook"}]}</script>')
    html = (f"<!doctype html><html><head><title>Lakeside Herald</title>{ld}</head><body>{CHROME_TOP}"
            f"<article>{PARAGRAPHS}</article>{CHROME_BOTTOM}</body></html>")
    got = extract_html(html)
    assert got.title == "Ferries run later"
    assert got.authors == ["Tomas Reyl", "Ada Brook"]
    assert got.text.splitlines() == REPORT


def test_a_report_with_a_table_of_figures_is_left_to_trafilatura():
    rows = "".join(f"<tr><td>Crossing at {hour}</td><td>{seats} seats</td><td>{price} crowns</td></tr>"
                   for hour, seats, price in [("seven", 240, 12), ("nine", 180, 12), ("eleven", 120, 14)] * 3)
    html = page(f"<article>{PARAGRAPHS}<table>{rows}</table></article>")
    assert fast(html) is None
    assert "240 seats" in extract_html(html).text
