"""Session 36 (issue 15): shapes met on fresh BBC and Reuters sets (s63bbc, s63reu), each checked through the
real pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_figure_someone_puts_at_a_number_is_their_estimate():
    put = "Harbour Oil put output for the year at 2.4 million barrels, up 6% on 2003."
    exports = "Gulf shipping sources put exports through the strait at 80,000 bpd last month."
    risk = "The strike put the whole expansion plan at risk."
    got = _attrs(f"Oil output rose again.\n\n{put}\n\n{exports}\n\n{risk}\n")
    assert got[put] == ("Harbour Oil", "reported")
    speaker, kind = got[exports]
    assert kind == "reported" and speaker is not None and "sources" in speaker.lower()
    assert got[risk] == (None, "narration")


def test_results_a_firm_posts_are_accounts_not_words_under_the_news_line():
    posted = "Last week, rival Kestrel Oil reported an annual profit of $9.5bn, a record for the group."
    loss = "The carmaker posted a loss of £40m in the third quarter."
    said = "Kestrel Oil reported that its profits had fallen for a third year."
    saying = "The carmaker posted a loss of £40m, saying demand in Europe had collapsed."
    body = f"Oil firms gained in London.\n\n{posted}\n\n{loss}\n\n{said}\n\n{saying}\n"
    got = _attrs(body)
    assert got[posted] == (None, "narration")
    assert got[loss] == (None, "narration")
    assert got[said] == ("Kestrel Oil", "reported")
    assert got[saying][1] == "reported"  # the words come with the results
    assert _attrs(body, convention="polnear")[posted][1] == "reported"  # PolNeAR's scheme is unchanged


def test_a_participle_that_describes_its_noun_gives_no_words():
    groups = "Groups challenging the runway plans include Stop Fenwick Expansion and the Quiet Skies Trust."
    saying = "Residents saying that the noise was unbearable were ignored by the council."
    got = _attrs(f"The airport wants a second runway.\n\n{groups}\n\n{saying}\n")
    assert got[groups] == (None, "narration")
    assert got[saying][1] == "reported"


def test_the_one_made_to_speak_speaks_not_what_made_them():
    prompted = (
        "The feud between the two ministers has prompted a party donor to say he will stop giving money."
    )
    got = _attrs(f"The party is split.\n\n{prompted}\n")
    speaker, kind = got[prompted]
    assert kind == "reported" and speaker is not None and speaker.lower().endswith("donor")


def test_a_scene_the_parser_reads_as_the_words_of_the_tag_stays_narration():
    # the small parser makes "His comments come" the complement of "told" and leaves "after" alone
    come = (
        "His comments come after Dave Prentis, the leader of the union, told the Daily Record newspaper "
        "that the chancellor should be the next leader."
    )
    got = _attrs(f"A donor criticised the government.\n\n{come}\n")
    assert got[come] == (None, "narration")


def test_a_report_named_after_a_closing_verb_is_its_subject():
    predicts = (
        "Around 20 million Britons will miss out on essential services such as education, predicts the "
        "report by telecoms giant Kestrel."
    )
    got = _attrs(f"The digital divide will not close by itself.\n\n{predicts}\n")
    speaker, kind = got[predicts]
    assert kind == "reported" and speaker is not None and "Kestrel" in speaker


def test_attacking_a_government_over_a_policy_is_criticism_attacking_a_town_is_not():
    attacked = "The donor also attacked the government over Iraq and its poor response to the floods."
    raid = "Rebels attacked the town at dawn."
    got = _attrs(f"Mr Duncan Bannatyne gave £1m to the party.\n\n{attacked}\n\n{raid}\n")
    assert got[attacked][1] == "reported"
    assert got[raid] == (None, "narration")


def test_calling_someone_back_to_a_place_is_a_summons():
    summons = "Four hours later, Sir Edward called the Liberal leader back to Downing Street for more talks."
    named = "Sir Edward called the offer a disgrace."
    got = _attrs(f"The talks failed.\n\n{summons}\n\n{named}\n")
    assert got[summons] == (None, "narration")
    assert got[named][1] == "reported"


def test_few_who_expect_something_hold_a_view_few_who_attend_do_not():
    expect = "But few expect the calendar to be completely abolished."
    attend = "Few attended the hearing on Monday."
    got = _attrs(f"The central bank keeps its bond calendar.\n\n{expect}\n\n{attend}\n")
    assert got[expect] == ("Few", "reported")
    assert got[attend] == (None, "narration")


def test_talks_held_with_someone_are_an_act_under_the_news_line():
    talks = "The exchange is discussing the idea with the London and New York authorities."
    said = "The exchange said it was discussing the idea with the London authorities."
    got = _attrs(f"The exchange wants a trading link.\n\n{talks}\n\n{said}\n")
    assert got[talks] == (None, "narration")
    assert got[said][1] == "reported"
