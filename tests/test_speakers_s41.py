"""Session 41 (issue 15): shapes met on two new sets of AllSides' straight-news pages (2012-2020): a Korean
given name after the family name, and a weekday between a name and its verb; a reporter's "reports"
relaying whoever speaks inside; "reported/cited X as saying"; a name that only modifies another person's
description; proposals, stories told, deals agreed and phone-ins as acts; unnamed media as the subject;
a sign's text; a colon that belongs to another clause; a passive with nobody named; groups named by an
example ("leaders such as …"). Each checked through the real pipeline (spaCy's small model, the learned
cue, act and pronoun models, the learned tagger) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_korean_given_name_stays_in_the_name_and_she_is_that_woman():
    told = (
        'The paper reports that South Korean President Park Min-hye Monday told her generals that "any '
        'attack on our islands must be answered at once."'
    )
    added = '"I will trust the judgment of the commanders in the field," she added.'
    other = '"The wells will run dry," said a government official here.'
    attrs = _attrs(f"Tension\n\n{other}\n\n{told}\n\n{added}\n")
    assert attrs[told] == ("President Park Min-hye", "quote")
    assert attrs[added] == ("President Park Min-hye", "quote")


def test_a_weekday_between_the_name_and_its_verb_leaves_the_name_the_subject():
    said = "President Barack Obama Monday said the deal was good."
    attrs = _attrs(f"Deal\n\n{said}\n")
    assert attrs[said] == ("President Barack Obama", "reported")


def test_a_reporters_reports_relays_the_one_who_speaks_inside():
    stressed = (
        "The majority leader stressed that it was a risky time to let the powers lapse, Dana Okoro reports."
    )
    warned = "The minister warned that prices would rise, Jane Cole reports."
    own = "Dana Okoro reports that the vote was delayed twice."
    attrs = _attrs(f"Senate\n\n{own}\n\n{stressed}\n\n{warned}\n")
    assert attrs[own] == ("Dana Okoro", "reported")
    assert attrs[stressed] == ("Majority leader", "reported")
    assert attrs[warned] == ("Minister", "reported")


def test_reported_or_cited_as_saying_gives_the_words_to_the_one_reported():
    reported = (
        'The agency reported a spokesman for the interior ministry, Omar Haddad, as saying, "The rule of '
        'reciprocity is known to every state."'
    )
    cited = 'State radio cited the defence minister as saying, "We will not give up an inch."'
    attrs = _attrs(f"Seizure\n\n{reported}\n\n{cited}\n")
    assert attrs[reported][0] not in (None, "Agency")
    assert attrs[cited] == ("Defence minister", "quote")


def test_a_name_inside_another_persons_description_is_not_the_he_who_writes():
    reply = (
        "That was the reply Friday from the Romney team after Obama's campaign manager tried again to pry "
        "more documents from the candidate."
    )
    wrote = (
        "Romney campaign manager Luke Brandt wrote a short email to Obama campaign manager Tom Reyes "
        "turning down the offer."
    )
    quote = (
        '"Thanks for the note. It is clear that President Obama wants nothing more than to talk about the '
        "governor's taxes,\" he wrote."
    )
    attrs = _attrs(f"Offer\n\n{reply}\n\n{wrote}\n\n{quote}\n")
    assert attrs['"Thanks for the note.'] == ("Luke Brandt", "quote")


def test_proposals_stories_deals_and_phone_ins_are_acts_a_demand_voiced_is_not():
    proposed = "Senator Ruth Calder proposed a plan on Friday to double the federal tax on private jets."
    measure = "Mr Vance first proposed a measure to extend the program to June 9."
    voiced = (
        "The governor is proposing a 4 percent cut for road spending, while at the same time calling for "
        "a boost for the schools."
    )
    story = "Calder told the story of her grandfather's crossing from Sicily in a speech to the convention."
    agree = "The council met late into the night but still failed to agree on extending the curfew."
    phone = "On Sunday, Mr Vance called into a radio show to give a long interview."
    that = "Calder proposed that the tax be doubled."
    body = f"Budget\n\n{proposed}\n\n{measure}\n\n{voiced}\n\n{story}\n\n{agree}\n\n{phone}\n\n{that}\n"
    attrs = _attrs(body)
    for act in (proposed, measure, story, agree, phone):
        assert attrs[act] == (None, "narration"), act
    assert attrs[voiced][1] == "reported"
    assert attrs[that] == ("Sen. Ruth Calder", "reported")


def test_unnamed_media_as_the_subject_and_a_signs_text_are_narration():
    media = "Reports carried by local media said the hostages had been starved and beaten."
    state = "State media reported that the minister will resign."
    sign = (
        "As news of the rescue spread, families gathered near the school, where a sign over the door, "
        'topped with wire, read: "Centre for Quranic studies."'
    )
    attrs = _attrs(f"Raid\n\n{media}\n\n{state}\n\n{sign}\n")
    assert attrs[media] == (None, "narration")
    assert attrs[state] == ("State media", "reported")
    assert attrs[sign] == (None, "narration")


def test_a_passive_accusation_names_no_accuser_from_a_later_clause():
    scandal = (
        "The network is caught in a harassment scandal that led to a string of senior figures leaving, "
        "including the chairman Ray Dalton, who has since died."
    )
    accused = (
        "It has also been accused of colluding with the governor's office on a discredited story about a "
        "murdered party activist, which critics of the Hallorans have compared to the tabloid hacking the "
        "phone of a murdered schoolgirl."
    )
    labelled = 'When FactWatch examined the senator\'s statement, it was labeled "Mostly True."'
    attrs = _attrs(f"Channel\n\n{scandal}\n\n{accused}\n\n{labelled}\n")
    assert attrs[accused] == (None, "narration")
    assert attrs[labelled][0] == "FactWatch"


def test_stepping_back_from_comments_is_narration_a_worry_with_a_clause_is_a_view():
    stepped = "The president has stepped back from comments he made about taking help from foreign states."
    worry = "Shoppers will see no change soon but smaller startups worry the new rules could raise costs."
    attrs = _attrs(f"Rules\n\n{stepped}\n\n{worry}\n")
    assert attrs[stepped] == (None, "narration")
    assert attrs[worry] == ("Smaller startups", "reported")


def test_a_group_named_by_an_example_keeps_it():
    leaders = "Leaders such as House Speaker Tom Aldine say they want to avoid the cuts."
    attrs = _attrs(f"Cuts\n\n{leaders}\n")
    assert attrs[leaders] == ("Leaders such as House Speaker Tom Aldine", "reported")


def test_speech_in_a_relative_or_concessive_clause_leaves_the_sentence_to_the_writer():
    relative = (
        "Mr Hale made his appeal in a letter to the Senate leader Ann Corby, who said last week she would "
        "not hold a vote."
    )
    steel = (
        "Norland Steel, which said it was restarting idled furnaces, has yet to hire the workers it promised."
    )
    although = (
        'Although the president has famously said trade wars are "easy to win," the lingering costs of the '
        "tariffs show how hard they can be."
    )
    quoted = '"We will fight," said Ann Corby, who leads the union.'
    attrs = _attrs(f"Steel\n\n{relative}\n\n{steel}\n\n{although}\n\n{quoted}\n")
    for narrated in (relative, steel, although):
        assert attrs[narrated] == (None, "narration"), narrated
    assert attrs[quoted] == ("Ann Corby", "quote")


def test_an_order_with_a_list_of_places_after_it_is_an_act():
    ordered = (
        "Florida Gov. Ron DeSantis ordered anyone flying in from New York, New Jersey or Connecticut to "
        "self-isolate for two weeks, states that are among those hit hardest by the virus."
    )
    attrs = _attrs(f"Travel\n\nSome governors have acted on travel on their own. {ordered}\n")
    assert attrs[ordered] == (None, "narration")


def test_proposing_a_deed_letting_people_in_and_a_death_total_are_not_speech():
    boosting = (
        "Last week, city lawmakers also proposed boosting the minimum wage to $15 an hour, while hundreds of "
        "nurses packed the council chambers in support of a proposed ordinance that would set a $15 wage."
    )
    admits = "The country admits more immigrants than any other nation on Earth."
    total = "The death total of 1,177 is the sixth-highest in the world, suggesting the system is strained."
    mistakes = "The company admitted mistakes in its accounts."
    attrs = _attrs(f"Wages\n\n{boosting}\n\n{admits}\n\n{total}\n\n{mistakes}\n")
    for narrated in (boosting, admits, total):
        assert attrs[narrated] == (None, "narration"), narrated
    assert attrs[mistakes] == ("Company", "reported")


def test_a_list_with_a_common_noun_speaks_as_one_group_named_as_written():
    airlines = "Airlines, industry officials and even health experts say flights are an essential service."
    defenders = "RT and its defenders say that the network is no more biased than any other."
    attrs = _attrs(f"Flights\n\n{airlines}\n\n{defenders}\n")
    assert attrs[airlines] == ("Airlines, industry officials and even health experts", "reported")
    from askisk.models import Source
    from askisk.speakers.corpus import analyse

    doc = analyse(Source(id="t", title="t", path="t.md", body=f"Flights\n\n{airlines}\n"))
    cue = next(a.cue for p, a in zip(doc.passages, doc.attributions, strict=True) if p.text == airlines)
    assert cue == "Airlines, industry officials and even health experts say"
    assert attrs[defenders] == ("RT", "reported")


def test_a_block_signed_by_a_person_the_page_names_is_theirs_a_credit_line_is_not():
    body = (
        "Dana Pryce: the country saved her\n\n"
        "No country can survive being ruled by people who hate it. We deserve better. — Dana Pryce\n\n"
        "The storm hit the coast on Monday. Thousands lost power. — Associated Press\n"
    )
    attrs = _attrs(body)
    # words set off without quotation marks are reported (the annotation brief; session 66)
    assert attrs["No country can survive being ruled by people who hate it."] == ("Dana Pryce", "reported")
    assert attrs["We deserve better. — Dana Pryce"] == ("Dana Pryce", "reported")
    assert attrs["The storm hit the coast on Monday."] == (None, "narration")


def test_a_surname_with_a_scraped_link_glued_on_is_cut_back():
    said = (
        "Senate Armed Services Chairman John McCain John Sidney McCain2020 Democrats make play for votes "
        "said the tests were a threat."
    )
    again = '"Part of that is ISR capabilities," he said.'
    mac = "General Douglas MacArthur said he would return."
    attrs = _attrs(f"Tests\n\n{said}\n\n{again}\n\n{mac}\n")
    assert attrs[said] == ("John Sidney McCain", "reported")
    assert attrs[again] == ("John Sidney McCain", "quote")
    assert attrs[mac] == ("Gen. Douglas MacArthur", "reported")


def test_asking_for_an_order_and_pledging_money_are_acts():
    asked = "The network asked for a temporary restraining order."
    pledged = "By Tuesday, about 850 donors had pledged more than $32,000."
    should = (
        "The statement comes after the former president, in an interview with a news site, said Mr Dole "
        "should live up to his promise to voters."
    )
    attrs = _attrs(f"Suit\n\n{asked}\n\n{pledged}\n\n{should}\n")
    for narrated in (asked, pledged):
        assert attrs[narrated] == (None, "narration"), narrated
    assert attrs[should][0] != "Mr Dole"
