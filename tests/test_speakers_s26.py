"""Attribution on a shape met in the session-26 review of claims about CNN stories (issue 15): a sentence
that opens with a when-clause after a quotation, which the parser can read as the sentence's main clause.
Texts written for these tests. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_when_clause_after_a_quotation_does_not_outrank_the_main_verb():
    replied = (
        "When a reporter asked if that included dismantling the police force, Holder replied, \"If that's "
        "what's necessary then we are prepared to do that.\""
    )
    body = f'Minister Jane Holder said, "We are ready to act. And that means everything." {replied}'
    assert _attrs(body)[replied] == ("Minister Jane Holder", "quote")


def test_a_when_clause_still_leaves_its_main_clause_the_speaker():
    asked = "When asked about the report, the mayor said the city would comply."
    after = "After the meeting ended, officials said the vote would be held in May."
    witness = "When she arrived, the police had already left, a witness said."
    got = _attrs(f"The council met on Monday. {asked} {after} {witness}")
    assert got[asked][0] is not None and got[asked][0].lower().endswith("mayor")
    assert got[after] == ("Officials", "reported")
    assert got[witness] == ("Witness", "reported")
