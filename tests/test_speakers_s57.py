"""Session 57 (issue 15): shapes read on the AllSides pages s126ab-s130ab, each checked through the real
pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the test, not
copied from a page."""

from __future__ import annotations

from conftest import attributions as _attrs

LEAD = "The harbor council met on Monday to vote on the ferry budget.\n\n"


def _one(sentence: str, lead: str = LEAD) -> tuple[str | None, str]:
    return _attrs(f"{lead}{sentence}\n")[sentence]


def test_a_surname_the_tagger_reads_as_a_noun_still_keeps_its_person_in_view():
    # "Tolks escaped …" opens a sentence with an unfamiliar surname the tagger calls a common noun; the
    # person it names is the one the next "he said" stands for, not the prime minister who spoke before
    body = (
        'Harbor attack\n\nPrime Minister Helle Strand-Moe called the shooting "a cynical act".\n\n'
        "Police said the target was Lars Tolks, 68, who has faced several threats.\n\n"
        "Tolks escaped unharmed after a guard pulled him into the kitchen.\n\n"
        '"What other motive could there be? It was planned," he said.\n'
    )
    got = _attrs(body)
    assert got['It was planned," he said.'] == ("Lars Tolks", "quote")


def test_a_name_set_beside_one_of_the_organizers_is_a_person_for_she():
    # the small model labels the name an organisation; "one of the organizers" makes it a person
    body = (
        "Harbor attack\n\n"
        '"I heard someone shouting," Niels Ivar Brekke, one of the speakers, told the radio.\n\n'
        "Karin Merete Holt, one of the organizers of the concert, told NRK radio that the artist ran "
        "to the kitchen.\n\n"
        '"He was very calm," she said. "We stood and waited."\n'
    )
    got = _attrs(body)
    assert got['"He was very calm," she said.'] == ("Karin Merete Holt", "quote")
    assert got['"We stood and waited."'] == ("Karin Merete Holt", "quote")


def test_a_her_in_a_descriptions_own_clause_gives_the_described_man_no_gender():
    # "a captain … who knows her": the "her" is someone else; the captain is the "he" who speaks next
    body = (
        "Ferry dispute\n\n"
        "Mayor Karin Dahl told the council on Monday that she was to blame for the delay.\n\n"
        "Still, the news has surprised Bruce Olsen, a veteran ferry captain in Tromso who knows her from "
        "meetings.\n\n"
        '"I have always thought highly of her," he said. "It did not fit."\n'
    )
    got = _attrs(body)
    assert got['"I have always thought highly of her," he said.'] == ("Bruce Olsen", "quote")


def test_a_lead_in_naming_one_writer_gives_the_quoted_paragraphs_to_that_writer():
    body = (
        "Ferry dispute\n\nThe harbor chief, Anton Berg, told the council on Monday that he was to blame for "
        "the delay.\n\n"
        "On the other hand, something written last week by Nora Quist, a columnist who knows the port well, "
        "is worth a look:\n\n"
        '"Only a chief lacking all sense would cling to his post after such a season.\n\n'
        '"No one has done more harm to the ferry than he has."\n'
    )
    got = _attrs(body)
    quoted = [
        '"Only a chief lacking all sense would cling to his post after such a season.',
        '"No one has done more harm to the ferry than he has."',
    ]
    assert [got[q] for q in quoted] == [("Nora Quist", "quote")] * 2


def test_what_a_group_says_someone_believes_is_the_groups_account():
    sentence = "Friends and former aides say Mr. Lund does not believe he was chosen to run the port again."
    assert _one(sentence) == ("Friends and former aides", "reported")


def test_concluding_a_visit_is_an_act_and_concluding_that_is_a_finding():
    assert _one("The envoy concluded her tour of the region with a visit to the old port.") == (
        None,
        "narration",
    )
    assert _one("The panel concluded that the ferry plan had failed.") == ("Panel", "reported")


def test_someone_caught_saying_something_said_it():
    assert _one("The mayor was caught saying the vote was rigged.")[1] == "reported"


def test_an_inverted_point_out_names_its_speaker_after_the_particle():
    sentence = (
        "Everyone understands the port, point out Harbor Weekly columnist Ann Reyes on Tuesday in the Ledger."
    )
    assert _one(sentence) == ("Ann Reyes", "reported")


def test_a_video_caption_kept_with_its_close_button_is_nobodys_words():
    caption = 'CLOSE Mayor Lund says, "We will run the ferry all winter."'
    body = f"{LEAD}{caption} NEWS 12\n\nThe ferry will run all winter, the mayor said.\n"
    got = _attrs(body)
    assert got[caption] == (None, "narration")
    assert got["The ferry will run all winter, the mayor said."][1] == "reported"


def test_rejecting_a_thing_is_a_decision_and_rejecting_a_claim_is_an_answer():
    assert _one("A number of ports have already rejected ferry applications from the company.") == (
        None,
        "narration",
    )
    assert _one("The judge rejected the defense argument that the captain was provoked.") == (
        "Judge",
        "reported",
    )


def test_the_official_after_an_unnamed_adviser_spoke_is_that_adviser():
    body = (
        "Ferry dispute\n\n"
        "Mayor Anton Berg has said the ferry will run all winter. "
        "He has repeatedly said the port needs money.\n\n"
        "A harbor board adviser told reporters on Monday that the new boat was delayed.\n\n"
        "According to the adviser, the delay had been expected. The adviser, who asked not to be named, "
        "said there was no need to change the timetable.\n\n"
        'The official said that had it been a longer delay, "other boats would have been hired."\n'
    )
    got = _attrs(body)
    sentence = 'The official said that had it been a longer delay, "other boats would have been hired."'
    assert got[sentence] == ("Harbor board adviser", "quote")


def test_a_name_set_right_after_its_description_is_the_speaker():
    sentence = "The Greek newspaper Kathimerinos recently reported that the ferry lost money all winter."
    assert _one(sentence) == ("Kathimerinos", "reported")


def test_a_ruling_in_an_after_clause_the_parser_made_the_root_is_the_scene():
    sentence = (
        "The county began a series of votes on the ferry law, after an appeals court ruled that the old "
        "ban was unconstitutional."
    )
    assert _one(sentence) == (None, "narration")


def test_an_interactive_teaser_is_a_link_not_a_speaker():
    teaser = "Interactive: Who is running for harbor mayor in 2020?"
    got = _attrs(f"{LEAD}The mayor said the ferry will run.\n\n{teaser}\n\nThe council meets in June.\n")
    assert got[teaser] == (None, "narration")


def test_a_stray_opening_mark_does_not_swallow_the_next_speakers_sentence():
    # “pay the “price” leaves one quotation open if the marks nest; read as a stray mark, the paragraph closes
    para = (
        "Mayor Lund called the ferry company “a sinking ship” that will “pay the “price” of its delays. "
        "Harbor chief Ann Reyes called it “deeply unfair” to the crews."
    )
    got = _attrs(f"{LEAD}{para}\n")
    assert got["Harbor chief Ann Reyes called it “deeply unfair” to the crews."][0] == "Ann Reyes"


def test_polls_speak_even_unnamed_and_in_the_plural_present():
    assert _one("Polls consistently show that a majority of islanders support the winter ferry.") == (
        "Polls",
        "reported",
    )
    assert _one("The mayor is running second in the island race, according to polls.") == (
        "Polls",
        "reported",
    )
    assert _one("Reports suggest that the new ferry is late.") == (None, "narration")
