"""Session 39 (issue 15): capitalised hyphenated names, which spaCy's small model tags as common nouns,
adjectives or verbs unless it is told their shape is a name's; checked through the real pipeline."""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline

_NAMES = ["Cordon-Ragot", "Brandt-Moreau", "Dunne-Sauer", "Perez-Lowe", "Marsh-Kettle", "Bauer-Stone"]


def test_a_hyphenated_surname_before_said_is_a_proper_noun_and_the_subject():
    for name in _NAMES:
        doc = pipeline()(f'"We are tired of waiting," {name} said.')
        token = next(t for t in doc if t.text == name)
        assert (token.tag_, token.dep_, token.head.lemma_) == ("NNP", "nsubj", "say"), name


def test_an_adjective_made_with_a_hyphen_stays_an_adjective():
    for text in ["Pro-Russian forces shelled it.", "Anglo-American ties held.", "Post-Soviet states met."]:
        assert pipeline()(text)[0].pos_ == "ADJ", text


def test_a_hyphenated_surname_confirms_without_a_first_name():
    confirmed = "Cordon-Ragot later confirmed that have not been paid for the previous three months of work."
    body = (
        "Team in crisis as riders go unpaid\n\n"
        "French champion Audrey Cordon-Ragot has spoken out about the Zaaf team, confirming the allegations "
        "that management has not paid riders since January 1.\n\n"
        '"We are in conditions that are not worthy of a pro team," Cordon-Ragot said in an interview.\n\n'
        f"{confirmed}\n"
    )
    assert _attrs(body)[confirmed] == ("Audrey Cordon-Ragot", "reported")
