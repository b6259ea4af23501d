"""Generated reports for benchmarks: fictional, varied, about 5 KB each, English and French."""
from __future__ import annotations

import random

from attache.model import RawDocument

_SURNAMES = ["Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Ngo", "Duong", "Phan", "Vu"]
_GIVEN = ["Quoc Vinh", "Thi Mai Anh", "Duc Hai", "Van Long", "Minh Tuan", "Thu Ha", "Ngoc Lan", "Hong Son"]
_PROVINCES = ["Nghe An", "Quang Tri", "Da Nang", "Can Tho", "Hai Phong", "Lao Cai", "Khanh Hoa", "An Giang"]
_EN = [
    "On the morning of {month} {day}, in Hanoi, Prime Minister {p1} chaired a conference to review the work of "
    "the {sector} sector in {y0} and set its tasks for {y1}.",
    "Also attending were Deputy Prime Minister {p2} and Vice Chairman of the Provincial People's Committee {p3} "
    "at the {prov} bridge point.",
    "In {y0}, exports reached nearly {a} billion USD, an increase of {pct}% compared to {ym}, while foreign "
    "direct investment registered was about {b} billion USD.",
    "The province attracted over {c} projects and welcomed {d} delegations of foreign partners during the year.",
    "The Prime Minister asked the sector to focus on the following three key tasks: First, open new markets. "
    "Second, improve the business climate. Third, train a professional staff.",
    "Speakers discussed logistics, digital customs, green transformation and the role of local authorities in "
    "supporting enterprises that export farm products, textiles and electronics to distant markets.",
]
_FR = [
    "Le matin du {day} {month_fr}, à Hanoï, le Premier ministre {p1} a présidé une conférence consacrée au "
    "secteur {sector_fr} en {y0} et aux tâches pour {y1}.",
    "En {y0}, les exportations ont atteint près de {a} milliards de dollars, soit une hausse de {pct} % par "
    "rapport à {ym}.",
    "Les délégués ont évoqué la logistique, les douanes numériques et la transition verte des entreprises "
    "exportatrices de produits agricoles et textiles.",
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}"


def generate(n: int, *, seed: int = 7, size: int = 5000) -> list[RawDocument]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        french = i % 5 == 4
        y0 = rng.randint(2019, 2025)
        m = rng.randrange(len(_MONTHS))
        values = dict(month=_MONTHS[m], month_fr=_MONTHS_FR[m], day=rng.randint(1, 28), y0=y0, y1=y0 + 1,
                      ym=y0 - 1, sector=rng.choice(["trade", "diplomatic", "industry"]),
                      sector_fr=rng.choice(["commercial", "diplomatique"]), p1=_person(rng), p2=_person(rng),
                      p3=_person(rng), prov=rng.choice(_PROVINCES), a=rng.randint(10, 500),
                      b=round(rng.uniform(1, 40), 1), pct=str(round(rng.uniform(1, 40), 1)),
                      c=rng.randint(10, 300), d=rng.randint(5, 90))
        if french:
            values["pct"] = values["pct"].replace(".", ",")
        templates = _FR if french else _EN
        paragraphs: list[str] = []
        while sum(len(p) + 1 for p in paragraphs) < size:
            paragraphs.append(rng.choice(templates).format(**values))
        docs.append(RawDocument(id=f"gen-{i:06d}.txt", source=f"generated/{i}", content="\n".join(paragraphs),
                                media="text"))
    return docs
