"""Session 66 (issue 15): shapes read on the session-65 blind page set (s192ab-s197ab), once it had been
measured, each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, not copied from a page."""

from __future__ import annotations

import pytest
from conftest import HARBOR_LEAD as LEAD
from conftest import attribution_of as _one
from conftest import attributions, misparsed


def test_an_office_in_man_does_not_make_a_woman_a_he():
    quote = '"We back this agreement, which we think is a real step toward peace on the water," she said.'
    body = (
        LEAD
        + "President Obama defended the harbor agreement on Sunday.\n\n"
        + "California Sen. Dianne Reyes, chairman of the Senate Ports Committee, offered what looked like "
        + "the plainest support of anyone for the deal.\n\n"
        + quote
        + "\n"
    )
    assert attributions(body)[quote] == ("Sen. Dianne Reyes", "quote")


def test_an_office_in_man_and_a_census_first_name_that_disagree_leave_a_he_open():
    said = (
        'Critics should show proof for their claims and stop using loose words like "maybe" and "perhaps", '
        "he told reporters."
    )
    body = (
        LEAD
        + "Tom Hale, a shipping expert who has studied the port's accounts, said he saw no proof in the "
        + "audit that the town was to blame.\n\n"
        + "Speaking in Salem, port spokesman Lu Ortiz repeated that the town opposed the fees and fought "
        + "against them.\n\n"
        + said
        + "\n"
    )
    assert attributions(body)[said] == ("Lu Ortiz", "reported")


def test_a_name_after_a_dangling_and_is_the_subject_named_again():
    said = (
        "He said his top priority was cheaper tickets — and while he is no fan of subsidies, Ortiz said "
        "the port should get more money from the state."
    )
    body = (
        LEAD
        + "Tom Lund has toured every pier in the county this year.\n\n"
        + "Speaking to a group of ferry workers, Ray Ortiz stressed his long ties to the harbor, contrasting "
        + "that with Lund's career in the capital. "
        + said
        + "\n"
    )
    assert attributions(body)[said] == ("Ray Ortiz", "reported")


def test_no_comment_beside_a_clause_that_says_more_is_a_statement():
    told = (
        "Ann Reyes, a spokeswoman for the ferry line, told the Harbor Post that the line had not yet found "
        "time to study the new figures and planned no immediate comment."
    )
    assert _one(told) == ("Ann Reyes", "reported")
    assert _one("A spokesman for the ferry line said the company had no comment.") == (None, "narration")


def test_senior_figures_are_people_and_key_figures_are_numbers():
    speaker, kind = _one(
        "Senior figures in the port authority said a spring opening was simply not realistic."
    )
    assert speaker is not None and speaker.startswith("Senior figures")
    assert kind == "reported"
    assert _one("The key figures show a steady drop in ferry fares.") == (None, "narration")


def test_a_participle_after_its_noun_is_not_the_sentence_verb():
    from askisk.speakers.clause_repair import participle_read_as_root

    # the small model's parse of a page's sentence, on other words: "interviewed" the root, "said" a "dep"
    words = [
        "Residents",
        "interviewed",
        "on",
        "Harbor",
        "TV",
        "said",
        "they",
        "knew",
        "and",
        "trusted",
        "in",
        "Tom",
        "Lund",
        ",",
        "but",
        "never",
        "suspected",
        "anything",
        "wrong",
        "at",
        "the",
        "pier",
        ".",
    ]
    heads = [1, 1, 1, 4, 2, 1, 7, 5, 7, 7, 9, 12, 10, 5, 5, 16, 5, 16, 17, 16, 21, 19, 1]
    deps = [
        "nsubj",
        "ROOT",
        "prep",
        "compound",
        "pobj",
        "dep",
        "nsubj",
        "ccomp",
        "cc",
        "conj",
        "prep",
        "compound",
        "pobj",
        "punct",
        "cc",
        "neg",
        "conj",
        "dobj",
        "amod",
        "prep",
        "det",
        "pobj",
        "punct",
    ]
    tags = [
        "NNS",
        "VBD",
        "IN",
        "NNP",
        "NNP",
        "VBD",
        "PRP",
        "VBD",
        "CC",
        "VBD",
        "IN",
        "NNP",
        "NNP",
        ",",
        "CC",
        "RB",
        "VBD",
        "NN",
        "JJ",
        "IN",
        "DT",
        "NN",
        ".",
    ]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "VERB", "PRON", "VERB", "CCONJ", "VERB", "ADP",
           "PROPN", "PROPN", "PUNCT", "CCONJ", "ADV", "VERB", "PRON", "ADJ", "ADP", "DET", "NOUN",
           "PUNCT"]  # fmt: skip
    lemmas = [{"said": "say", "interviewed": "interview"}.get(w, w.lower()) for w in words]
    doc = misparsed(words, heads, deps, tags, pos, lemmas)
    participle_read_as_root(doc)
    assert doc[5].dep_ == "ROOT" and doc[0].head.i == 5
    assert (doc[1].dep_, doc[1].head.i) == ("acl", 0)
    assert doc[16].head.i == 5  # what follows the verb of saying stays its own


def test_a_closing_tag_read_as_a_participle_of_its_noun():
    from askisk.speakers.root_repair import closing_tag_as_participle

    # "…, a state-commissioned study reported Thursday.": the parser's "study" is an attribute, "reported" a
    # participle describing it
    words = [
        "Traffic",
        "at",
        "the",
        "county",
        "’s",
        "busiest",
        "piers",
        "is",
        "open",
        "to",
        "sudden",
        "storms",
        ",",
        "a",
        "state-commissioned",
        "study",
        "reported",
        "Thursday",
        ".",
    ]
    heads = [7, 0, 3, 6, 3, 6, 1, 7, 7, 8, 11, 9, 7, 15, 15, 7, 15, 16, 7]
    deps = [
        "nsubj",
        "prep",
        "det",
        "poss",
        "case",
        "amod",
        "pobj",
        "ROOT",
        "acomp",
        "prep",
        "amod",
        "pobj",
        "punct",
        "det",
        "amod",
        "attr",
        "acl",
        "npadvmod",
        "punct",
    ]
    tags = [
        "NN",
        "IN",
        "DT",
        "NN",
        "POS",
        "JJS",
        "NNS",
        "VBZ",
        "JJ",
        "IN",
        "JJ",
        "NNS",
        ",",
        "DT",
        "JJ",
        "NN",
        "VBN",
        "NNP",
        ".",
    ]
    pos = ["NOUN", "ADP", "DET", "NOUN", "PART", "ADJ", "NOUN", "AUX", "ADJ", "ADP", "ADJ", "NOUN", "PUNCT",
           "DET", "ADJ", "NOUN", "VERB", "PROPN", "PUNCT"]  # fmt: skip
    lemmas = [
        {"reported": "report", "is": "be", "piers": "pier", "storms": "storm"}.get(w, w.lower())
        for w in words
    ]
    doc = misparsed(words, heads, deps, tags, pos, lemmas)
    closing_tag_as_participle(doc)
    assert (doc[16].dep_, doc[16].tag_) == ("ROOT", "VBD")
    assert (doc[15].dep_, doc[15].head.i) == ("nsubj", 16)
    assert (doc[7].dep_, doc[7].head.i) == ("ccomp", 16)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms. Reyes then called 9-1-1 for help with the two sailors stuck on the pier.",
        "The crew then called the county sheriff office's dive team, which pulled the boat ashore.",
        "Mr. Lund called the mayor on Sunday.",
    ],
)
def test_a_telephone_call_is_no_statement(sentence):
    assert _one(sentence) == (None, "narration")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Lund called for calm.",
        "Mr. Lund called the plan a disgrace.",
        "Mr. Lund called on the mayor to resign.",
    ],
)
def test_what_someone_called_a_thing_or_a_demand_is_still_a_statement(sentence):
    assert _one(sentence) == ("Mr. Lund", "reported")


def test_a_surname_the_model_tags_a_place_is_a_person_with_a_description():
    sentence = "Anand Menon, a professor of politics at a college in Salem, said the plan would fail."
    assert _one(sentence) == ("Anand Menon", "reported")


def test_what_a_thing_was_called_after_its_article_is_a_quote():
    assert _one("On Tuesday, Reyes called the audit a “political stunt.”") == ("Reyes", "quote")


def test_as_reported_by_an_outlet_vouches_for_the_sentence():
    sentence = (
        "As previously reported by Harbor TV, Reyes considered the unverified memo prepared by Lund to be so "
        "important that she briefed the council on it."
    )
    assert _one(sentence) == ("Harbor TV", "reported")


def test_a_verb_of_saying_after_a_subordinate_clause_is_that_clause_subjects():
    sentence = (
        "The ferry pass had won approval from the harbor board last year before the board backtracked and "
        "said the approval had been given in error."
    )
    assert _one(sentence) == (None, "narration")


def test_a_relative_clause_that_vouches_for_its_noun_leaves_the_sentence_the_writers():
    sentence = "The board gave no date for the grant, which the Harbor Post says would run for two years."
    assert _one(sentence) == (None, "narration")


def test_identifying_oneself_is_no_statement():
    sentence = (
        "A woman on the pier identified herself as Ann Reyes, the sailor who had vanished a decade ago."
    )
    assert _one(sentence) == (None, "narration")


def test_an_unquoted_block_signed_by_a_person_is_reported():
    block = "I stand by every word I said. I will not resign. — Ann Reyes, mayor of Salem"
    body = LEAD + "Mayor Ann Reyes refused to step down on Monday.\n\n" + block + "\n"
    got = attributions(body)
    assert got["I stand by every word I said."] == ("Mayor Ann Reyes", "reported")


def test_a_clause_after_the_quotation_that_says_when_is_not_counted():
    sentence = 'Reyes said "thank you very much" before guards walked her out of the hall.'
    assert _one(sentence) == ("Reyes", "quote")


def test_a_first_name_in_apposition_to_a_kin_noun_takes_the_owners_surname():
    said = "Reyes's oldest son, Eric, said on Tuesday that he was closing his charity after complaints."
    body = (
        LEAD
        + "The fund is under review by state Attorney General Eric Dunn, the council said.\n\n"
        + said
        + "\n"
    )
    assert attributions(body)[said] == ("Eric Reyes", "reported")
    # a his/her owner gives no surname, and a mother or a wife may not share it
    assert _one("His older brother, Ray, sobbing, told mourners, “Tom was my hero.”") == ("Ray", "quote")
    assert _one("Lund's mother, Amy, said the family was grateful for the help.") == ("Amy", "reported")
