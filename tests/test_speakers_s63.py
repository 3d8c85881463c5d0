"""Session 63 (issue 15): shapes read on the session-62 blind page set (s174ab-s179ab), once it had been
measured, each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, not copied from a page."""

from __future__ import annotations

from conftest import HARBOR_LEAD as LEAD
from conftest import attribution_of as _one


def test_a_boast_after_an_act_is_a_statement():
    sentence = (
        "Mayor Ana Ruiz pitched her transit record to voters on Monday, "
        "boasting that the buses would finally run on time."
    )
    assert _one(sentence) == ("Mayor Ana Ruiz", "reported")


def test_a_speech_verb_read_as_a_participle_of_the_root_noun_speaks():
    sentence = (
        "A former county clerk alleged last year that she was pushed out of her job by the board's chairman."
    )
    assert _one(sentence) == ("Former county clerk", "reported")


def test_a_person_after_an_organisation_and_a_title_is_the_speaker():
    sentence = (
        "The Harbor Council Against Ferry Noise campaign coordinator Lena Brook said she was not surprised."
    )
    assert _one(sentence) == ("Lena Brook", "reported")


def test_no_one_of_a_group_said_nothing():
    assert _one("No Democrats have signed or said they would back the bill.") == (None, "narration")
    assert _one("No Democrats said they would back the bill.") == (None, "narration")
    assert _one("No fewer than six senators said they would back the bill.")[1] == "reported"


def test_a_relative_clause_without_a_relative_word_describes_its_noun():
    sentence = "The question every rider seems to be asking is whether the fares will rise."
    assert _one(sentence) == (None, "narration")


def test_a_closing_with_clause_that_gives_words_speaks():
    sentence = "The Keys were hit hard, with state officials saying that a quarter of homes were destroyed."
    assert _one(sentence) == ("State officials", "reported")
    framing = "With critics saying the plan is too costly, the council voted it down."
    assert _one(framing) == (None, "narration")


def test_was_how_someone_put_it_names_the_speaker():
    sentence = (
        "“We have a lot of work ahead of us,” was how Ruiz put it in mid-October, a week after the vote."
    )
    assert _one(sentence) == ("Ruiz", "quote")


def test_the_reports_named_before_are_no_unnamed_press():
    lead = LEAD + "New reports this week by the Budget Office warned of a slowdown in shipping. "
    sentence = "But the reports said that growth could return next year."
    assert _one(sentence, lead) == ("Budget Office reports", "reported")
    assert _one("Reports said that growth could return next year.") == (None, "narration")


def test_calls_not_returned_say_nothing():
    sentence = (
        "Tom Reyes, a spokesman for the harbor board, did not immediately return phone calls for comment."
    )
    assert _one(sentence) == (None, "narration")


def test_an_order_to_act_or_for_a_thing_is_an_act():
    ordered = "A Nevada judge ordered Johnson & Johnson to hand over $40 million as part of a settlement."
    assert _one(ordered) == (None, "narration")
    bought = "The Jordanian government ordered and paid for the patrol boats for its navy back in 2012."
    assert _one(bought) == (None, "narration")
    assert _one("The judge ordered that the records be released.")[1] == "reported"


def test_a_theme_sounded_is_a_statement():
    assert _one("Senator Ruiz sounded a similar theme after the vote.") == ("Sen. Ruiz", "reported")
    assert _one("The band sounded great on Friday.") == (None, "narration")


def test_what_a_trailing_participle_calls_something_is_said():
    sentence = "Republicans are united against the measure, calling it a gift to the banks."
    assert _one(sentence) == ("Republicans", "reported")


def test_an_imploring_speech_is_a_statement():
    lead = LEAD + "Senator Maria Ortiz cast the deciding vote. "
    sentence = "She had implored colleagues to reach a deal during a long floor speech she gave on Tuesday."
    assert _one(sentence, lead) == ("Sen. Maria Ortiz", "reported")


def test_a_refusal_yields_to_a_clause_that_gives_words():
    sentence = "Reyes declined to name the driver, but a woman on the pier told reporters he was her son."
    assert _one(sentence) == ("Woman on the pier", "reported")
    assert _one("Reyes declined to name the driver.") == (None, "narration")


def test_a_strategy_or_a_mention_is_no_speaker():
    assert _one("That strategy underscores why the mayor gave her remarks on Friday.") == (None, "narration")
    sentence = "Ruiz's mention of a fair fares test refers to the review the board uses."
    assert _one(sentence) == (None, "narration")


def test_a_notice_read_after_its_words_speaks_them():
    sentence = (
        "“The ferry terminal has re-opened,” read an announcement on the port "
        "authority's website early Sunday."
    )
    speaker, kind = _one(sentence)
    assert kind == "quote" and speaker is not None and speaker.startswith("Announcement")


def test_a_heading_word_or_a_list_letter_before_a_colon_is_no_speaker():
    alert = (
        "“ALERT: This account will not be updated during the lapse in "
        "funding,” read a message on the agency's page."
    )
    assert _one(alert)[0] != "Alert"
    assert _one("B: Where the ferry board went wrong.") == (None, "narration")


def test_made_clear_with_a_clause_is_a_statement():
    sentence = (
        "Union chief Ray Tull is due to be in Dayton but lately made clear "
        "the dockworkers would play a smaller part."
    )
    assert _one(sentence) == ("Ray Tull", "reported")


def test_a_statement_a_group_pushed_back_in_is_its_words():
    sentence = (
        "But the Ruiz campaign pushed back in a statement charging that the mailer was part of a smear."
    )
    assert _one(sentence) == ("Ruiz campaign", "reported")


def test_playing_up_a_figure_is_praise_in_words():
    sentence = "The mayor's top adviser, Tom Reyes, also played up the jobs figure before its release."
    assert _one(sentence) == ("Tom Reyes", "reported")
    assert _one("The team played down the stretch with two guards.") == (None, "narration")


def test_a_headline_label_before_a_participle_clause_speaks():
    from spacy.tokens import Doc

    from askisk.nlp import pipeline
    from askisk.speakers.formats import lead_label

    # "Ruiz: San Juan mayor coming around on ferry fares": the small model read the headline's participle as
    # describing the noun before it, with no subject of its own
    words = ["Ruiz", ":", "San", "Juan", "mayor", "coming", "around", "on", "ferry", "fares"]
    heads = [0, 0, 3, 4, 0, 4, 5, 5, 9, 7]
    deps = ["ROOT", "punct", "compound", "compound", "appos", "acl", "advmod", "prep", "compound", "pobj"]
    tags = ["NN", ":", "NNP", "NNP", "NN", "VBG", "RB", "IN", "NN", "NNS"]
    pos = ["NOUN", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "ADV", "ADP", "NOUN", "NOUN"]
    vocab = pipeline().vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    inside = [False] * len(doc.text)
    assert [t.text for t in lead_label(doc, 0, len(doc.text), inside)] == ["Ruiz"]
    # "Ferries: …": a topic's plural before the same clause labels nothing
    plural = Doc(
        vocab, words=["Ferries", *words[1:]], heads=heads, deps=deps, tags=["NNS", *tags[1:]], pos=pos
    )
    assert lead_label(plural, 0, len(plural.text), inside) is None
    assert _one("Superbugs: drugs losing their power") == (None, "narration")


def test_a_name_in_the_who_clause_of_a_tag_after_a_quotation_is_not_the_speaker():
    sentence = (
        "“Throughout the trial our team showed the state's case was built on distortions,” attorney Tom "
        "Reyes, who is representing Harbor Foods and its subsidiary, Bayline Pharmaceuticals Inc., said "
        "after closing."
    )
    assert _one(sentence) == ("Tom Reyes", "quote")


def test_what_someone_is_to_say_is_not_yet_said():
    assert _one("The board was to announce whether the ferry would run.") == (None, "narration")


def test_a_title_given_to_a_work_is_nobodys_words():
    assert _one('The ad titled, "Fair Fares," was an aggressive reply to the claims.') == (
        None,
        "narration",
    )
    assert _one('Ruiz dubbed the plan "a disaster."') == ("Ruiz", "reported")
