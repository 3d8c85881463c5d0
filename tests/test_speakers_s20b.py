"""Attribution on shapes met in the session-20 review of the s24c, s23a and s23b golds (issue 15; BBC News
pages of 2004–05), each from a page of them: a name the entity model misses, a surname the parser reads
as an adverb, a statement after a passive, the one an agency quotes, judging adjectives, the headline, a
pronoun after fronted words whose subject is its speaker, a lower-case role before a name, a he kept as the
subject of the writer's sentences, and things shown. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_name_the_entity_model_misses_is_a_person_a_surname_read_as_an_adverb_too():
    says = "Desailly says the arrival helped to instil a winning mentality."
    got = _attrs(f"Chelsea.\n\nMarcel Desailly insists there is no chance.\n\n{says}\n")
    assert got["Marcel Desailly insists there is no chance."] == ("Marcel Desailly", "reported")
    assert got[says] == ("Marcel Desailly", "reported")


def test_a_statement_after_a_passive_is_its_subjects():
    says = "O'Connell is rumoured to be among the front-runners, but says he is totally focused on Sunday."
    body = f"Lions.\n\nPaul O'Connell plays lock for Ireland.\n\n{says}\n"
    assert _attrs(body)[says] == ("Paul O'Connell", "reported")


def test_the_one_an_agency_quotes_as_saying_is_the_speaker():
    said = '"He has been ripping people off for years," AP quoted prosecutor Russell McGuire as saying.'
    assert _attrs(f"Spam.\n\nThe trial ended.\n\n{said}\n")[said] == ("Russell McGuire", "quote")


def test_judging_adjectives_hold_a_view_a_feeling_does_not():
    sceptical = "However, some farmers are sceptical about the proposals."
    hopeful = "Safin is hopeful that winning will give him belief."
    worried = "The mayor was worried about the cost."
    got = _attrs(f"Cocoa.\n\nMarat Safin won.\n\n{sceptical}\n\n{hopeful}\n\n{worried}\n")
    assert got[sceptical] == ("Some farmers", "reported")
    assert got[hopeful][1] == "reported"
    assert got[worried] == (None, "narration")


def test_the_headline_is_narration_under_news_unless_it_names_its_speaker_before_a_colon():
    body = "O'Connell rejects Lions rumours\n\nPaul O'Connell has spoken.\n"
    assert _attrs(body)["O'Connell rejects Lions rumours"] == (None, "narration")
    labelled = "Reyes: The ferry will run all winter"
    assert _attrs(f"{labelled}\n\nThe island has two ferries.\n")[labelled][0] == "Reyes"


def test_a_she_after_fronted_words_whose_subject_she_is_is_that_woman():
    # news names the speaker inside her own fronted words (PolNeAR train): binding them away from the
    # pronoun was tried this session and dropped (docs/attribution.md, session 20)
    said = "Then a student, Ms. Olivieri found skating to be a salve for her depression, she said."
    body = (
        "Skaters.\n\nSamantha Olivieri and Arianna Gil founded the crew. Ms. Gil runs its meetings.\n\n"
        f"{said}\n"
    )
    assert _attrs(body)[said] == ("Samantha Olivieri", "reported")


def test_a_lower_case_role_before_a_name_is_no_title():
    said = "Former Chelsea captain Desailly says there is no comparison."
    got = _attrs(f"Chelsea.\n\nMarcel Desailly insists there is no chance.\n\n{said}\n")
    assert got[said] == ("Marcel Desailly", "reported")


def test_a_he_the_writer_keeps_as_subject_stays_the_one_a_later_he_said_stands_for():
    said = '"I\'m happy that they have managed to play so long," he said.'
    body = (
        "Milan.\n\nMarcel Desailly insists there is no chance.\n\n"
        "He is now winding down his career in Qatar, alongside the likes of Gabriel Batistuta and "
        "Christophe Dugarry. So he is full of admiration for two of his colleagues from Milan. "
        f"{said}\n"
    )
    assert _attrs(body)[said] == ("Marcel Desailly", "quote")


def test_what_is_shown_is_narration_under_news():
    shown = "Chief executive Steve Jobs showed off the new machine at his annual speech."
    data = "The North East showed the highest rate of inflation at 26.2%."
    got = _attrs(f"Apple.\n\n{shown}\n\n{data}\n")
    assert got[shown] == got[data] == (None, "narration")
