"""Session 62 (issue 15): shapes read on the session-61 blind page set (s168ab-s173ab), once it had been
measured, each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, not copied from a page."""

from __future__ import annotations

from conftest import attribution_of as _one
from conftest import attributions as _attrs


def test_a_paper_reporting_a_refusal_to_comment_is_the_speaker():
    sentence = "A spokesman for the harbor board declined to comment, the Gazette reported."
    assert _one(sentence) == ("Gazette", "reported")
    assert _one("A spokesman for the harbor board declined to comment.") == (None, "narration")


def test_a_description_before_an_outlets_name_is_the_outlet():
    sentence = "In judging the ferry lines last spring, legal website Law360 noted several of their delays."
    assert _one(sentence) == ("Law360", "reported")


def test_explaining_something_by_saying_that_is_a_statement():
    sentence = "The ferry board explained the fare rise by saying that fuel costs had doubled."
    assert _one(sentence) == ("Ferry board", "reported")


def test_the_one_who_justified_it_by_saying_that_speaks():
    sentence = "Harbor police defended the closure by saying that the pier was unsafe."
    assert _one(sentence)[1] == "reported"
    sentence = "Dockworkers justified their strike by saying that the new shifts were unsafe."
    assert _one(sentence) == ("Dockworkers", "reported")


def test_a_fronted_by_phrase_or_an_act_after_by_names_no_speaker():
    sentence = "By criticizing the board's tone, Mr. Ames is also able to steer the debate away from fares."
    assert _one(sentence) == (None, "narration")
    sentence = "The council has two ways to fund the ferry: by raising fares or by asking the state to pay."
    assert _one(sentence) == (None, "narration")
    # a relative clause describes; a small clause gives no words
    sentence = "It is another jab at the mayor who opened her campaign by declaring that the ferry was dead."
    assert _one(sentence) == (None, "narration")
    sentence = "Reyes lost the vote, although Ames won the night by declaring himself the ferry's savior."
    assert _one(sentence) == (None, "narration")


def test_a_whose_clause_does_not_take_the_subject_from_the_verb_of_saying():
    # read as a clause fronted before "said", and as "was …, said" with "said" a second predicate
    sentence = (
        "Mayor Reyes, whose tough harbor stance was a key part of his 2018 campaign, said last week he would "
        "back the plan."
    )
    assert _one(sentence) == ("Mayor Reyes", "reported")
    sentence = (
        "Reyes, whose tough ferry stance was a central part of his 2016 mayoral campaign, said in May he "
        "would back the plan."
    )
    assert _one(sentence) == ("Reyes", "reported")


def test_judges_in_a_passive_with_a_which_clause_speak():
    sentence = "The fare plan was quickly panned by commuter groups, which said it was a bad bargain."
    assert _one(sentence) == ("Commuter groups", "reported")
    sentence = "It was also slammed by some island councils, which decried the cuts to winter sailings."
    assert _one(sentence) == ("Some island councils", "reported")


def test_a_which_clause_on_a_doer_stays_a_description():
    sentence = "The new pier was built by the port authority, which says it will open in May."
    assert _one(sentence) == (None, "narration")


def test_chastising_is_a_statement():
    sentence = "Harbor Master Tom Reyes on Sunday chastised his fellow captains for skipping the drills."
    assert _one(sentence) == ("Tom Reyes", "reported")


def test_the_cause_of_a_feeling_never_speaks():
    sentence = "Fishermen were outraged by the board's decision to cut winter sailings, calling it reckless."
    assert _one(sentence) == ("Fishermen", "reported")
    assert _one("Fishermen were outraged by the board's decision.") == (None, "narration")


def test_some_of_those_who_keep_their_clause():
    sentence = "Some of those who sailed with him last year say that Reyes runs a tight ship."
    assert _one(sentence) == ("Some of those who sailed with him last year", "reported")
    sentence = "Many of those who attended said the meeting ran long."
    assert _one(sentence) == ("Many of those who attended", "reported")


def test_people_polled_or_questioned_by_someone_keep_the_phrase():
    sentence = "Economists polled by the Gazette had forecast fares rising 4% in May."
    assert _one(sentence) == ("Economists polled by the Gazette", "reported")
    sentence = "About a dozen captains questioned by the harbor inquiry said the drills were rushed."
    assert _one(sentence) == ("About a dozen captains questioned by the harbor inquiry", "reported")


def test_a_group_keeps_where_it_is():
    sentence = "Critics worldwide condemned the fare rise as cruel."
    assert _one(sentence) == ("Critics worldwide", "reported")


def test_the_only_ones_arguing_something_are_no_speaker():
    sentence = "Ferry unions like the Seafarers aren't the only ones arguing that the fare plan is unfair."
    assert _one(sentence) == (None, "narration")


def test_slapping_down_an_idea_is_a_statement_knocking_down_a_door_is_not():
    assert _one("Harbor lawyers immediately slapped down the ideas.") == ("Harbor lawyers", "reported")
    assert _one("The guard knocked down the door.") == (None, "narration")


def test_informing_someone_that_something_is_so_is_a_statement():
    sentence = "On Sunday, the board informed captains that the pier would close."
    assert _one(sentence) == ("Board", "reported")
    assert _one("The board notified residents of the closure.") == (None, "narration")


def test_a_stance_taken_with_a_particle_and_a_preposition_is_a_statement():
    assert _one("Mayor Ann Lee pushed back on the ferry budget.") == ("Mayor Ann Lee", "reported")
    assert _one("Mayor Ann Lee lashed out at the harbor board.") == ("Mayor Ann Lee", "reported")
    assert _one("Mayor Ann Lee weighed in on the ferry budget.") == ("Mayor Ann Lee", "reported")
    assert _one("The board pushed back the deadline.") == (None, "narration")
    assert _one("The troops fired back at the rebels.") == (None, "narration")
    assert _one("Mayor Ann Lee will weigh in later today on the ferry budget.") == (None, "narration")


def test_words_of_harsh_criticism_are_statements():
    assert _one("Mayor Ann Lee excoriated the ferry budget.") == ("Mayor Ann Lee", "reported")
    assert _one("Mayor Ann Lee downplayed the ferry delays.") == ("Mayor Ann Lee", "reported")


def test_being_dismissive_or_sceptical_of_something_is_a_judgment_voiced():
    assert _one("Mayor Ann Lee was dismissive of the ferry budget.") == ("Mayor Ann Lee", "reported")
    assert _one("Mayor Ann Lee was skeptical of the ferry budget.") == ("Mayor Ann Lee", "reported")
    # a paper reporting the stance is the speaker, as for a refusal
    sentence = "When the ferry memo surfaced, aides were skeptical of her motives, the Gazette reported."
    assert _one(sentence) == ("Gazette", "reported")


def test_imploring_someone_to_act_is_a_statement_as_urging_is():
    sentence = "Senator Ann Lee implored colleagues to pass the ferry budget."
    assert _one(sentence) == ("Sen. Ann Lee", "reported")


def test_a_link_card_glued_to_an_acronym_makes_no_speaker_of_its_own():
    body = (
        "Ferry inquiry ends\n\nThe harbor committee released its report, which found no ties between "
        "Mayor Tom Reyes Thomas Adam ReyesGOP councillors balk at ferry budget Harbor board goes local in "
        "race MORE's campaign and the ferry firm.\n\n"
        '"I am disappointed with the redactions," he added.\n'
    )
    speaker = _attrs(body)['"I am disappointed with the redactions," he added.'][0]
    assert speaker is not None and "GOP" not in speaker and "Reyes" in speaker


def test_he_adding_to_a_surname_the_tagger_called_an_organisation_is_that_person():
    body = (
        "Ferry report released\n\nThe report found no evidence of ties between Mayor Tom Reyes and the "
        'ferry firm.\n\n"Today we release our report," Haldane said in a statement.\n\n'
        '"However, I am disappointed with the redactions," he added.\n\n'
        "Haldane said he would challenge the redactions.\n"
    )
    got = _attrs(body)
    assert got['"However, I am disappointed with the redactions," he added.'] == ("Haldane", "quote")
    assert got["Haldane said he would challenge the redactions."] == ("Haldane", "reported")
