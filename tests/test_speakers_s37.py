"""Session 37 (issue 15): shapes met on fresh BBC and Reuters sets (s65bbc, s65reu), each checked through the
real pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_an_aside_between_spaced_dashes_is_not_part_of_the_name():
    said = (
        "Fund manager Clara Vossberg - Lindholm Athletic's largest investor - said she would only invest "
        "more money if she got a greater say."
    )
    then = '"I demand better transparency," she is quoted as saying by a German magazine.'
    got = _attrs(f"Lindholm Athletic is near collapse.\n\n{said} {then}\n")
    assert got[said] == ("Clara Vossberg", "reported")
    assert got[then] == ("Clara Vossberg", "quote")


def test_two_descriptions_joined_by_and_name_one_speaker():
    club = (
        "German football club and former European champion Fortuna Dortmund has warned it will go "
        "bankrupt if rescue talks with creditors fail."
    )
    chair = "Chairman and chief executive John Smith has said the firm will grow."
    pair = "Teacher and mother Mary Jenkins and her husband said they were pleased."
    got = _attrs(f"Clubs face a cash crunch.\n\n{club}\n\n{chair}\n\n{pair}\n")
    assert got[club][0] is not None and got[club][0].endswith("Fortuna Dortmund")
    assert got[chair] == ("John Smith", "reported")
    assert got[pair][0] != "Mary Jenkins"  # two people speak, not the one named


def test_words_told_in_a_clause_that_frames_the_writers_sentence_are_narration():
    lead = (
        "German football club and former European champion Fortuna Dortmund has warned it will go bankrupt "
        "if rescue talks with creditors fail."
    )
    after = (
        "The company's shares tumbled after it said it has \"entered a life-threatening profitability and "
        'financial situation".'
    )
    # an "it" no one matches, after a person spoke: neither the person's words nor anyone's
    again = 'Shares tumbled after it said it was "in a life-threatening financial situation".'
    told = '"We will survive," Gerd Hollmann told reporters.'
    got = _attrs(f"Fortuna Dortmund near bust\n\n{lead}\n\n{after}\n\n{told}\n\n{again}\n")
    assert got[after] == (None, "narration")
    assert got[told] == ("Gerd Hollmann", "quote")
    assert got[again] == (None, "narration")


def test_the_one_a_role_noun_introduced_is_the_same_one_later():
    body = (
        "Brazil's creditors meet today.\n\n"
        "One senior banker closely involved in the debt talks offered qualified support for a call from "
        "Dilson Funaro for a new committee.\n\n"
        "Funaro said yesterday that U.S. banks were over-represented on the committee.\n\n"
        'The senior banker was strongly opposed to a purely regional approach, saying: "There must be one '
        'committee." But he added: "There must be an understanding."\n\n'
        '"The menu must become richer," the banker said.\n'
    )
    got = _attrs(body)
    added = 'But he added: "There must be an understanding."'
    menu = '"The menu must become richer," the banker said.'
    assert got[added][0] is not None and "banker" in got[added][0].lower()
    assert got[menu][0] == got[added][0]


def test_the_company_a_story_is_about_speaks_for_the_company():
    body = (
        "Shares slump on drilling setback\n\n"
        "Shares in Marlow Petroleum plc, a UK oil explorer, closed down 18% after a disappointing update.\n\n"
        "The company said tests had shown no significant finds in one of its fields.\n\n"
        "A spokesman for the firm said the tax would wipe 5% off the field's value.\n"
    )
    got = _attrs(body)
    said = "The company said tests had shown no significant finds in one of its fields."
    assert got[said][0] is not None and got[said][0].startswith("Marlow Petroleum")
    # no organisation named before: the description stays the speaker
    alone = "The company said profits would fall."
    assert _attrs(f"Oil prices rose.\n\n{alone}\n")[alone] == ("Company", "reported")


def test_a_trade_noun_describes_the_person_the_story_is_about_and_an_age_alone_does_not():
    body = (
        "Donor attacks party feud\n\n"
        "Duncan Marwick has attacked the government over its response to the floods. "
        "His broadside came as former minister Robin Hale said he hoped the feud would end. "
        "Mr Marwick has previously given the party £50,000. He made his fortune from care homes.\n\n"
        "The businessman, whose latest venture is a casino in Newcastle, also voiced concern about the "
        "violence.\n\n"
        "The 52-year-old on Tuesday said he was reviewing his donations.\n"
    )
    got = _attrs(body)
    trade = (
        "The businessman, whose latest venture is a casino in Newcastle, also voiced concern about the "
        "violence."
    )
    assert got[trade] == ("Duncan Marwick", "reported")
    # an age gives neither a gender nor a calling: it stays as written, not the last one who spoke
    assert got["The 52-year-old on Tuesday said he was reviewing his donations."] == (
        "52-year-old",
        "reported",
    )
    # without the commas the relative clause picks someone out: a new speaker, not the one named before
    new = "The businessman who bought the club last year said the deal was fair."
    lede = body.split("The businessman,")[0]
    assert _attrs(f"{lede}{new}\n")[new][0] != "Duncan Marwick"


def test_they_after_a_sentence_about_people_is_those_people():
    body = (
        "Three senior executives of the airline are set to leave early.\n\n"
        "The executives have refused to confirm reports they plan to launch a rival airline. They announced "
        "in November they would quit in May, but did not give a reason.\n\n"
        "Residents were evacuated on Monday. They said the water rose within minutes.\n"
    )
    got = _attrs(body)
    announced = "They announced in November they would quit in May, but did not give a reason."
    assert got[announced] == ("Executives", "reported")
    assert got["They said the water rose within minutes."] == ("Residents", "reported")
    # a subject that cannot speak stands for no one ("Prices rose. They said …" is not the prices')
    prices = "Prices rose again. They said the data was weak."
    assert _attrs(f"Markets opened.\n\n{prices}\n")["They said the data was weak."][0] != "Prices"


def test_one_of_a_group_that_spoke_is_shown_as_one_of_them():
    said = "Underwriters away from the syndicate said they believed the deal was priced too aggressively."
    one = '"AAA-rated auto paper was trading about 75 basis points over Treasuries," one said.'
    added = '"It was a mistake," he added.'
    officials = "Kyrgyz officials said the border was closed."
    shut = '"It is shut," one said.'
    got = _attrs(f"Bond prices fell.\n\n{said}\n\n{one}\n\n{added}\n\n{officials}\n\n{shut}\n")
    assert got[said] == ("Underwriters", "reported")
    assert got[one] == ("One of the underwriters", "quote")
    assert got[added] == ("One of the underwriters", "quote")
    assert got[shut] == ("One of the Kyrgyz officials", "quote")


def test_a_closing_tag_the_parser_joins_as_a_second_clause_still_names_the_source():
    sales = (  # "track purchased" as the page wrote it: the parse this test is about
        "Sales of legally downloaded songs shot up more than tenfold in 2004, with 200 million track "
        "purchased online in the US and Europe in 12 months, the Veldmark Music Retailers Association "
        "(VMRA) reported last month."
    )
    joined = "The firm cut jobs, the union protested and workers walked out."
    got = _attrs(f"Music sales rose.\n\n{sales}\n\n{joined}\n")
    speaker, kind = got[sales]
    assert kind == "reported" and speaker == "Veldmark Music Retailers Association"
    assert got[joined] == (None, "narration")


def test_seeing_something_as_something_is_a_view_wherever_the_parser_hangs_the_as():
    see = "Economists see next week's inflation report from the bank as key to the decision on rates."
    view = "Economists view next week's inflation report as key to the decision."
    saw = "We saw the film as a family."
    got = _attrs(f"Rates are on hold.\n\n{see}\n\n{view}\n\n{saw}\n")
    assert got[see] == ("Economists", "reported")
    assert got[view] == ("Economists", "reported")
    assert got[saw] == (None, "narration")
