from attache.model import ClaimMention
from attache.reconcile import reconcile_claims
from attache.reconcile.claims import compatible

from conftest import make_analysis


def mention(value: float, qualifier: str, unit: str = "USD") -> ClaimMention:
    return ClaimMention(document="d", quote="q", start=0, end=1, value=value, unit=unit, qualifier=qualifier,
                        figure="f")


def test_opposite_hedges_on_the_same_value_conflict():
    assert not compatible([mention(25e9, "over"), mention(25e9, "nearly")])


def test_neighbouring_counts_conflict_but_rounding_does_not():
    assert not compatible([mention(59, "exactly", "count"), mention(60, "exactly", "count")])
    assert compatible([mention(786e9, "exactly"), mention(786.2e9, "exactly")])


def test_hedged_and_plain_statements_of_one_value_agree():
    assert compatible([mention(40e9, "nearly"), mention(40e9, "exactly")])
    assert compatible([mention(8, "at least", "%"), mention(8, "exactly", "%")])
    assert compatible([mention(17.6e6, "about", "people"), mention(17.5e6, "exactly", "people")])


def test_different_units_never_agree():
    assert not compatible([mention(10, "exactly", "USD"), mention(10, "exactly", "EUR")])


def test_status_per_indicator_period_and_scope():
    a = make_analysis("a.txt", claims=[("fdi_registered", 40e9, "USD", "nearly", "2024", "VN"),
                                       ("exports", 3.7e9, "USD", "about", "2024", "Nghe An"),
                                       ("foreign_affairs_activities", 59, "count", "exactly", "2024", "VN")])
    b = make_analysis("b.txt", claims=[("fdi_registered", 40e9, "USD", "exactly", "2024", "VN"),
                                       ("foreign_affairs_activities", 60, "count", "exactly", "2024", "VN"),
                                       ("fdi_registered", 36e9, "USD", "exactly", "2023", "VN")])
    claims = {(c.indicator, c.period): c for c in reconcile_claims("E", [a, b])}
    assert claims[("fdi_registered", "2024")].status == "corroborated"
    assert claims[("fdi_registered", "2024")].sources == 2
    assert claims[("foreign_affairs_activities", "2024")].status == "conflicting"
    assert claims[("exports", "2024")].status == "single"
    assert claims[("fdi_registered", "2023")].status == "single"


def test_one_mention_per_source_quoting_its_sentence():
    text = "Exports reached 5 billion USD. Exports reached 5 billion USD again."
    a = make_analysis("a.txt", text, claims=[("exports", 5e9, "USD", "exactly", "2024", "VN"),
                                             ("exports", 5e9, "USD", "exactly", "2024", "VN")])
    (claim,) = reconcile_claims("E", [a])
    assert len(claim.mentions) == 1
    m = claim.mentions[0]
    assert text[m.start:m.end] == m.quote


def test_majority_value_and_hedge_lead():
    docs = [make_analysis(f"{i}.txt", claims=[("gdp_growth_target", 8, "%", q, "2025", "VN")])
            for i, q in enumerate(["at least", "exactly", "at least"])]
    (claim,) = reconcile_claims("E", docs)
    assert claim.qualifier == "at least"
    assert claim.status == "corroborated"


def test_precision_as_written_sets_how_far_a_hedge_reaches():
    assert not compatible([mention(38.5e9, "about"), mention(39e9, "over")])
    assert compatible([mention(40e9, "about"), mention(39e9, "over")])
    assert compatible([mention(40e9, "nearly"), mention(38.5e9, "about")])
    assert compatible([mention(170, "over", "count"), mention(170, "exactly", "count")])
    assert not compatible([mention(-3.2, "exactly", "%"), mention(-3.5, "exactly", "%")])
