"""Registration of people the small model half-sees (a bare surname labelled ORG or nothing, a first name
left out of the entity, a common first name's gender) and cue forms met on unseen news pages (a headline's
verb, "…, the firm's chief has told BBC News."), issue 15 session 6. Real spaCy model; every text is written
for the test, from no corpus. Also: the cue highest in the parse wins (a depth that never worked).
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_bare_surname_the_model_misses_is_the_person_already_named():
    got = _attrs(
        "Second seed Andre Agassi suffered a heavy defeat by Jurgen Melzer in the quarter-finals.\n\n"
        "Agassi was often beaten by the Austrian's drop shots, losing 6-3 6-1. But unseeded Carl Dorne beat "
        "Vincent Spade 6-2 6-4 and Tim Haus overcame Max Mirin 6-7 (2-7) 7-6 (7-3) 6-2. Melzer has now "
        "beaten Agassi in two of their three meetings.\n\n"
        '"I had a good game plan and I executed it perfectly," he said.\n'
    )
    assert got['"I had a good game plan and I executed it perfectly," he said.'][0] == "Jurgen Melzer"


def test_a_score_is_not_part_of_a_name():
    got = _attrs('Tim Haus overcame Max Mirin 6-7 (2-7) 7-6 (7-3) 6-2. "It was hard," Mirin said later.\n')
    assert got['"It was hard," Mirin said later.'][0] == "Max Mirin"


def test_a_common_first_name_gives_the_gender():
    got = _attrs('Laura Berg introduced Peter Holm at the meeting. "We have a lot to do," he said.\n')
    assert got['"We have a lot to do," he said.'][0] == "Peter Holm"


def test_a_first_name_outside_the_entity_is_part_of_the_name():
    got = _attrs(
        "Donald Rowe and Helen Price met for the second debate.\n\nIvanka Rowe said her father was ready.\n"
    )
    assert got["Ivanka Rowe said her father was ready."][0] == "Ivanka Rowe"


def test_a_headline_verb_with_a_plain_object_is_not_a_cue():
    got = _attrs("Ford reveals new models pipeline\n\nFord said it would build a new van in Cologne.\n")
    assert got["Ford reveals new models pipeline"] == (None, "narration")
    assert got["Ford said it would build a new van in Cologne."][1] == "reported"


def test_told_with_its_hearer_after_a_comma_is_a_cue():
    for sentence in (
        "Audi is preparing to enter the market for car-style people carriers, the firm's chief has told "
        "BBC News.",
        "Audi is getting ready to enter the market for luxury people carriers, the firm's chief has told "
        "BBC News.",
    ):
        speaker, kind = _attrs(sentence + "\n")[sentence]
        assert kind == "reported" and speaker is not None and speaker.endswith("chief")


def test_the_cue_highest_in_the_parse_speaks():
    # speech.depth compared spaCy tokens by identity, so every token had depth 50 and the first cue won
    got = _attrs("Critics claim the tax will hurt farmers, the minister admitted.\n")
    assert got["Critics claim the tax will hurt farmers, the minister admitted."][0] == "Minister"


def test_one_quoted_by_an_agency_speaks_not_the_agency():
    got = _attrs(
        "Oil Minister Hisham Nazer met OPEC envoys on Monday.\n\n"
        "Nazer was quoted by the SPA as saying the kingdom would keep to the accord.\n\n"
        "The claim was denied by Shepherd, who called it false.\n"
    )
    assert got["Nazer was quoted by the SPA as saying the kingdom would keep to the accord."][0].endswith(
        "Hisham Nazer"
    )
    assert (
        got["The claim was denied by Shepherd, who called it false."][0] == "Shepherd"
    )  # agents still speak


def test_plural_documents_with_a_determiner_or_a_modifier_speak_and_bare_reports_do_not():
    got = _attrs(
        "Oil prices fell on Monday.\n\n"
        "Industry reports estimated the group was producing one million barrels above its ceiling.\n\n"
        "The documents said peso proceeds can be invested in selected industries.\n\n"
        "According to reports, prices will rise again.\n"
    )
    assert got[
        "Industry reports estimated the group was producing one million barrels above its ceiling."
    ] == (
        "Industry reports",
        "reported",
    )
    assert got["The documents said peso proceeds can be invested in selected industries."][1] == "reported"
    assert got["According to reports, prices will rise again."] == (None, "narration")


def test_the_role_noun_is_the_unnamed_one_it_introduced_not_the_person_named_beside_it():
    got = _attrs(
        "Chancellor Nigel Lawson has told the minister that the debt is a matter for the banks, a Treasury "
        "spokesman said.\n\n"
        "The spokesman said the Chancellor had stressed the need for a convincing programme.\n\n"
        "He added an accord with the fund could help.\n"
    )
    assert got["The spokesman said the Chancellor had stressed the need for a convincing programme."] == (
        "Treasury spokesman",
        "reported",
    )
    assert got["He added an accord with the fund could help."] == ("Treasury spokesman", "reported")
