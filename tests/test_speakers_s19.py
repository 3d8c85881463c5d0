"""Attribution on shapes met in the session-19 error review of the seen news golds (issue 15): names the
small parser loses (an inverted "said Mr X," hung on the next clause, a subject cut off by a dashed aside,
an organisation in apposition to "one of …"), calls that are telephone calls or names, a participle of
opinion nobody holds, a colon before a quotation, a quoted subhead, and, under the news convention, what
was found out, a plea or testimony given without its words, and a question given only by its topic.
Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def _polnear(body: str) -> dict[str, tuple[str | None, str]]:
    return _attrs(body, convention="polnear")


def test_an_inverted_name_hung_on_the_next_clause_still_speaks():
    said = "Instead, said Mr Doctorow, DRM systems were intended to control the group that firms hold."
    got = _attrs(f"Format wars.\n\nCory Doctorow is a writer.\n\n{said}\n")
    assert got[said] == ("Cory Doctorow", "reported")


def test_a_subject_before_a_dashed_aside_still_speaks():
    said = (
        "A day earlier, Mr Yushchenko - keen to reassure potential investors - had said only 30 to 40 top "
        "firms would be reviewed."
    )
    plain = "A day earlier, the mill - the country's largest - had been sold for $800m."
    got = _attrs(f"Ukraine sell-offs.\n\nViktor Yushchenko is president.\n\n{said}\n\n{plain}\n")
    assert got[said] == ("Viktor Yushchenko", "reported")
    assert got[plain] == (None, "narration")


def test_an_organisation_named_in_apposition_is_the_speaker():
    one = "One of the jilted bidders, Netherlands-based group LNM, said it welcomed the possibility."
    group = "Netherlands-based group LNM said it would bid again."
    many = "One of the analysts said the market would fall."
    got = _attrs(f"Sell-offs.\n\n{one}\n\n{group}\n\n{many}\n")
    assert got[one] == ("LNM", "reported")
    assert got[group] == ("LNM", "reported")
    assert got[many] == ("One of the analysts", "reported")


def test_a_telephone_call_a_summons_or_a_name_is_no_statement():
    phone = "A family friend found the suspect's car in the hotel parking lot and called 911."
    name = "Called the Marlin Joint Development Association, the alliance will define basic specifications."
    summons = "Now the agency's design team has called in a facility in the Netherlands to study the idea."
    names_it = "Senator Ann Lee called the decision a disgrace."
    demand = "Senator Ann Lee called for an inquiry into the deal."
    got = _attrs(f"Calls.\n\n{phone}\n\n{name}\n\n{summons}\n\n{names_it}\n\n{demand}\n")
    assert got[phone] == got[name] == got[summons] == (None, "narration")
    assert got[names_it] == ("Sen. Ann Lee", "reported")
    assert got[demand] == ("Sen. Ann Lee", "reported")


def test_a_participle_of_opinion_with_nobody_holding_it_is_narration():
    seen = "Israel seized control of the territories, seen as pivotal parts of any future state, in 1967."
    held = "Many diplomats see the territories as pivotal parts of any future state."
    got = _attrs(f"Settlements.\n\n{seen}\n\n{held}\n")
    assert got[seen] == (None, "narration")
    assert got[held] == ("Many diplomats", "reported")


def test_after_a_colon_only_the_words_said_decide_the_kind():
    colon = (
        "Speaking at the Australian Open on Monday, before the official named her, Kuznetsova said: "
        "\"I'm not worried."
    )
    rest = "I'm not using anything to push myself.\""
    got = _attrs(f"Drugs test.\n\nSvetlana Kuznetsova is a tennis player.\n\n{colon} {rest}\n")
    assert got[colon] == ("Svetlana Kuznetsova", "quote")


def test_a_quoted_subhead_is_narration_and_a_quoted_sentence_is_not():
    body = (
        "Witnesses testified on Tuesday.\n\n"
        '"My fears have been realized"\n\n'
        'Tim Morrison said the call worried him. "I was concerned about what was discussed."\n'
    )
    got = _attrs(body)
    assert got['"My fears have been realized"'] == (None, "narration")
    assert got['"I was concerned about what was discussed."'] == ("Tim Morrison", "quote")


def test_what_was_found_out_is_the_writers_under_news_and_a_view_under_polnear():
    realized = "When the music didn't go away, Steenburgen realized that she had to do something with it."
    denied = "Eyamba Sowers didn't know Patrick was coming but saw his visit as a pleasant surprise."
    body = f"Songs.\n\nMary Steenburgen is an actor.\n\n{realized}\n\n{denied}\n"
    news, polnear = _attrs(body), _polnear(body)
    assert news[realized] == (None, "narration")
    assert polnear[realized] == ("Mary Steenburgen", "reported")
    assert news[denied] == ("Eyamba Sowers", "reported")


def test_a_plea_or_testimony_without_its_words_is_an_act_under_news():
    plea = "Noel and Thomas pleaded not guilty in Manhattan federal court on Tuesday afternoon."
    urged = "In a letter, the doctors pleaded with the administration to reconsider its decision."
    testified = (
        "Later in the day, Kurt Volker, former special envoy to Kyiv, and Tim Morrison, another top NSC "
        "aide, testified before the House."
    )
    body = f"Hearings.\n\nTova Noel and Michael Thomas are guards.\n\n{plea}\n\n{urged}\n\n{testified}\n"
    news, polnear = _attrs(body), _polnear(body)
    assert news[plea] == news[testified] == (None, "narration")
    assert news[urged][1] == "reported"
    assert polnear[testified] == ("Kurt Volker and Tim Morrison", "reported")  # both testified (s30)


def test_a_question_given_only_by_its_topic_reports_nothing_under_news():
    topic = "Republican counsel Steve Castor asked Morrison about concerns within the NSC."
    asked = "Steve Castor asked whether the call had been recorded."
    got = _attrs(f"Hearings.\n\nTim Morrison testified.\n\n{topic}\n\n{asked}\n")
    assert got[topic] == (None, "narration")
    assert got[asked] == ("Steve Castor", "reported")


def test_the_hearer_after_a_participle_of_telling_is_not_an_inverted_speaker():
    """Session 45, PolNeAR train: "…, telling Reuters, "…"" gave the quote to Reuters, who was told."""
    told = (
        'Hours later, Donald Trump returned the compliment to Adelson, telling Reuters, "Sheldon and I have '
        'been friends for a long time."'
    )
    got = _attrs(f"Casino politics.\n\nDonald Trump spoke in Las Vegas.\n\n{told}\n")
    assert got[told] == ("Donald Trump", "quote")
