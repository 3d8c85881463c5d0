"""Session 51 (issue 15): shapes read on PolNeAR train (its first half by name, the second kept to
check on), each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, under the news convention and PolNeAR's."""

from __future__ import annotations

import pytest
from conftest import attributions as _attrs

LEAD = "The two candidates met in Ohio on Monday.\n\n"


@pytest.mark.parametrize("convention", ["news", "polnear"])
def test_a_name_after_a_closing_quote_is_the_speaker_of_an_unlisted_verb(convention):
    mused = (
        '"Imagine the two of them going up against each other on one stage," mused radio co-host Dana '
        "Whitfield."
    )
    posted = '"You should have said over their dead bodies!" posted Sharon Oakes.'
    got = _attrs(f"{LEAD}{mused}\n\n{posted}\n", convention=convention)
    assert got[mused] == ("Dana Whitfield", "quote")
    assert got[posted] == ("Sharon Oakes", "quote")


@pytest.mark.parametrize("convention", ["news", "polnear"])
def test_an_inverted_tag_names_the_speaker_with_those_who_join_him(convention):
    said = (
        "The contrast with the governor, said Doyle and others, would be clear since the governor has no "
        "former presidents by his side."
    )
    got = _attrs(f"{LEAD}{said}\n", convention=convention)
    assert got[said] == ("Doyle and others", "reported")  # no comma carried into the name


def test_a_writing_the_subject_put_out_says_what_its_author_says():
    forbes = "Forbes shot back in an article stating that New York was the billionaire capital of the world."
    named = "Smith was named in a report stating that the firm had misled its investors."
    got = _attrs(f"{LEAD}{forbes}\n\n{named}\n")
    assert got[forbes] == ("Forbes", "reported")
    assert got[named][0] != "Smith"  # a passive's subject is who the report is about


def test_a_plural_of_a_noun_is_not_the_one_its_singular_named():
    one = "About 40 rabbis have said they plan to take part in the protest, according to an organizer."
    many = "The organizers said they do not know how many rabbis will ultimately take part."
    got = _attrs(f"A group of rabbis plans to boycott the speech.\n\n{one}\n\n{many}\n")
    assert got[many] == ("Organizers", "reported")


@pytest.mark.parametrize("convention", ["news", "polnear"])
def test_a_quotation_a_verb_and_a_comma_introduce_is_its_subjects(convention):
    shot = (
        'After the governor criticized her husband during a debate, Maria Lopez shot back, "I suppose I '
        'could have stayed home, but I chose to fulfil my profession."'
    )
    literal = "The officer shot back, hitting the suspect twice."
    then = 'The crowd cheers, and then Wallace continues: "God has given this man a gift."'
    got = _attrs(f"Voters protested on Friday.\n\n{shot}\n\n{literal}\n\n{then}\n", convention=convention)
    assert got[shot] == ("Maria Lopez", "quote")
    assert got[literal] == (None, "narration")
    assert got[then] == ("Wallace", "quote")
