"""Session 64 (issue 15): shapes read on the session-63 blind page set (s180ab-s185ab), once it had been
measured, each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, not copied from a page."""

from __future__ import annotations

from conftest import HARBOR_LEAD as LEAD
from conftest import attribution_of as _one
from conftest import attributions


def test_a_that_clause_after_the_one_reassured_is_what_was_said():
    sentence = "Mr. Brown and others, however, have reassured residents that they will revisit the plan."
    assert _one(sentence) == ("Mr. Brown and others", "reported")


def test_those_behind_something_are_a_group_that_speaks():
    sentence = "But those behind the appeal told the board on Friday they want a delay."
    assert _one(sentence) == ("Those behind the appeal", "reported")


def test_a_group_named_by_its_members_keeps_them():
    sentence = (
        "Groups including the Red Cross and Amnesty International said in a statement that the rule "
        '"will harm aid work."'
    )
    assert _one(sentence) == ("Groups including the Red Cross and Amnesty International", "quote")
    assert _one("Critics including many teachers said the rule will harm schools.") == ("Critics", "reported")


def test_a_son_who_bears_his_fathers_name_is_not_his_father():
    body = (
        LEAD + "Mayor Paul Brown said the ferry would run.\n\n"
        "The mayor's eldest son, Paul Brown Jr., admitted Sunday to meeting a lobbyist.\n\n"
        "Brown Jr. said he regretted it.\n\n"
        "Brown said on Monday he had not known of the meeting.\n"
    )
    got = attributions(body)
    assert got["The mayor's eldest son, Paul Brown Jr., admitted Sunday to meeting a lobbyist."][0] == (
        "Paul Brown Jr."
    )
    assert got["Brown Jr. said he regretted it."][0] == "Paul Brown Jr."
    assert got["Brown said on Monday he had not known of the meeting."][0] == "Mayor Paul Brown"


def test_as_the_paper_notes_names_the_source():
    assert _one("As the Gazette notes, the vote points to the central question in the dispute.") == (
        "Gazette",
        "reported",
    )
    quoted = 'And, as the Gazette notes, the vote "points to the central question in the dispute."'
    assert _one(quoted) == ("Gazette", "quote")


def test_by_a_named_reckoning_is_its_owners_finding():
    assert _one("By Gallup's estimate, 40 percent of voters are undecided.") == ("Gallup", "reported")
    assert _one("By my count, the figure is up.") == (None, "narration")
    assert _one("By the end of the year, the figure rose.") == (None, "narration")


def test_a_claim_restated_by_someone_who_says_more_is_theirs():
    sentence = "The figure was restated by Jones, who said on Friday that the budget was short."
    assert _one(sentence) == ("Jones", "reported")


def test_a_law_or_plan_calls_for_in_its_own_words():
    assert _one("The Harbor law calls for sanctions on the firm.") == ("Harbor law", "reported")
    assert _one("The draft plan calls for expanding the ferry service.") == ("Draft plan", "reported")
    assert _one("The plan requires firms to report their sales.") == (None, "narration")


def test_who_broke_the_news_is_no_speaker():
    assert _one("The deal was first reported by the Harbor Post.") == (None, "narration")
    assert _one("The port's audit was first reported by CNBC.") == (None, "narration")
    assert _one("It was reported by the Harbor Post that the mayor will resign.") == (
        "Harbor Post",
        "reported",
    )
    assert _one("The fire was reported by a neighbor, who said smoke was rising.") == ("Neighbor", "reported")


def test_a_name_tagged_as_an_interjection_before_a_participle_is_the_subject():
    sentence = (
        "Trump, answering questions from the press at the lakeside lodge at Camp Hale, Maryland, "
        "expressed a willingness to meet."
    )
    lead = LEAD + "President Donald Trump said on Friday the talks were over.\n\n"
    assert _one(sentence, lead) == ("President Donald Trump", "reported")


def test_what_someone_will_say_without_the_words_is_not_said():
    assert _one("The two sides will state what they want from the talks.") == (None, "narration")
    assert _one("The mayor will say Monday that the ferry is safe.") == ("Mayor", "reported")


def test_a_topic_label_before_a_headline_that_names_its_source_is_no_speaker():
    headline = "Midterms: Young voters not keen on the ballot this year, poll finds"
    got = attributions(f"{headline}\n\nThe poll was taken last month.\n")
    assert got[headline] == (None, "narration")


def test_gone_so_far_as_to_call_is_the_goers_view():
    assert _one("Critics have gone so far as to call the mayor a liar.") == ("Critics", "reported")
    sentence = (
        'Some critics, such as filmmaker John Berg, have even gone so far as to label the mayor a "fraud."'
    )
    assert _one(sentence)[0] == "Some critics"
    assert _one("The team has gone so far as to build a new dock.") == (None, "narration")


def test_a_fronted_question_is_no_part_of_the_answers_words():
    sentence = (
        "Asked about the prospects of a visit by the governor, "
        "“I won't be telling anyone to stay away,” Reyes said."
    )
    assert _one(sentence) == ("Reyes", "quote")
    assert _one("Reyes said the council should meet again before “the end of the year.”")[1] == "reported"


def test_an_unnamed_source_that_tells_of_a_call_is_the_speaker_not_a_relay():
    sentence = (
        "According to a source familiar with the talks, Brown called Smith after Jones texted him "
        "about the chance that aid to the port was being held back for political reasons."
    )
    assert _one(sentence) == ("Source familiar with the talks", "reported")


def test_a_commitment_or_act_denied_says_nothing():
    assert _one("Barr has not promised to release the report in its entirety.") == (None, "narration")
    assert _one("The mayor has not yet endorsed anyone for the council seat.") == (None, "narration")
    # a rejection denied leaves the door open: a statement
    assert _one("Smith again would not rule out a run of her own.") == ("Smith", "reported")
    assert _one("Smith never said the ferry was safe.") == ("Smith", "reported")


def test_few_or_little_given_is_nothing_said():
    assert _one("Officials had expressed little interest in the plan.") == (None, "narration")
    assert _one("The mayor offered few specifics on how he would pay for it.") == (None, "narration")
    assert _one("Officials expressed concern about the plan.") == ("Officials", "reported")


def test_a_bodys_own_figures_name_the_body():
    assert _one("Ferry fares have stayed flat for two years, according to government data.") == (
        "Government",
        "reported",
    )
    assert _one("Sales fell, according to industry data.") == (None, "narration")


def _headline(line: str) -> tuple[str | None, str]:
    return attributions(f"{line}\n\nGov. Ned Lamont spoke on Monday.\n")[line]


def test_a_headline_speaker_may_address_a_described_audience_in_single_marks():
    assert _headline("Gov. Lamont to Democrats afraid of ferry debates: ‘Welcome to real politics’") == (
        "Gov. Ned Lamont",
        "quote",
    )
    ferry = "Harbor House: New ferry rules meant to reward 'thrift and personal care for the boats'"
    assert _headline(ferry) == ("Harbor House", "quote")
    assert _headline("Ruiz 'could pardon himself but won't', says Lamont") == (None, "narration")


def test_a_verb_of_saying_read_as_an_adjective_after_a_description_is_the_verb():
    lead = LEAD + 'Councillor Tom Reyes said: "I join my colleagues in urging the mayor to act."\n\n'
    sentence = (
        "Ana Ruiz, director of policy at the Harbor Institute, touted executive action as a "
        '"tried and true part of ferry policy used by 11 mayors, 39 times in the last 60 years."'
    )
    assert _one(sentence, lead) == ("Ana Ruiz", "quote")


def test_a_colon_inside_the_words_said_does_not_make_them_a_quotation():
    sentence = (
        "The source told the Harbor Post that Brown thought freezing the grant was a poor idea, and that he "
        "then chose to ask Smith himself -- asking him: “What do you want?”"
    )
    assert _one(sentence) == ("Source", "reported")
    assert _one("Parise said: “We’ve been there before and we will be there again.”") == ("Parise", "quote")


def test_what_a_tag_goes_on_to_say_counts_toward_the_kind():
    lead = LEAD + "Councillor Tom Reyes spoke after the vote.\n\n"
    sentence = (
        "But “we will win this,” Reyes said, adding that the only way to win back voters was by talking with "
        "them about the ferry."
    )
    assert _one(sentence, lead) == ("Tom Reyes", "reported")
    # a sentence that opens with its quotation stays a quote (the seed's and the fixtures' line)
    opening = "“We will win,” Reyes said, adding that the only way to win back voters was by talking to them."
    assert _one(opening, lead) == ("Tom Reyes", "quote")
    asked = "“I doubt it, frankly,” said Reyes when asked whether the mayor would campaign in the east wards."
    assert _one(asked, lead) == ("Tom Reyes", "quote")


def test_bulleted_items_after_a_sources_lead_in_are_what_it_documented():
    body = (
        "Harbor incidents\n\n"
        "The incidents span the coast, according to the Harbor Watch group, which has logged several cases "
        "in the past two weeks:\n\n"
        "•In Milford, two men insulted sailors near the pier at night, then returned in the morning.\n\n"
        "•In Dover, a man threatened to sink 30 boats in the harbor if his nets were cut.\n\n"
        "The mayor said the city would act.\n"
    )
    got = attributions(body)
    milford = "•In Milford, two men insulted sailors near the pier at night, then returned in the morning."
    assert got[milford] == ("Harbor Watch group", "reported")
    dover = "•In Dover, a man threatened to sink 30 boats in the harbor if his nets were cut."
    assert got[dover] == ("Harbor Watch group", "reported")
    assert got["The mayor said the city would act."] == ("Mayor", "reported")


def test_what_something_is_held_to_be_in_a_passive_is_the_agents_view():
    sentence = "The club is considered an extremist group by the Harbor Law Center, which tracks hate groups."
    assert _one(sentence) == ("Harbor Law Center", "reported")
    assert _one("The club was labeled a hate group by the Harbor Law Center.") == (
        "Harbor Law Center",
        "reported",
    )
    assert _one("The club is considered a landmark.") == (None, "narration")


def test_a_feeling_expressed_about_something_is_a_statement():
    assert _one("The mayor expressed frustration with the council over its slow progress.") == (
        "Mayor",
        "reported",
    )
    assert _one("The mayor had indicated a willingness to delay the vote.") == ("Mayor", "reported")
    assert _one("The mayor expressed little interest in the plan.") == (None, "narration")
