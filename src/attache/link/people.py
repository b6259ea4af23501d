"""One person per identity across documents and spellings.

The identity key is the folded ASCII name, so "Phạm Minh Chính" and
"Pham Minh Chinh" meet; the written forms with diacritics become aliases.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Analysis, Person, PersonMention, TitleRecord
from ..text import fold
from .keys import slug

_ROLE_RANK = {"participant": 2, "mentioned": 1, "author": 0}


def document_date(analysis: Analysis) -> str | None:
    """The date a document speaks for: its event's day, else its publication."""
    return analysis.timing.event_date or analysis.document.published


def link_people(analyses: list[Analysis]) -> tuple[list[Person], dict[tuple[str, str], str]]:
    """People across documents, and a map (document id, folded name) -> person id."""
    mentions: dict[str, list[tuple[Analysis, PersonMention]]] = defaultdict(list)
    for analysis in analyses:
        for mention in analysis.people:
            key = fold(mention.name)
            if key:
                mentions[key].append((analysis, mention))
    _merge_given_names(mentions)
    people: list[Person] = []
    index: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for key, found in mentions.items():
        person = _person(found, taken)
        taken.add(person.id)
        people.append(person)
        for analysis, mention in found:
            index[(analysis.document.id, fold(mention.name))] = person.id
    people.sort(key=lambda p: (-_ROLE_RANK[p.role], -len(p.documents), p.name))
    return people, index


def _merge_given_names(mentions: dict[str, list[tuple[Analysis, PersonMention]]]) -> None:
    """"Mai Anh" or "Chinh" alone is the one known full name ending with it, if only one does.

    Vietnamese reports name a person by the given name after the full name
    once; only an unambiguous full name takes the short one over.
    """
    full = [k for k in mentions if k.count(" ") >= 2]
    for key in [k for k in mentions if k.count(" ") <= 1]:
        owners = [f for f in full if f.endswith(" " + key)]
        if len(owners) == 1 and any(m.role != "author" for _, m in mentions[key]):
            mentions[owners[0]].extend(mentions.pop(key))


def _person(found: list[tuple[Analysis, PersonMention]], taken: set[str]) -> Person:
    names = [m.name for _, m in found]
    name = max(set(names), key=lambda n: (n.count(" "), names.count(n), n))
    pid = slug(name, words=8) or "person"
    n = 2
    while pid in taken:
        pid, n = f"{slug(name, words=8)}-{n}", n + 1
    aliases = sorted({m.text for _, m in found if m.text and m.text != name})
    documents = list(dict.fromkeys(a.document.id for a, _ in found))
    role = max((m.role for _, m in found), key=_ROLE_RANK.__getitem__)
    return Person(id=pid, name=name, aliases=aliases, titles=_titles(found), role=role, documents=documents)


def _titles(found: list[tuple[Analysis, PersonMention]]) -> list[TitleRecord]:
    records: dict[tuple[str, str | None], TitleRecord] = {}
    for analysis, mention in found:
        date = document_date(analysis)
        for t in mention.titles:
            record = records.setdefault((t.title, t.place), TitleRecord(t.title, t.place, date, until=date))
            if analysis.document.id not in record.documents:
                record.documents.append(analysis.document.id)
            if date and (record.as_of is None or date < record.as_of):
                record.as_of = date
            if date and (record.until is None or date > record.until):
                record.until = date
    return sorted(records.values(), key=lambda r: (-len(r.documents), r.as_of or "", r.title))
