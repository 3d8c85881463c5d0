"""`check` on claims about the seed written blind (issue 16, session 43): failures of the read claim
splits (dev2, heldout, heldout2) that the rules can see, each reproduced with the real parser and rules on
sentences of our own, not the article's."""

from __future__ import annotations

from verify_helpers import negated, passage

from askisk.models import Hit, SourceRef
from askisk.verify.features import analyse
from askisk.verify.lexicon import opposite, words_match
from askisk.verify.verdict import align, best_alignment

SOURCE = SourceRef("port", "A harbour in winter", "port.md")


def _hit(text: str, rank: int = 1, dense: float = 0.7, speaker: str | None = None) -> Hit:
    return passage(text, SOURCE, rank, dense, speaker)


def test_a_negation_stops_at_but():
    """ "not too high, but acceptable" affirms "acceptable": the negation stays with what it opposes."""
    text = "“So the danger is real, although not too high, but acceptable,” Voss said."
    assert negated(text, "high") == [True]
    assert negated(text, "acceptable") == [False]
    assert negated("The plan is not cheap but effective.", "effective") == [False]
    assert negated("The talks were not quick or easy.", "easy") == [True]  # "or" carries it on
    claim = analyse("Voss described the danger as unacceptable.")
    alignment = align(claim, _hit(text, speaker="Ellen Voss"), analyse(text))
    assert ("polarity", "unacceptable", "acceptable") in [
        (m.kind, m.claim, m.source) for m in alignment.mismatches
    ]


def test_described_as_names_the_speaker_and_keeps_the_view():
    """ "Voss described the danger as unacceptable" is Voss saying the danger is unacceptable: she is the
    reporter (for the attribution check), and "described" is no word the passage must contain."""
    claim = analyse("Voss described the danger as unacceptable.")
    assert claim.reporter == "Voss"
    assert [w.lemma for w in claim.words] == ["danger", "unacceptable"]
    assert analyse("The expert called the threat acceptable.").reporter == "The expert"
    assert analyse("They called him on Monday.").reporter is None  # a call, no view told


def test_what_an_added_clause_reports_is_part_of_the_passage():
    """ "…,” Voss said, adding that the ice slows every ship": the words after "adding that" are said too, so
    a claim about them is matched against them, not only against the first quotation."""
    for who in ("Voss said", "the expert notes"):
        text = (
            f"“It is the worst winter in years,” {who}, adding that the thick ice slows every ship in port."
        )
        assert {"winter", "ice", "ship", "port"} <= {w.lemma for w in analyse(text).words}
    text = "“It is the worst winter in years,” Voss said, adding that the thick ice slows every ship in port."
    claim = analyse("Voss said that thick ice slows the ships in port.")
    assert align(claim, _hit(text, speaker="Ellen Voss"), analyse(text)).coverage >= 0.8


def test_rising_and_receding_are_opposites():
    assert opposite("recede", "rise") and opposite("decline", "grow") and opposite("worsen", "improve")
    assert words_match("aim", "goal") and words_match("shared", "common")
    claim = analyse("According to the port authority, the danger of flooding in the harbour is receding.")
    text = (
        "The danger of flooding is rising in both the harbour and the town, according to the port authority."
    )
    alignment = align(claim, _hit(text, dense=0.6, speaker="the port authority"), analyse(text))
    assert "polarity" in [m.kind for m in alignment.mismatches]


def test_a_passage_that_explains_nearly_all_of_the_claim_is_about_it():
    """ "massed" against "have amassed", at a cosine under the floor: the verbs differ in form, but every
    other piece of the claim is in the passage, so the rules may judge it (here: the directions clash)."""
    claim = analyse("Voss said smugglers have massed in the southern and western bays.")
    text = "Voss notes that smugglers have amassed in the northern and eastern bays of the harbour."
    alignment = align(claim, _hit(text, dense=0.55, speaker="Ellen Voss"), analyse(text))
    assert alignment.coverage >= 0.8 and not alignment.predicate_ok
    assert best_alignment([alignment]) is alignment
    assert {m.kind for m in alignment.mismatches} == {"polarity"}
    thin = align(analyse("Voss said smugglers prefer quiet nights."), _hit(text, dense=0.55), analyse(text))
    assert best_alignment([thin]) is None


def test_whose_forces_a_country_names_is_an_entity_to_compare():
    """ "killed by Pakistani forces" against "killed by US forces": a people's adjective and a country before
    the same kind of noun say whose it is, and clash; "in the US" stays a place, with no rival here."""
    kinds = {n.text: n.kind for n in analyse("Its leaders were killed by US forces in July 2016.").names}
    assert kinds == {"US": "origin"}
    assert [n.kind for n in analyse("Tajik militants live in the US.").names][-1] == "place"
    claim = analyse("The smugglers' leaders were killed by Pakistani forces.")
    text = "The smugglers' first leaders were killed by US forces in July 2016."
    alignment = align(claim, _hit(text), analyse(text))
    assert ("entity", "Pakistani", "US") in [(m.kind, m.claim, m.source) for m in alignment.mismatches]
    text = "The smugglers' first leaders were captured by Afghanistan's intelligence service."
    claim = analyse("The smugglers' first leaders were captured by US forces.")
    assert "entity" in [m.kind for m in align(claim, _hit(text), analyse(text)).mismatches]
