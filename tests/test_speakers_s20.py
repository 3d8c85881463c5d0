"""Attribution on shapes met in the session-20 review of the s23c gold (issue 15; BBC News pages of 2004–05
nobody here had read), each from a page of it: a surname said before its paragraph names a relative, an
analyst "of" a firm, "it" after a person spoke, a speaker the parser hangs inside an "of" phrase, a
speech tag with a colon after a quotation, and, under the news convention, aims and wishes, a forecast,
and "agreed" with a clause. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_surname_is_the_person_named_before_it_not_a_relative_named_later_in_its_paragraph():
    said = "“I was playing some experimental music,” said Kujda."
    body = (
        "Blip-pop.\n\nJarek Kujda, one of the project's founding members, has been into music for years.\n\n"
        f"{said} He realised the console could be a synthesizer. Malgorzata Kujda, Jarek's younger sister, "
        "describes a concert as a lot of noise.\n"
    )
    assert _attrs(body)[said] == ("Jarek Kujda", "quote")


def test_an_analyst_of_a_firm_is_the_speaker_not_the_firm():
    said = "Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says BA will fall short."
    assert _attrs(f"BA.\n\nBA made a profit.\n\n{said}\n")[said] == ("Mike Powell", "reported")


def test_it_after_a_person_spoke_is_the_organisation_last_named_as_a_subject():
    it = "It also reported on Friday that passenger numbers rose 8.1% in January."
    they = "It said it would hire again."
    body = (
        "Results.\n\nBritish Airways made a profit of 75m pounds. “We are pleased,” chairman Martin "
        f"Broughton said. {it}\n\nAnalyst Nick Clark said the result was good. {they}\n"
    )
    got = _attrs(body)
    assert got[it] == ("British Airways", "reported")
    assert got[they] == ("British Airways", "reported")


def test_a_passive_speech_verb_finds_its_agent_inside_the_of_phrase():
    accused = "China has been accused of blocking access to Google News by the media watchdog."
    paid = "He was accused of being paid by the firm."
    got = _attrs(f"Censors.\n\n{accused}\n\n{paid}\n")
    assert got[accused] == ("Media watchdog", "reported")
    assert got[paid] == (None, "narration")


def test_a_speech_tag_with_a_colon_after_a_quotation_opens_the_next_sentence():
    first = "“This award is not just for me, but for my family.”"
    second = "Gardener added: “All of us had worked very hard for a long time.”"
    body = f"Honours.\n\n“Winning gold was the highlight,” said Mark Lewis-Francis. {first} {second}\n"
    got = _attrs(body)
    assert got[first] == ("Mark Lewis-Francis", "quote")
    assert got[second][0] == "Gardener"


def test_an_aim_or_a_wish_with_only_an_infinitive_is_narration_under_news():
    hoped = "Hendrix supporters hoped to turn the home into a museum for the guitarist."
    wants = "The government wants the new bill to pass into law by 14 March."
    view = "The government hopes that the bill will pass."
    vow = "The minister vowed to fight on."
    body = f"Plans.\n\n{hoped}\n\n{wants}\n\n{view}\n\n{vow}\n"
    got = _attrs(body)
    assert got[hoped] == got[wants] == (None, "narration")
    # "hopes that …" is a wish too under the news golds' line (session 55: eight of eight such sentences)
    assert got[view] == (None, "narration")
    assert _attrs(body, convention="polnear")[view] == ("Government", "reported")
    assert got[vow][1] == "reported"
    assert _attrs(body, convention="polnear")[hoped] == ("Hendrix supporters", "reported")
    plan = "The firm plans to cut 400 jobs, its chief executive said on Monday."
    assert _attrs(f"Jobs.\n\n{plan}\n")[plan] == ("Its chief executive", "reported")


def test_a_forecast_and_agreeing_with_a_clause_are_statements_under_news():
    forecast = "BA had previously forecast a 2% to 3% rise in full-year revenue."
    agreed = "Campbell agreed receiving the honour capped off a difficult year for the sprinter."
    deal = "Lord Dubs agreed to withdraw his bill after its second reading."
    body = f"Results.\n\n{forecast}\n\nDarren Campbell won gold.\n\n{agreed}\n\n{deal}\n"
    got = _attrs(body)
    assert got[forecast] == ("BA", "reported")
    assert got[agreed] == ("Darren Campbell", "reported")
    assert got[deal] == (None, "narration")


def test_a_title_in_apposition_to_a_name_speaks_as_that_name():
    said = "The Lord Chancellor, Lord Falconer, agreed the 1701 Act of Settlement was discriminatory."
    assert _attrs(f"Succession.\n\n{said}\n")[said] == ("Lord Falconer", "reported")


def test_what_is_said_in_an_adverbial_clause_sets_the_scene_under_news():
    after = "The shares fell after the company warned that profits would drop."
    while_ = "While Smith said the bill was flawed, it passed easily."
    voted = "The government saw its majority cut to 14 as an amendment was rejected by the Commons."
    as_said = "As Smith said, the bill is flawed."
    main = "The bill passed, Smith said."
    body = f"Votes.\n\n{after}\n\n{while_}\n\n{voted}\n\n{as_said}\n\n{main}\n"
    got = _attrs(body)
    assert got[after] == got[while_] == got[voted] == (None, "narration")
    assert got[as_said] == got[main] == ("Smith", "reported")
    assert _attrs(body, convention="polnear")[after] == ("Company", "reported")


def test_an_act_then_a_statement_of_the_same_subject_is_reported_under_news():
    urged = "Lord Dubs agreed to withdraw his bill, but urged the government to think again."
    withdrew = "Lord Dubs agreed to withdraw his bill after its second reading."
    got = _attrs(f"Bill.\n\n{urged}\n\n{withdrew}\n")
    assert got[urged] == ("Lord Dubs", "reported")
    assert got[withdrew] == (None, "narration")
