"""Session 55 (issue 15): shapes read on the AllSides pages of sessions 53-54 (s97ab, s100ab, s101ab), each
checked through the real pipeline (spaCy's small model, the learned cue and pronoun models) on text written
for the test, not copied from a page."""

from __future__ import annotations

from conftest import attributions as _attrs

LEAD = "The harbor council met on Monday to vote on the ferry budget.\n\n"
MAYOR = "Mayor Ann Reyes spoke to the harbor council on Monday.\n\n"


def _one(sentence: str, convention: str = "news", lead: str = LEAD) -> tuple[str | None, str]:
    return _attrs(f"{lead}{sentence}\n", convention=convention)[sentence]


def test_a_paper_reporting_an_act_is_the_source_of_the_sentence():
    # the inner verb ("sided with") is an act, not speech the paper relays: the paper speaks
    sided = "Judge Ana Ruiz sided with the port authority in halting the sale, the Harbor Ledger reported."
    assert _one(sided) == ("Harbor Ledger", "reported")


def test_a_paper_relaying_words_still_gives_them_to_their_speaker():
    relayed = "Judge Ana Ruiz said the sale could not go ahead before spring, the Harbor Ledger reported."
    assert _one(relayed) == ("Judge Ana Ruiz", "reported")


def test_an_estimate_closing_the_sentence_is_its_source():
    estimated = (
        "About 3 million riders would have qualified for cheaper passes, but fewer than 30% of them would "
        "have gone on to buy one, the Coastal Transit Institute estimated at the time."
    )
    assert _one(estimated) == ("Coastal Transit Institute", "reported")


def test_a_plain_estimate_with_no_clause_before_it_stays_an_act():
    # the verb closes no clause of words: an estimate made, nothing given as said
    plain = "The Coastal Transit Institute estimated the cost of the new pier in the spring."
    assert _one(plain) == (None, "narration")


def test_unnamed_reports_before_a_colon_are_no_speaker():
    headline = "Reports: Ferry fares to double after the winter storms"
    got = _attrs(f"{LEAD}{headline}\n")
    assert got[headline] == (None, "narration")


def test_a_named_speaker_before_a_colon_still_speaks():
    label = "Ruiz: The ferry will run all winter on the old timetable"
    got = _attrs(f"Judge Ana Ruiz spoke on Monday.\n\n{label}\n")
    assert got[label][0] == "Judge Ana Ruiz"


def test_a_more_link_teaser_is_nobodys_words():
    teaser = "More: Skipper says the harbor council ignored two safety warnings"
    got = _attrs(f"{LEAD}{teaser}\n")
    assert got[teaser] == (None, "narration")


def test_a_past_tense_read_as_a_participle_after_a_name_is_the_verb():
    called = "Reyes called Lund a “coward” in a post on Friday for skipping the harbor vote."
    assert _one(called, lead=MAYOR) == ("Mayor Ann Reyes", "reported")


def test_a_past_tense_read_as_an_adjective_of_its_object_is_the_verb():
    # the small parser reads "Trump voiced" as two adjectives of "confidence", the sentence's root
    voiced = "In a radio interview, Trump voiced confidence in his economic plan."
    lead = "President Donald Trump spoke on Monday.\n\n"
    assert _one(voiced, lead=lead) == ("President Donald Trump", "reported")


def test_a_learned_noun_cue_yields_to_the_words_its_speaker_gives():
    credit = "Reyes took credit for the pier, writing on Facebook that the council had “finally listened.”"
    assert _one(credit, lead=MAYOR) == ("Mayor Ann Reyes", "reported")


def test_a_wish_or_a_guess_is_narration():
    for sentence in (
        "Council members hope the new fares will bring the riders back before summer.",
        "The captains could also wait for the vote, hoping that the fuel price falls.",
        "Riders can expect longer waits at the north pier this winter.",
        "The audit could detail payments that the council never approved.",
    ):
        assert _one(sentence) == (None, "narration"), sentence


def test_nobody_and_an_empty_it_hold_no_view():
    for sentence in (
        "But no one is really sure how the ferry will be paid for after March.",
        "Again, it's not certain that the new timetable will begin in April.",
    ):
        assert _one(sentence) == (None, "narration"), sentence


def test_a_thing_believed_to_be_something_is_no_speaker():
    relics = "The museum keeps an anchor believed to be from the first ferry and a bell believed to be older."
    assert _one(relics) == (None, "narration")


def test_a_bare_count_saying_something_speaks():
    count = "Another 2,000 said they would ride the ferry twice a week."
    assert _one(count) == ("Another 2,000", "reported")


def test_any_verb_between_a_quotation_and_its_speaker_tags_it():
    quoted = "“They will raise the fares and see who complains,” scoffed one veteran deckhand after the vote."
    assert _one(quoted) == ("One veteran deckhand", "quote")


def test_a_short_quotation_that_is_all_that_was_said_is_a_quote():
    short = 'Harbor master Tom Lund told the Ledger, "Everything is flooded."'
    assert _one(short) == ("Tom Lund", "quote")


def test_a_tag_glued_to_the_closing_quotation_mark_is_read():
    glued = '"The pier is a mess of bad decisions,"says Tom Lund, a retired harbor master.'
    assert _one(glued) == ("Tom Lund", "quote")


def test_a_hope_held_is_narration_and_a_hope_voiced_is_a_statement():
    held = "Democrats, though, are holding out hope that parts of the ferry law will stand after the vote."
    voiced = "Ferry workers expressed hope that the winter timetable would be kept."
    got = _attrs(f"{LEAD}{held}\n\n{voiced}\n")
    assert got[held] == (None, "narration")
    assert got[voiced] == ("Ferry workers", "reported")


def test_a_count_posted_is_narration_and_a_count_said_is_reported():
    posted = "The port authority reported nearly 3,000 cancelled crossings on Monday, a rise of about 200."
    said = "The port authority said nearly 3,000 crossings were cancelled on Monday."
    got = _attrs(f"{LEAD}{posted}\n\n{said}\n")
    assert got[posted] == (None, "narration")
    assert got[said] == ("Port authority", "reported")


def test_a_participle_the_writer_adds_after_the_quotation_is_not_what_was_said():
    added = "Lund said that “it was over,” referring to the long dispute between the council and the unions."
    assert _one(added) == ("Lund", "quote")
