"""Session 40 (issue 15): shapes met on a new public source, AllSides' straight-news pages of 2012-2020
(Reuters, the BBC, Fox News, NPR, Politico, the Washington Times, USA Today and others): a request inside
what a group told; Arabic names with their article; set-off cues in "as … noted" and "That's because, he
contends,"; section titles and web-player captions read as labels; answers withheld; qualifiers that make
an unnamed source citable; acts and topics; a quotation that opens with a fragment. Each checked through
the real pipeline (spaCy's small model, the learned cue, act and pronoun models, the learned tagger) on text
written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_request_inside_what_a_group_told_is_the_groups_statement():
    told = (
        "Nigerian lawmakers told Reuters news agency that Mr Adeyemi had asked for the meeting to take "
        "place at the Lagos air base, an offer declined by the governor."
    )
    attrs = _attrs(f"Meeting moved\n\n{told}\n")
    assert attrs[told] == ("Nigerian lawmakers", "reported")


def test_an_arabic_name_keeps_its_article_and_he_is_that_man():
    objected = (
        "Hamid al-Rawi, leader of Kata'ib Nasr al-Din, Iraq's largest militia, also objected to the visit."
    )
    warned = 'He warned in a post that parliament would respond by "ordering the foreign troops out".'
    attrs = _attrs(f"Visit\n\n{objected} {warned}\n")
    assert attrs[objected] == ("Hamid al-Rawi", "reported")
    assert attrs[warned] == ("Hamid al-Rawi", "reported")


def test_set_off_cues_in_as_clauses_and_after_thats_because():
    noted = (
        "But as a number of veterans' groups noted, service members have in fact received a raise every year."
    )
    contends = (
        "That's because, he contends, the statute only pays the credits through exchanges run by states."
    )
    attrs = _attrs(f"Pay\n\n{noted}\n\nMarcus Pell of the Lantern Institute disagrees. {contends}\n")
    assert attrs[noted] == ("Veterans' groups", "reported")
    assert attrs[contends] == ("Marcus Pell", "reported")


def test_section_titles_and_capital_subheadings_are_narration_a_named_label_speaks():
    title = "Ambition: 'They are no longer the favourites'"
    shout = "OKAFOR: IT TOOK A WHOLE TEAM TO WRITE THESE LINES"
    label = "Spokesman: We will appeal the ruling."
    body = f"Cup final\n\nThe coach spoke after the match.\n\n{title}\n\n{shout}\n\n{label}\n"
    attrs = _attrs(body)
    assert attrs[title] == (None, "narration")
    assert attrs[shout] == (None, "narration")
    assert attrs[label][1] == "reported"


def test_a_web_players_caption_is_narration_and_names_who_the_president_is():
    caption = (
        "Media playback is unsupported on your device Media caption Mr Obrecht said he was proud of the unit"
    )
    announced = "The president also announced that he had secured a sizable pay increase for the troops."
    body = (
        "Visit to the base\n\n"
        "Media playback is unsupported on your device Media caption Arlandian President Tomas Obrecht: "
        "'We are back'\n\n"
        "Tomas Obrecht's surprise visit to the base was a success, judging from the cheers he got.\n\n"
        f"{announced}\n\n{caption}\n"
    )
    attrs = _attrs(body)
    assert attrs[caption] == (None, "narration")
    assert "Obrecht" in (attrs[announced][0] or "")


def test_an_answer_withheld_is_narration_words_said_are_not():
    withheld = "But state officials still haven't spelled out exactly how that will work."
    said = "The minister did not say that the plant would close."
    attrs = _attrs(f"Exchanges\n\n{withheld}\n\n{said}\n")
    assert attrs[withheld] == (None, "narration")
    assert attrs[said][1] == "reported"


def test_an_unnamed_source_keeps_what_makes_it_citable():
    source = "A source familiar with the talks told Reuters that the ruling will likely be appealed."
    nurses = "Nurses around the state staged protests, saying hospitals were not protecting them."
    attrs = _attrs(f"Ruling\n\n{source}\n\n{nurses}\n")
    assert (attrs[source][0] or "").lower().endswith("source familiar with the talks")
    assert (attrs[nurses][0] or "").lower() == "nurses around the state"


def test_acts_and_topics_are_narration_words_given_are_not():
    signs = "Many marchers gathered early, hoisting signs and banners condemning the mayor over his budget."
    jeers = (
        "The boos continued when Halvorsen mentioned the leaked memos and claimed that his rival was "
        '"pretending to care about farmers," a reference to the memos.'
    )
    declared = "Mr. Halvorsen recently declared a state of emergency on the northern border."
    responded = "Norland responded to the tariffs by raising tariffs on $40 billion worth of imports."
    referenced = "Halvorsen repeatedly referenced his rival's worst moments from the debates."
    saying = "The company responded by saying it would appeal."
    acts = "\n\n".join([signs, jeers, declared, responded, referenced])
    body = f"Campaign\n\n{acts}\n\nThe firm was fined.\n\n{saying}\n"
    attrs = _attrs(body)
    for text in (signs, jeers, declared, responded, referenced):
        assert attrs[text] == (None, "narration"), text
    assert attrs[saying][1] == "reported"


def test_an_elided_when_clause_frames_the_quote_and_its_run_stays_the_speakers():
    framed = (
        "Obama laughed at the joke, and again when Romney made another joke about the leaked video which "
        'captured Obama using vulgar language, saying the president was "sitting next to a bishop, but this '
        "is not a locker room."
    )
    run_on = 'Mind your language!"'
    attrs = _attrs(f"Dinner\n\nMitt Romney hosted the dinner.\n\n{framed} {run_on}\n")
    assert attrs[framed] == (None, "narration")
    assert attrs[run_on] == ("Mitt Romney", "quote")


def test_a_quotation_that_opens_with_a_fragment_is_reported():
    fragment = (
        "“I suppose there will be” another budget fight over the dam, Mr. Kellner said on “Meet the Nation.”"
    )
    whole = "“We will not give up on this dam, whatever it costs us,” Mr. Kellner said."
    attrs = _attrs(f"Dam\n\nHans Kellner is the budget director.\n\n{fragment}\n\n{whole}\n")
    assert attrs[fragment] == ("Hans Kellner", "reported")
    assert attrs[whole] == ("Hans Kellner", "quote")


def test_a_quotation_after_a_paragraph_about_one_person_is_theirs():
    first = '"Two years ago they were a very dominant group, today they are not so dominant any more.'
    body = (
        "Base visit\n\n"
        "Mr Obrecht travelled to the airbase, west of the capital, to thank the troops for what they had "
        "achieved during his tenure.\n\n"
        f'{first} Great job."\n\n'
        '"We are respected again," he said.\n'
    )
    attrs = _attrs(body)
    assert attrs[first][1] == "quote" and "Obrecht" in (attrs[first][0] or "")


def test_round_two_acts_cases_and_things_are_narration():
    declined = (
        "The three big carmakers -- Norauto, Velcar and Ostrava Motors -- all either declined to comment or "
        "did not respond to e-mails seeking comment."
    )
    case = "It is unusual for a governor to comment about the character of a defendant in an ongoing trial."
    worries = (
        "After signing an order abandoning the proposed rail pact, Governor Lenz has set his sights on the "
        "port deal, a prospect that worries the shipping industry."
    )
    attrs = _attrs(f"Deals\n\n{declined}\n\n{case}\n\n{worries}\n")
    for text in (declined, case, worries):
        assert attrs[text] == (None, "narration"), text


def test_a_participle_after_the_recipient_is_the_writers_and_so_is_the_he_who_wrote():
    wrote = (
        "Clinton campaign manager Robby Mook wrote a brief email to Trump campaign manager Paul Manafort "
        "dismissing the offer."
    )
    quote = '"Thanks for the note, but the answer is no," he wrote.'
    attrs = _attrs(f"Offer declined\n\n{wrote}\n\n{quote}\n")
    assert attrs[quote] == ("Robby Mook", "quote")


def test_links_teasers_and_section_labels_are_narration():
    also = "( Also on THE LEDGER: Senators balk at the budget deal)"
    teaser = "Hearing live: the director says there is no information to confirm the claims Read more"
    opinion = "OPINION: The Weekly Review: A Levy Is A Levy"
    said = "The senator said the deal was dead."
    attrs = _attrs(f"Budget\n\n{opinion}\n\n{also}\n\n{teaser}\n\n{said}\n")
    for text in (also, teaser, opinion):
        assert attrs[text] == (None, "narration"), text
    assert attrs[said][1] == "reported"


def test_forecasts_speak_for_their_owner_and_for_no_one_without_one():
    unowned = "As much as a foot of snow could fall in the city, according to predictions."
    owned = "As much as a foot of snow could fall, according to National Weather Service forecasts."
    attrs = _attrs(f"Snow\n\n{unowned}\n\n{owned}\n")
    assert attrs[unowned] == (None, "narration")
    assert attrs[owned] == ("National Weather Service", "reported")


def test_a_title_case_name_keeps_its_capitalised_preposition():
    said = "Reporters Without Borders said it had recorded more than 300 arrests."
    attrs = _attrs(f"Arrests\n\n{said}\n")
    assert attrs[said] == ("Reporters Without Borders", "reported")
