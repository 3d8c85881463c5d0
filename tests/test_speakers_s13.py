"""Forms met on unseen news pages (issue 15, session 13; found on gold_s13 after its one unseen
measurement): AP's doubled closing marks, a cue the parser reads as a noun with a participle, an embedded
post and its signature line, an explainer's question subheads, an organisation's name cut by the entity
model, a generational suffix and a "he" in a relative clause. Real spaCy model and the real pipeline;
every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_doubled_single_marks_close_a_quotation():
    first = "“It was a trick to fool the voters,’’ Ann Reyes told the radio on Tuesday."
    second = "“And it is wrong for a party to behave that way.”"
    got = _attrs(f"Several groups cried foul on Monday.\n\n{first} {second}\n")
    assert got[first] == ("Ann Reyes", "quote")
    assert got[second] == ("Ann Reyes", "quote")


def test_a_cue_read_as_a_noun_with_a_participle_still_names_its_speaker():
    said = (
        '"Climbing the stairs to bed was a 30 min[ute] job as I could manage only two steps at a time," '
        "the patient described in the case report."
    )
    got = _attrs(f"The man went back to his doctor.\n\n{said}\n")
    assert got[said] == ("Patient", "quote")


def test_an_embedded_post_is_its_signers_and_a_label_above_a_picture_is_not():
    post = "I can’t thank the coach enough for everything he has done for me and for the club."
    label = "Club statement"
    got = _attrs(
        "The harbour club named a new coach on Tuesday.\n\n"
        f"{label}\n\n"
        "— Harbour Rovers (@HarbourRovers) March 3, 2024\n\n"
        f"{post}\n\n"
        "— Tom Reyes (@tomreyes) March 4, 2024\n"
    )
    assert got[post] == ("Tom Reyes", "quote")  # verbatim, marks or not (session 15; was "reported")
    assert got[label] == (None, "narration")


def test_explainer_subheads_with_their_own_voices_are_no_interview():
    facts = "The mayor faces a charge of fraud in the regional court."
    got = _attrs(
        "The harbour inquiry has been closed by the city's prosecutors.\n\n"
        "What did the prosecutors say?\n\n"
        "Chief prosecutor Ann Reyes said the evidence had weakened over the years.\n\n"
        "What has the reaction been?\n\n"
        "The mayor's lawyer, Tom Marsh, said the decision came far too late.\n\n"
        "What charges does the mayor face?\n\n"
        f"{facts}\n"
    )
    assert got[facts] == (None, "narration")


def test_an_organisation_name_cut_after_a_preposition_runs_on():
    said = (
        "A Toledo man pleaded guilty to charges he threatened a judge, the U.S. Attorney’s Office for the "
        "Northern District of Ohio announced Monday."
    )
    got = _attrs(f"{said}\n")
    assert got[said][0] is not None and got[said][0].endswith("Ohio")


def test_a_he_in_a_relative_clause_is_the_sentences_subject_and_a_suffix_is_no_surname():
    said = (
        "Reyes was arrested in May for a call he reportedly made to Marsh’s office, in which he said the "
        "harbour board should resign."
    )
    body = (
        "Tom Reyes Jr., 55, pleaded guilty to threatening Councillor Dana Marsh, officials said Monday.\n\n"
        f"{said}\n"
    )
    # the he of "in which he said" read as a speaker (PolNeAR's convention; under the news line a relative
    # clause's speech leaves the sentence to the writer, session 41)
    assert _attrs(body, convention="polnear")[said] == ("Tom Reyes Jr.", "reported")
    assert _attrs(body)[said] == (None, "narration")


def test_an_it_in_a_relative_clause_is_the_organisation_the_sentence_is_about():
    said = "The Harbour Union, however, claimed the blockade, which it said would last a week."
    got = _attrs(f"The ferries stopped on Monday, the Port Authority said in a statement.\n\n{said}\n")
    assert got[said] == ("Harbour Union", "reported")


def test_an_interviewers_q_line_is_a_question_whatever_its_form():
    from askisk.models import Source
    from askisk.sources.passages import split_passages

    _, passages = split_passages(
        Source(
            id="t",
            title="t",
            path="t.md",
            body=(
                "QWhat would have happened to the ferries?\n\n"
                "A: I think they would have stopped.\n\n"
                "Q: But this is the harbour's big moment, right?\n\n"
                "The harbour is quiet?\n"
            ),
        )
    )
    kinds = {p.text: p.kind for p in passages}
    assert kinds["QWhat would have happened to the ferries?"] == "heading"
    assert kinds["Q: But this is the harbour's big moment, right?"] == "heading"
    assert kinds["The harbour is quiet?"] == "body"
