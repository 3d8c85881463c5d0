"""A description's party and qualifiers decide whom it names (issue 15, session 30): "the Republican
nominee" is not the one the text called "the Democratic presidential nominee", "GOP" is "Republican", and
"The Democratic presidential nominee says …" right after "Clinton says …" is her. Shapes met in PolNeAR
dev (AP's "The Latest" round-ups); texts written for these tests. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

OPENING = (
    "WASHINGTON (AP) — The Latest on the race between Republican Tom Barlow and Democrat Ann Kessler.\n\n"
)


def test_a_description_of_one_party_is_not_the_other_partys_description():
    democrat = (
        "The Democratic presidential nominee says they both share the belief that every child should live up "
        "to his or her potential."
    )
    republican = "The Republican nominee also outlined his cybersecurity plan on Monday."
    got = _attrs(
        OPENING
        + "Kevin Dole, the state's tax commissioner, says no one leaked the filings.\n\n"
        + f"Ann Kessler says she is thrilled to receive the endorsement. {democrat}\n\n"
        + "Tom Barlow is telling a veterans group that the military is depleted.\n\n"
        + f"{republican}\n"
    )
    assert got[democrat][0] == "Ann Kessler"
    assert got[republican][0] == "Tom Barlow"


def test_gop_and_republican_describe_the_same_person():
    gop = "The GOP nominee complained about his microphone the morning after the debate."
    got = _attrs(
        "Republican presidential nominee Tom Barlow met donors in Ohio on Friday.\n\n"
        "Ann Kessler says the economy is improving.\n\n"
        f"{gop}\n"
    )
    assert got[gop][0] == "Tom Barlow"


def test_the_one_who_spoke_just_before_is_the_qualified_description_that_follows():
    noted = "The Republican presidential nominee noted Friday that his campaign has not spent much on ads."
    got = _attrs(
        "Ann Kessler spoke in Toledo on Friday.\n\n"
        'Tom Barlow says he has "big plans" for the final month of the campaign.\n\n'
        f"{noted}\n"
    )
    assert got[noted][0] == "Tom Barlow"


def test_a_headline_verb_the_parser_gives_the_name_as_subject_is_not_part_of_the_name():
    spoke = "President Barlow said at the mosque on Monday that refugees are welcome."
    got = _attrs(f"Barlow Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\n{spoke}\n")
    assert got[spoke][0] == "President Barlow"


def test_a_one_word_outlet_keeps_its_capitalised_the():
    told = "According to The Hill, the vote was delayed."
    reported = "The Hill reported that the vote was delayed again."
    got = _attrs(f"Lawmakers met on Tuesday.\n\n{told}\n\n{reported}\n")
    assert got[told][0] == "The Hill"
    assert got[reported][0] == "The Hill"


def test_a_courtesy_title_is_dropped_once_the_full_name_is_known():
    said = "Mr. Clarke said the mines would reopen."
    got = _attrs(f"Tom Clarke bought the mines in March.\n\n{said}\n")
    assert got[said][0] == "Tom Clarke"


def test_names_joined_by_and_speak_together_and_are_the_they_that_follows():
    say = "But Mr. Grassley and Mr. Leahy say other changes are needed."
    they = "The program has expanded well beyond its original intent, they say."
    countries = "India and Pakistan, for instance, said the talks had failed."
    defenders = "RT and its defenders say that the network is no more biased than any other."
    got = _attrs(
        "Senators debated the visa program on Tuesday. Sen. Charles Grassley and Sen. Patrick Leahy wrote "
        f"the bill.\n\n{say}\n\n{they}\n\n{countries}\n\n{defenders}\n"
    )
    assert got[say][0] == "Sen. Charles Grassley and Sen. Patrick Leahy"
    assert got[they][0] == "Sen. Charles Grassley and Sen. Patrick Leahy"
    assert got[countries][0] == "India and Pakistan"
    assert got[defenders][0] == "RT"


def test_a_legislators_party_label_gives_the_party_a_description_names():
    said = "The Democratic lawmaker said the caucus would meet again."
    got = _attrs(
        "Rep. Tom Hale (D-N.C.) and Rep. Mark Dole (R-Texas) met on Tuesday.\n\n"
        "Dole spoke first.\n\n"
        f"{said}\n"
    )
    assert got[said][0] == "Rep. Tom Hale"


def test_an_office_written_as_one_hyphenated_word_is_a_title():
    soleimani = "Lieutenant-General Qassem Soleimani said the war was over."
    ban = "UN Secretary-General Ban Ki-moon said so."
    pence = "Vice-President Mike Pence agreed."
    vice = '"We will win," the vice president said.'
    got = _attrs(f"Iran said the war was over.\n\n{soleimani}\n\n{ban}\n\n{pence}\n\n{vice}\n")
    assert got[soleimani][0] == "Lieutenant-General Qassem Soleimani"
    assert got[ban][0] == "Secretary-General Ban Ki-moon"
    assert got[pence][0] == "Vice-President Mike Pence"
    assert got[vice][0] == "Vice-President Mike Pence"


def test_a_first_name_and_surname_labelled_an_organisation_is_a_person_and_his_he():
    said = '"I now have a clear understanding of what lives behind the words," he said.'
    opening = '(CNN)Levi Pettit, who was expelled from the university, says he\'s "deeply sorry."'
    got = _attrs(
        f'{opening} Parker Rice has also apologized, saying he had made a "horrible mistake." Pettit '
        "declined to answer questions on Wednesday, but said he now knows the words should never be "
        f"repeated. {said}\n"
    )
    assert got[said] == ("Levi Pettit", "quote")


def test_a_speaker_the_parser_hangs_on_the_place_of_a_fronted_phrase_still_speaks():
    said = (
        "Flanked at the podium by leaders who he had been meeting with at the Fairview Baptist Church in "
        "Oklahoma City, Barlow, who is white, said he planned to spend the rest of his life trying."
    )
    got = _attrs(f"Tom Barlow spoke on Wednesday.\n\n{said}\n")
    assert got[said] == ("Tom Barlow", "reported")


def test_a_title_word_the_parser_reads_as_a_preposition_still_leads_to_the_name():
    said = '"The US is not convinced that is the way to do it," said Treasury Under Secretary John Taylor.'
    got = _attrs(f"Debt relief was discussed.\n\n{said}\n")
    assert got[said] == ("John Taylor", "quote")


def test_a_question_naming_one_of_two_joint_speakers_finds_their_passages():
    from askisk.models import Source
    from askisk.speakers.corpus import analyse
    from askisk.speakers.query import speakers_in_query

    body = (
        "Senators debated the visa program on Tuesday. Sen. Charles Grassley and Sen. Patrick Leahy wrote "
        "the bill.\n\nBut Mr. Grassley and Mr. Leahy say other changes are needed.\n"
    )
    doc = analyse(Source(id="t", title="t", path="t.md", body=body), "news")
    joint = "Sen. Charles Grassley and Sen. Patrick Leahy"
    assert joint in {s.name for s in doc.speakers}
    assert joint in speakers_in_query("What did Leahy say about the program?", list(doc.speakers))


def test_according_to_two_names_cites_both_and_the_cue_names_both():
    according = "The talks failed, according to Sen. Charles Grassley and Sen. Patrick Leahy."
    countries = "India and Pakistan have both said that the talks failed."
    doc_attrs = _attrs(f"Talks were held.\n\n{according}\n\n{countries}\n")
    assert doc_attrs[according][0] == "Sen. Charles Grassley and Sen. Patrick Leahy"

    from askisk.models import Source
    from askisk.speakers.corpus import analyse

    body = f"Talks were held.\n\n{according}\n\n{countries}\n"
    doc = analyse(Source(id="t", title="t", path="t.md", body=body), "news")
    cues = {p.text: a.cue for p, a in zip(doc.passages, doc.attributions, strict=True)}
    assert cues[countries] == "India and Pakistan have said"
