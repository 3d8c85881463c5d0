"""Parses the small spaCy model gets wrong on science and wire copy (issue 15, session 18), each from a
page of the s16 gold: a title read as a verb after an inverted "said", a closing "…, a new study reports."
read as a noun phrase, a place inside the speaker's own description taken for the speaker, a reduced
passive ("areas, thought to represent …") taken as the areas thinking, and a tweet's tag split from its
quotation. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.models import Source
from askisk.sources.passages import split_passages


def test_a_title_after_an_inverted_said_is_not_a_verb():
    said = (
        "Rainfall occurs everywhere on Titan, but the equatorial regions are drier than the poles, said "
        "study co-author Anezina Solomonidou, a European Space Agency research fellow."
    )
    got = _attrs(f"Scientists mapped Titan.\n\n{said}\n")
    assert got[said] == ("Anezina Solomonidou", "reported")


def test_a_closing_cue_read_as_a_plural_noun_still_names_its_source():
    reports = "Researchers have now detected one such plume's water vapor directly, a new study reports."
    plain = "Three new reports arrived in March, months after the floods."
    got = _attrs(f"Europa may have plumes.\n\n{reports}\n\n{plain}\n")
    assert got[reports] == ("New study", "reported")
    assert got[plain] == (None, "narration")


def test_a_place_inside_the_speakers_description_is_not_the_speaker():
    first = (
        "“Essential chemical elements and sources of energy are found all over the solar system. But the "
        "third — liquid water — is somewhat hard to find beyond Earth,” study lead author Lucas Paganini, "
        "a planetary scientist at NASA's Goddard Space Flight Center in Greenbelt, Maryland, and American "
        "University in Washington, D.C., said in a statement."
    )
    got = _attrs(f"Europa may have plumes.\n\n{first}\n")
    assert {v for v in got.values() if v[0] is not None} == {("Lucas Paganini", "quote")}


def test_a_reduced_passive_names_nobody():
    areas = (
        "Hilly and mountainous areas, thought to represent exposed portions of Titan's crust of water ice, "
        "represent 14 percent of the surface."
    )
    soldier = "The man, said to be a former soldier, was arrested on Monday."
    still = "The plan, said Mr. Smith, is sound."
    got = _attrs(f"Scientists mapped Titan.\n\n{areas}\n\n{soldier}\n\n{still}\n")
    assert got[areas] == (None, "narration")
    assert got[soldier] == (None, "narration")
    assert got[still] == ("Mr. Smith", "reported")


def test_a_tweets_tag_stays_with_its_quotation():
    text = (
        "“Governor @MattBevin has done a wonderful job for the people of Kentucky!” Trump tweeted before "
        "Election Day. “Matt has my Complete and Total Endorsement, and always has."
    )
    source = Source(id="t", title="t", path="t.md", body=text)
    _, passages = split_passages(source)
    assert [p.text for p in passages][0].endswith("Trump tweeted before Election Day.")
    got = _attrs(f"Kentucky voted.\n\n{text}\n")
    assert all(v == ("Trump", "quote") for k, v in got.items() if k != "Kentucky voted.")
