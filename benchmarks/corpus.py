"""Generated reports for benchmarks: fictional, varied, about 5 KB each, English and French.

Each report has a lead (date, place, people), one or two paragraphs of
figures and a body of prose drawn from varied sentences, so that its density
of figures (about 1.5 per KB) is that of real reports (the seeds have 1.2).
"""
from __future__ import annotations

import random

from attache.model import RawDocument

_SURNAMES = ["Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui", "Do", "Ngo", "Duong", "Phan", "Vu"]
_GIVEN = ["Quoc Vinh", "Thi Mai Anh", "Duc Hai", "Van Long", "Minh Tuan", "Thu Ha", "Ngoc Lan", "Hong Son"]
_PROVINCES = ["Nghe An", "Quang Tri", "Da Nang", "Can Tho", "Hai Phong", "Lao Cai", "Khanh Hoa", "An Giang"]
_EN_LEAD = [
    "On the morning of {month} {day}, in Hanoi, Prime Minister {p1} chaired a conference to review the work of "
    "the {sector} sector in {y0} and set its tasks for {y1}.",
    "Also attending were Deputy Prime Minister {p2} and Vice Chairman of the Provincial People's Committee {p3} "
    "at the {prov} bridge point.",
]
_EN_FIGURES = [
    "In {y0}, exports reached nearly {a} billion USD, an increase of {pct}% compared to {ym}, while foreign "
    "direct investment registered was about {b} billion USD.",
    "The province attracted over {c} projects and welcomed {d} delegations of foreign partners during the year.",
]
_EN_PROSE = [
    "Speakers discussed logistics, digital customs, green transformation and the role of local authorities in "
    "supporting enterprises that export farm products, textiles and electronics to distant markets.",
    "Delegates agreed that the business climate had improved, although land clearance and slow procedures "
    "still held back several projects in industrial parks along the coast.",
    "The minister said the sector would keep working closely with associations so that small firms can find "
    "partners abroad and meet the standards that buyers in new markets now require.",
    "Representatives of the provinces asked for clearer guidance on how to use the free trade agreements and "
    "for more training of officials who handle investment procedures.",
    "The conference also heard reports on cooperation with neighbouring countries, on the protection of "
    "citizens abroad and on the promotion of the national image through culture and tourism.",
    "Concluding the session, the chair thanked the delegates and called on every agency to turn the "
    "conclusions into concrete plans with clear deadlines and people responsible for each task.",
    "Several enterprises described how they had moved into digital sales channels and how shipping costs "
    "had changed the way they plan their deliveries over the year.",
    "The Prime Minister asked the sector to focus on the following three key tasks: First, open new markets. "
    "Second, improve the business climate. Third, train a professional staff.",
]
_FR_LEAD = [
    "Le matin du {day} {month_fr}, à Hanoï, le Premier ministre {p1} a présidé une conférence consacrée au "
    "secteur {sector_fr} en {y0} et aux tâches pour {y1}.",
]
_FR_FIGURES = [
    "En {y0}, les exportations ont atteint près de {a} milliards de dollars, soit une hausse de {pct} % par "
    "rapport à {ym}.",
]
_FR_PROSE = [
    "Les délégués ont évoqué la logistique, les douanes numériques et la transition verte des entreprises "
    "exportatrices de produits agricoles et textiles.",
    "Les représentants des provinces ont demandé des orientations plus claires sur l'usage des accords de "
    "libre-échange et une meilleure formation des agents chargés de l'investissement.",
    "Le ministre a souligné que le secteur continuerait de travailler avec les associations pour aider les "
    "petites entreprises à trouver des partenaires à l'étranger.",
    "La conférence a également entendu des rapports sur la coopération avec les pays voisins et sur la "
    "promotion de l'image nationale par la culture et le tourisme.",
    "En conclusion, le président de séance a appelé chaque organisme à traduire ces conclusions en plans "
    "concrets, assortis d'échéances et de responsables clairement désignés.",
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
        lead, figures, prose = (_FR_LEAD, _FR_FIGURES, _FR_PROSE) if french else (_EN_LEAD, _EN_FIGURES, _EN_PROSE)
        paragraphs = [t.format(**values) for t in lead + figures]
        while sum(len(p) + 1 for p in paragraphs) < size:
            paragraphs.append(rng.choice(prose))
        docs.append(RawDocument(id=f"gen-{i:06d}.txt", source=f"generated/{i}", content="\n".join(paragraphs),
                                media="text"))
    return docs
