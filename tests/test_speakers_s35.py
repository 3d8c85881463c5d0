"""Session 35 (issue 15): shapes met on a fresh BBC set (s61bbc), each checked through the real pipeline
(spaCy's small model, the learned cue and pronoun models) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_name_right_after_an_inverted_tag_speaks_even_with_what_qualifies_it():
    said = (
        "The finance ministers' remarks, said Hiroshi Tanabe of Mizuho Bank in Tokyo, were "
        '"far too timid to move the market".'
    )
    got = _attrs(f"The euro rose again on Monday.\n\n{said}\n")
    assert got[said][0] == "Hiroshi Tanabe"


def test_people_named_by_their_trade_suggest_a_view_a_thing_does_not():
    analysts = "Analysts have suggested that the ministry needs to publish the full list of bidders."
    economists = "Economists suggest that interest rates will rise before the summer."
    graves = "The groupings suggest that whole families were buried together."
    got = _attrs(f"The sale was halted in March.\n\n{analysts}\n\n{economists}\n\n{graves}\n")
    assert got[analysts] == ("Analysts", "reported")
    assert got[economists] == ("Economists", "reported")
    assert got[graves] == (None, "narration")


def test_one_of_several_named_in_apposition_speaks_for_itself():
    told = (
        "One of the foreign bidders who lost out, steel giant LNM, told BBC News that it would be "
        "interested in any new sale."
    )
    got = _attrs(f"The steel mill was sold to a local group.\n\n{told}\n")
    speaker, kind = got[told]
    assert kind == "reported" and speaker is not None and speaker.endswith("LNM")


def test_an_opening_participle_is_no_speaker():
    first = "Officials in Washington were talking up the dollar, they said, but failing to act."
    voiced = (
        "Meeting in Brussels, finance ministers of the 12 eurozone countries voiced their concern that "
        "the rise of the currency was harming exports."
    )
    got = _attrs(f"European leaders blamed the US for the rise of the euro.\n\n{first} {voiced}\n")
    speaker, kind = got[voiced]
    assert kind == "reported" and speaker is not None and speaker.lower().startswith("finance ministers")


def test_a_statement_that_reads_after_a_quotation_is_its_source():
    quote = '"We did not know where the advert was placed," read a statement from the phone firm.'
    got = _attrs(f"Adverts for the firm were found on the network this week.\n\n{quote}\n")
    speaker, kind = got[quote]
    assert kind == "quote" and speaker is not None and "statement" in speaker.lower()


def test_a_reaction_told_without_words_is_narration_under_the_news_line():
    drawn = "The dam has drawn criticism from environmental groups and human rights activists."
    passive = "Harbour Bank was criticised by financial regulators and may have to restate its profits."
    questioned = "Mr Dale's fitness was famously questioned by Mr Kerr, who sent him home from training."
    active = "The Greens and the Liberals have questioned the timing of the new rules."
    named_as = "The plan was condemned by the unions as a stunt."
    body = f"The project began in 1994.\n\n{drawn}\n\n{passive}\n\n{questioned}\n\n{active}\n\n{named_as}\n"
    got = _attrs(body)
    assert got[drawn] == (None, "narration")
    assert got[passive] == (None, "narration")
    assert got[questioned] == (None, "narration")
    assert got[active][1] == "reported"
    assert got[named_as][1] == "reported"
    polnear = _attrs(body, convention="polnear")
    assert polnear[passive][1] == "reported"


def test_a_choice_still_open_is_narration_a_decision_stated_is_not():
    deciding = "The federation is deciding whether to appeal against the ruling at the sports court."
    decided = "The board decided that the plan was sound."
    got = _attrs(f"The tribunal cleared both sprinters.\n\n{deciding}\n\n{decided}\n")
    assert got[deciding] == (None, "narration")
    assert got[decided][1] == "reported"


def test_a_verb_the_writer_quotes_alone_is_still_the_cue():
    condemned = 'Richard Tull "totally condemned" the deletion of e-mails before the new law came in.'
    got = _attrs(f"The watchdog opened an inquiry on Monday.\n\n{condemned}\n")
    assert got[condemned] == ("Richard Tull", "reported")


def test_of_two_coordinate_clauses_the_one_that_gives_words_speaks():
    mixed = "A handful of shares showed signs of weakness but dealers said investors were awaiting the data."
    voted = "The senator voted for the bill and said it was fair."
    got = _attrs(f"Tokyo stocks closed higher.\n\n{mixed}\n\n{voted}\n")
    assert got[mixed] == ("Dealers", "reported")
    assert got[voted][1] == "reported"


def test_ruling_something_out_is_a_position_being_ruled_out_is_not():
    currie = "Lord Tarrant did not rule out the possibility of new rules for the internet."
    injured = "Smith has been ruled out of the match with a knee injury."
    got = _attrs(f"Regulators met on Monday.\n\n{currie}\n\n{injured}\n")
    assert got[currie] == ("Lord Tarrant", "reported")
    assert got[injured] == (None, "narration")


def test_a_title_after_the_lede_describes_the_one_who_spoke_there():
    lede = "The budget has failed the poorest families, Harold Penwick has said."
    title = "The prime minister said the rebate did nothing to fix an unfair tax."
    again = "Later the prime minister said the government could not go on patching up the system."
    got = _attrs(f"Penwick attacks budget\n\n{lede}\n\n{title} {again}\n")
    assert got[title] == ("Harold Penwick", "reported")
    assert got[again] == ("Harold Penwick", "reported")
    two = "Ann Lyle said the plan was fair. Bob Carr said it was not."
    got = _attrs(f"Budget row\n\n{two}\n\n{title}\n")
    assert got[title][0] not in ("Ann Lyle", "Bob Carr")


def test_a_closing_tag_with_its_hearer_gives_the_sentence_before_it():
    lede = "Harold Penwick has said the new president will change course."
    told = (
        'He understood that "the best prospect of peace lies in the spread of democracy", '
        "Mr Penwick told the Guardian newspaper."
    )
    got = _attrs(f"Penwick praises ally\n\n{lede}\n\nMr Bush was sworn in on Thursday. {told}\n")
    assert got[told] == ("Harold Penwick", "quote")
