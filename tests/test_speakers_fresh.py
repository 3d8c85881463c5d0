"""Attribution forms met on fresh pages (issue 15, session 9: press releases, a wire story with a photo
caption, British broadsheet copy): a photo credit glued to its caption, a document an agency only read,
a title the text gave a person ("The District Attorney"), the speaker set off by commas before a final
"told". Real spaCy model and the real pipeline; every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_photo_credit_glued_to_its_caption_does_not_hide_the_cue():
    caption = (
        "The ferry sank off the northern coast on Monday, the coast guard said.(Ana Silva/ Coast Guard "
        "Press Office photo via AP)"
    )
    got = _attrs(f"In this photo the ferry is seen leaving the harbour on Sunday. {caption}\n")
    assert got[caption] == ("Coast guard", "reported")


def test_an_agency_that_read_a_document_is_not_its_author():
    read = "Internal audit reports seen by the Gazette suggest that the mayor has planned the budget."
    got = _attrs(f"{read}\n\nA study published by the Port Institute found that fares rose.\n")
    assert got[read] == ("Internal audit reports", "reported")  # not "Gazette report"
    # a participle of making still names the author
    assert got["A study published by the Port Institute found that fares rose."][0] == "Port Institute study"


def test_a_title_the_text_gave_a_person_stands_for_that_person():
    got = _attrs(
        "Maple County District Attorney Paul Reyes today announced that a bus driver has been charged.\n\n"
        "The District Attorney identified the defendant as Mark Dunn, 40, of Riverside.\n\n"
        "Harbor County Sheriff Anna Kowalski said the driver was arrested on Friday. The Sheriff added that "
        "more arrests may follow.\n\n"
        "The Court set bail at $5,000.\n"
    )
    assert got["The District Attorney identified the defendant as Mark Dunn, 40, of Riverside."] == (
        "Paul Reyes",
        "reported",
    )
    assert got["The Sheriff added that more arrests may follow."][0] == "Anna Kowalski"
    assert got["The Court set bail at $5,000."] == (None, "narration")  # a title nobody was given


def test_a_title_nobody_was_given_is_no_one_named_before():
    got = _attrs(
        "Paul Reyes said the bus driver was charged on Monday.\n\n"
        "The Sheriff said the driver had been arrested at home.\n"
    )
    assert got["The Sheriff said the driver had been arrested at home."][0] != "Paul Reyes"


def test_the_speaker_set_off_by_commas_before_a_final_told():
    sentence = (
        "The two rebels are former generals Tomas Varga and Piet Olsen, who fled to the embassy after their "
        "farms were raided by police in Monday night's sweep, the official, who said he had met people "
        "inside the embassy, told Reuters."
    )
    got = _attrs(f"A senior official said the rebels were hiding.\n\n{sentence}\n")
    assert got[sentence] == ("Senior official", "reported")
    # an apposition of the subject itself names the same speaker
    quoted = '"The bridge will open in May," Ann Smith, director of the Harbor Trust, told reporters.'
    assert _attrs(f"{quoted}\n")[quoted][0] == "Ann Smith"


def test_a_participle_describing_its_noun_is_background():
    sentence = "The governor, still seen by many voters as a reformer, is criticised in the capital."
    got = _attrs(f"{sentence}\n")
    assert got[sentence] == (None, "narration")


def test_a_photo_caption_between_paragraphs_does_not_end_a_quotation_run():
    got = _attrs(
        "“The river is rising,” says Mara Lind, a farmer.\n\n"
        "Mara Lind at her farm near the river\n\n"
        "“We are tired. We need help.”\n"
    )
    assert got["“We are tired."] == ("Mara Lind", "quote")
    assert got["Mara Lind at her farm near the river"] == (None, "narration")


def test_a_quotation_after_a_paragraph_about_its_speaker_is_theirs():
    got = _attrs(
        "“The river is rising,” says Mara Lind, a farmer.\n\n"
        "But for Lind and her neighbours the floods are personal.\n\n"
        "“It is very hard. We need help.”\n"
    )
    assert got["“It is very hard."] == ("Mara Lind", "quote")
    # a person who never spoke before is no speaker of it
    got = _attrs("The floods came.\n\nFor Mara Lind the floods are personal.\n\n“It is very hard.”\n")
    assert got["“It is very hard.”"][0] is None


def test_a_passive_description_speaks_for_its_agent_when_by_hangs_in_the_as_phrase():
    sentence = "The recent spate of floods has been described as “alarming” by the water department."
    assert _attrs(f"{sentence}\n")[sentence] == ("Water department", "reported")


def test_a_stance_adjective_with_a_clause_speaks_for_its_subject():
    got = _attrs(
        "The Press Council is concerned the new rules would hurt local papers.\n\n"
        "The union is adamant that the law must change. The mayor was worried about the cost.\n"
    )
    assert got["The Press Council is concerned the new rules would hurt local papers."] == (
        "Press Council",
        "reported",
    )
    assert got["The union is adamant that the law must change."][1] == "reported"
    assert got["The mayor was worried about the cost."] == (None, "narration")  # no clause: no view


def test_a_teaser_title_is_no_speaker_label():
    got = _attrs(
        "The council met on Monday.\n\n"
        "Tech Enabled: The Gazette chronicles new kinds of access. Check it out here.\n\n"
        "Mayor: We will fix the roads by May.\n"
    )
    assert got["Tech Enabled: The Gazette chronicles new kinds of access."] == (None, "narration")
    assert got["Check it out here."] == (None, "narration")
    assert got["Mayor: We will fix the roads by May."][0] == "Mayor"
