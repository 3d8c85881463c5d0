"""Speakers on unseen news (issue 15, session 33): a law that gives its words speaks; verbs of saying whose
object is not words say nothing (responding with videos, explaining "the logic behind" a change, asking
forgiveness, offering support, referring to a scheme, alerting someone to something); a minister's portfolio
stays in the title; "It has confirmed" after an outlet's report is the party reported on; three names read
as a name and an apposition; a name set beside a description; "new research"; "Ms Detakats"; the one a paper
quoted; a "he" closing someone else's words. Shapes met in fresh blind sets of CNN and BBC pages; texts
written for these tests. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_law_that_gives_its_words_speaks_but_not_what_the_law_allows():
    says = '"Every patient has the right to a calm death," the proposed law says.'
    continues = 'And nurses, it continues, should "use every means at their disposal to honour this right."'
    allowed = "According to the law, doctors must report every such case."
    got = _attrs(f"The bill goes to the Senate next week. {says} {continues} {allowed}\n")
    assert got[says] == ("Proposed law", "quote")
    assert got[continues] == ("Proposed law", "quote")
    assert got[allowed] == (None, "narration")


def test_responding_with_videos_is_an_act_but_responding_with_attacks_is_speech():
    videos = "Fans on Twitter responded with tearful videos and a new hashtag."
    words = "Mr Dole responded with angry attacks on the mayor, including two long posts."
    got = _attrs(
        f"The singer left the band on Wednesday. {videos}\nMayor Ann Briggs cut the budget. {words}\n"
    )
    assert got[videos] == (None, "narration")
    assert got[words] == ("Mr Dole", "reported")


def test_explaining_the_logic_behind_a_change_gives_no_words():
    logic = "Ms Lind explained the logic behind the change of approach in her statement."
    words = "Ms Lind explained that the interview could not wait."
    got = _attrs(f"Prosecutor Eva Lind changed course on Friday. {logic} {words}\n")
    assert got[logic] == (None, "narration")
    assert got[words] == ("Eva Lind", "reported")


def test_asking_forgiveness_or_offering_support_is_no_statement():
    forgiveness = "In May, the television presenter asked forgiveness after using a racist term on air."
    support = "Members of the parliament offered strong support on Tuesday for the proposal."
    got = _attrs(f"The host Tom Reeve was dropped by the channel. {forgiveness}\n{support}\n")
    assert got[forgiveness] == (None, "narration")
    assert got[support] == (None, "narration")


def test_a_ministers_portfolio_stays_in_the_title_and_the_minister_is_still_her():
    said = "Finance Minister Ana Reyes said the budget would be balanced by 2027."
    added = "The minister added that taxes would not rise."
    got = _attrs(f"{said} {added}\n")
    assert got[said] == ("Finance Minister Ana Reyes", "reported")
    assert got[added] == ("Finance Minister Ana Reyes", "reported")


def test_it_that_confirms_after_an_outlets_report_is_the_party_reported_on():
    confirmed = "It has confirmed that talks with the American tycoon are under way."
    got = _attrs(
        "Manchester United has received a new offer from Malcolm Glazer, according to the Financial Times. "
        f"{confirmed}\n"
    )
    assert got[confirmed] == ("Manchester United", "reported")
    person = "It has denied that talks are under way."
    got = _attrs(f"John Smith received a new bid last week, the Financial Times reported. {person}\n")
    assert got[person][0] == "Financial Times"  # a person named there is no "it"


def test_three_names_read_as_a_name_and_an_apposition_are_still_three():
    backed = "Eric Cantona, Ole Gunnar Solskjaer and Sir Alex Ferguson have backed the group."
    spoke = "They have all spoken out against the takeover, saying it would harm the club."
    said = "Eric Cantona, Ole Gunnar Solskjaer and Sir Alex Ferguson said the bid would harm the club."
    got = _attrs(f"The supporters group said it would fight the bid. {backed} {spoke}\n{said}\n")
    assert got[spoke] == ("Eric Cantona, Ole Gunnar Solskjaer and Sir Alex Ferguson", "reported")
    assert got[said] == ("Eric Cantona, Ole Gunnar Solskjaer and Sir Alex Ferguson", "reported")


def test_a_name_set_beside_a_common_noun_subject_is_who_speaks():
    programme = "The UN programme tackling Aids, UNAIDS, pointed out that a clear strategy was vital."
    lawyer = "His lawyer, Tom Olsen, said the case was weak."
    got = _attrs(f"Prosecutor Eva Lind questioned the banker Tom Hale on Monday. {programme} {lawyer}\n")
    assert got[programme] == ("UNAIDS", "reported")
    assert got[lawyer] == ("Tom Olsen", "reported")


def test_new_research_speaks_but_research_in_general_does_not():
    new = "Firms fail to plan for HIV until it affects a fifth of workers, new research says."
    existing = "Existing research shows that children learn languages fast."
    got = _attrs(f"{new} {existing}\n")
    assert got[new] == ("New research", "reported")
    assert got[existing] == (None, "narration")


def test_a_comment_that_refers_to_a_scheme_or_a_reaction_given_says_nothing():
    referred = "That comment referred to the setting up of a scheme to share future costs with industry."
    reaction = "Committee chairman Edward Leigh was giving his reaction to a report by a government watchdog."
    got = _attrs(f"{reaction} Ministers promised to cut waste. {referred}\n")
    assert got[referred] == (None, "narration")
    assert got[reaction] == (None, "narration")


def test_a_surname_after_ms_is_a_person_even_when_the_entity_model_misses_it():
    came = "But local resident Francesca Detakats came to the stall and left with a print of The Who."
    said = "Ms Detakats said she was a collector and did not mind paying 350 pounds for it."
    quote = '"If you like something, you don\'t really count it like that," she said.'
    got = _attrs(f"{came} {said} {quote}\n")
    assert got[said] == ("Ms Detakats", "reported")
    assert got[quote] == ("Ms Detakats", "quote")


def test_a_source_in_a_clause_that_sets_the_scene_does_not_speak():
    won = "He won damages after the newspaper printed allegations about his private life."
    got = _attrs(f"Lord Archer sued the Daily Star in 1987. {won}\n")
    assert got[won] == (None, "narration")


def test_the_one_a_paper_quoted_complaining_is_who_speaks_and_alerting_is_an_act():
    quoted = "It quoted a spokesman for the hedge fund Atticus Capital complaining that the bid was too low."
    alerted = "Cynthia Cooper, the firm's head of internal audit, alerted directors to irregular accounts."
    got = _attrs(f"The Financial Times reported the deal on Monday. {quoted}\n{alerted}\n")
    assert got[quoted] == ("Spokesman for the hedge fund Atticus Capital", "reported")
    assert got[alerted] == (None, "narration")
