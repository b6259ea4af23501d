"""One person per identity across documents and spellings.

The identity key is the folded ASCII name, so "Phạm Minh Chính" and
"Pham Minh Chinh" meet; the written forms with diacritics become aliases.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Analysis, Person, PersonMention, TitleRecord
from ..text import fold
from .keys import slug

_ROLE_RANK = {"participant": 2, "mentioned": 1, "author": 0}


def document_date(analysis: Analysis) -> str | None:
    """The date a document speaks for: its event's day, else its publication."""
    return analysis.timing.event_date or analysis.document.published


def link_people(analyses: Iterable[Analysis]) -> tuple[list[Person], dict[tuple[str, str], str]]:
    """People across documents, and a map (document id, folded name) -> person id.

    One pass over `analyses` (a stream is fine): only the mentions are kept.
    """
    mentions: dict[str, list[_Sighting]] = defaultdict(list)
    for analysis in analyses:
        doc_id, date = analysis.document.id, document_date(analysis)
        for mention in analysis.people:
            key = fold(mention.name)
            if key:
                mentions[key].append(_Sighting(doc_id, date, mention, key))
    _merge_given_names(mentions)
    people: list[Person] = []
    index: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for key, found in mentions.items():
        person = _person(found, taken)
        taken.add(person.id)
        people.append(person)
        for sighting in found:
            index[(sighting.document, sighting.key)] = person.id
    people.sort(key=lambda p: (-_ROLE_RANK[p.role], -len(p.documents), p.name))
    return people, index


class _Sighting(NamedTuple):
    document: str
    date: str | None
    mention: PersonMention
    key: str
    """The folded name it was seen under."""


def _merge_given_names(mentions: dict[str, list[_Sighting]]) -> None:
    """"Mai Anh" or "Chinh" alone is the one known full name ending with it, if only one does.

    Vietnamese reports name a person by the given name after the full name
    once; only an unambiguous full name takes the short one over.
    """
    endings: dict[str, list[str]] = defaultdict(list)
    for key in mentions:
        if key.count(" ") >= 2:
            words = key.split(" ")
            for n in (1, 2):
                endings[" ".join(words[-n:])].append(key)
    for key in [k for k in mentions if k.count(" ") <= 1]:
        owners = endings.get(key, [])
        if len(owners) == 1 and any(s.mention.role != "author" for s in mentions[key]):
            mentions[owners[0]].extend(mentions.pop(key))


def _person(found: list[_Sighting], taken: set[str]) -> Person:
    names = [s.mention.name for s in found]
    name = max(set(names), key=lambda n: (n.count(" "), names.count(n), n))
    pid = slug(name, words=8) or "person"
    n = 2
    while pid in taken:
        pid, n = f"{slug(name, words=8)}-{n}", n + 1
    aliases = sorted({s.mention.text for s in found if s.mention.text and s.mention.text != name})
    documents = list(dict.fromkeys(s.document for s in found))
    role = max((s.mention.role for s in found), key=_ROLE_RANK.__getitem__)
    return Person(id=pid, name=name, aliases=aliases, titles=_titles(found), role=role, documents=documents)


def _titles(found: list[_Sighting]) -> list[TitleRecord]:
    records: dict[tuple[str, str | None], TitleRecord] = {}
    for doc_id, date, mention, _ in found:
        for t in mention.titles:
            record = records.setdefault((t.title, t.place), TitleRecord(t.title, t.place, date, until=date))
            if doc_id not in record.documents:
                record.documents.append(doc_id)
            if date and (record.as_of is None or date < record.as_of):
                record.as_of = date
            if date and (record.until is None or date > record.until):
                record.until = date
    return sorted(records.values(), key=lambda r: (-len(r.documents), r.as_of or "", r.title))
