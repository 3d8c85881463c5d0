"""Attribution on shapes met in the session-24 review of the s35 CNN gold (issue 15): a denial of claims,
a web address as the source, figures that speak for their owner, an "according to" that a verb of doing
does not relay, a closing "said the X of Y" the parser splits, scene-setting "in what X may see as" (a
closing "with X reporting that …" speaks since session 63), an allegiance pledged, evidence an inquiry
found, a craft with a woman's name, and "they" that cannot stand for one person. Texts written for these
tests. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.speakers import animacy


def test_a_denial_of_claims_is_the_deniers_statement_and_a_court_ruling_is_not():
    denies = "Minsk denies accusations by Vilnius that it has armed the smugglers."
    denied = "He denied the charges."
    ruled = "The judge rejected the claim."
    body = f"Lithuania closed two border posts. {denies} Officials named Petras Kalnas. {denied} {ruled}"
    got = _attrs(body)
    assert got[denies] == ("Minsk", "reported")
    assert got[denied][1] == "reported" and got[denied][0] is not None
    assert got[ruled] == (None, "narration")


def test_a_web_address_is_a_source():
    seats = "The cabin seats eight passengers, according to skyliner-jets.com."
    got = _attrs(f"The charter firm bought a new plane. {seats}")
    assert got[seats] == ("skyliner-jets.com", "reported")


def test_figures_speak_for_the_body_whose_they_are():
    owned = "Arrivals rose 4% in 2014, according to Tourism Malta's provisional figures."
    compound = "Thefts fell by a fifth, according to FBI statistics."
    bare = "Thefts fell by a fifth, according to figures."
    got = _attrs(f"The season was busy. {owned} {compound} {bare}")
    assert got[owned] == ("Tourism Malta", "reported")
    assert got[compound] == ("FBI", "reported")
    assert got[bare] == (None, "narration")


def test_according_to_names_the_source_over_a_verb_that_says_nothing():
    ranked = (
        "With 61 million visitors last year, the Louvre stayed in first place and continued to widen its "
        "lead, according to the Global Museums Association."
    )
    got = _attrs(f"The yearly museum rankings came out on Tuesday. {ranked}")
    speaker, kind = got[ranked]
    assert kind == "reported" and speaker is not None and "Museums Association" in speaker


def test_a_closing_said_keeps_a_name_the_parser_hangs_on_a_clause_of_its_own():
    arrested = (
        "The fugitive was arrested Friday at a beach house, said the Civil Police of Rio Grande do Sul state."
    )
    said = next(t for t in pipeline()(arrested) if t.text == "said")
    assert not any(c.dep_ == "nsubj" for c in said.children)  # "do" read as a verb with the name its subject
    speaker, kind = _attrs(f"Police in Brazil caught a man wanted in Ohio. {arrested}")[arrested]
    assert kind == "reported" and speaker is not None and "Civil Police" in speaker


def test_scene_setting_in_clauses_leave_the_main_clause_to_the_writer_and_a_closing_with_clause_speaks():
    # a closing "with X reporting that …" was narration by the s35 gold; three later golds (sessions 61-62)
    # and PolNeAR give it to X, so session 63 does too
    spread = "The rebels moved west, with Reuters reporting that they held two towns."
    treaty = "In what some diplomats may see as a provocation, Russia signed a pact with Abkhazia."
    involved = 'The chief said only a few clerks were involved with what lawmakers called "fraud".'
    got = _attrs(f"Fighting resumed. {spread} {treaty} {involved}")
    assert got[spread] == ("Reuters", "reported")
    assert got[treaty] == (None, "narration")
    assert got[involved][1] != "narration"  # "with" here is no frame: the chief said it


def test_pledging_allegiance_is_an_act():
    pledged = "Last month, the Tambura brigade -- another armed group -- pledged allegiance to the council."
    got = _attrs(f"Several militias changed sides. {pledged}")
    assert got[pledged] == (None, "narration")


def test_evidence_an_inquiry_found_is_its_finding():
    found = "The inspectors also found evidence of falsified safety logs at two plants."
    got = _attrs(f"A federal review of the utility ended on Monday. {found} Police found the logs.")
    assert got[found] == ("Inspectors", "reported")
    assert got["Police found the logs."] == (None, "narration")


def test_a_craft_with_a_womans_name_is_not_the_she_who_speaks():
    body = (
        "ESA's Selene probe will reach orbit on Monday. Selene will make its first pass next week. "
        '"We are thrilled," said Maria Okafor, the mission\'s lead scientist. Okafor said the data would '
        'arrive in May. Engineers will lower the orbit as Selene circles the moon. "It will be a long wait," '
        "she said."
    )
    selene = next(t for t in pipeline()(body) if t.text == "Selene" and t.dep_ == "nsubj")
    assert animacy.names_a_thing(selene)
    assert _attrs(body)['"It will be a long wait," she said.'] == ("Maria Okafor", "quote")


def test_they_never_stands_for_one_person():
    body = (
        '"Our daughter lived for music," her mother said. Thousands of fans have gathered online since her '
        "death. They say the venue ignored the warnings."
    )
    speaker, _ = _attrs(body)["They say the venue ignored the warnings."]
    assert speaker is None or "mother" not in speaker.lower()


def test_according_to_a_noun_the_parser_reads_as_a_verb():
    text = "The singer demanded a bigger trailer, according to show insiders."
    verb = next(t for t in pipeline()(text) if t.text == "show")
    assert verb.dep_ == "pcomp"  # the small parser's reading: "show" a verb, "insiders" its object
    speaker, kind = _attrs(f"The tour ended badly. {text} They said she rarely thanked anyone.")[text]
    assert kind == "reported" and speaker is not None and "insiders" in speaker.lower()


# Round 2, from the s36cnn gold


def test_a_quotation_right_after_a_glued_credit_opens_the_sentence():
    short = '(CNN)"We will build it," said Tomas Varga, the mayor.'
    long_ = '(CNN)"To find the new, one must first lose the old," wrote Elena Sora, the poet of Lisbon.'
    assert _attrs(f"{short} The council met on Monday.")[short] == ("Tomas Varga", "quote")
    assert _attrs(f"{long_} Her letters were sold.")[long_] == ("Elena Sora", "quote")


def test_a_statement_whose_words_a_message_carries_is_no_act():
    tweet = (
        "Ali Raza was due to be hanged on Friday, but a prison official confirmed on Thursday with a tweet "
        "that the hanging would be delayed."
    )
    assert _attrs(f"Lahore (CNN)A court reviewed the case. {tweet}")[tweet] == ("Prison official", "reported")


def test_an_order_given_is_an_act_and_a_paper_reporting_one_keeps_the_sentence():
    ordered = "Garland ordered the inquiry after a deputy shot an unarmed man."
    stay = "Lagos (CNN)Nigeria has ordered a stay of execution for the two men."
    fleet = "On Monday, state television reported that the president had ordered the navy to full alert."
    got = _attrs(f"{stay} Attorney General Merrick Garland spoke on Friday. {ordered} {fleet}")
    assert got[ordered] == (None, "narration")
    assert got[stay] == (None, "narration")
    assert got[fleet] == ("State television", "reported")


def test_a_hope_held_is_a_state_of_mind_told_by_the_writer():
    hoping = "The search team had been hoping that the bones would name the poet."
    hope = "Mission managers hope the probe will solve the puzzle."
    got = _attrs(f"The dig ended in March. {hoping} {hope}")
    assert got[hoping] == (None, "narration")
    # a hope held is a wish told under the news golds' line (session 55); PolNeAR annotates it
    assert got[hope] == (None, "narration")
    assert _attrs(f"The dig ended in March. {hoping} {hope}", convention="polnear")[hope] == (
        "Mission managers",
        "reported",
    )


def test_the_one_told_gives_the_teller_no_gender():
    body = (
        "In an essay on Tuesday, actress Mira Dane said she had surgery last month. Her doctor told her he "
        'wanted her to see a surgeon at once to check her lungs. "I tried to stay calm," she wrote.'
    )
    assert _attrs(body)['"I tried to stay calm," she wrote.'] == ("Mira Dane", "quote")


# Round 3, from the s37cnn gold


def test_an_act_with_a_saying_clause_is_the_subjects_statement():
    withdrew = (
        "Kiev (CNN)The main suspect in the bombing withdrew his confession Tuesday, saying he had been "
        "threatened and is innocent."
    )
    posted = (
        "A group calling itself the Cyber Front posted the names of 40 officers online, calling for attacks."
    )
    got = _attrs(f"{withdrew} {posted}")
    assert got[withdrew][1] == "reported" and "suspect" in (got[withdrew][0] or "").lower()
    assert got[posted] == (None, "narration")


def test_according_to_a_described_name_the_parser_breaks():
    text = (
        "The attack started about 5 p.m. local time when a car bomb exploded at the hotel's entrance, "
        "according to witness Aden Hussein, who said he was nearby when the blast happened."
    )
    witness = next(t for t in pipeline()(text) if t.text == "witness")
    assert witness.dep_ == "pcomp"  # the small parser's reading: "witness" a verb, the name its object
    speaker, kind = _attrs(f"Gunmen attacked a hotel. {text}")[text]
    assert kind == "reported" and speaker == "Aden Hussein"


def test_a_common_noun_before_a_titled_name_is_part_of_one_subject():
    said = (
        "They overpowered the hotel's security guards, said police Capt. Ahmed Abdi, adding that the "
        "gunbattle went on."
    )
    verb = next(t for t in pipeline()(said) if t.text == "said")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["police", "Abdi"]  # one subject, as two
    speaker, kind = _attrs(f"Gunmen stormed a market on Sunday. {said}")[said]
    assert kind == "reported" and speaker is not None and speaker.endswith("Ahmed Abdi")


def test_a_name_and_said_after_a_quoted_word_start_a_new_sentence():
    from askisk.sources.passages import sentence_spans

    text = (
        'Trade Minister Anna Kale said the attack amounted to "sabotage." Prime Minister Lars Berg said at a '
        "briefing that the risk was low."
    )
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces == [
        'Trade Minister Anna Kale said the attack amounted to "sabotage."',
        "Prime Minister Lars Berg said at a briefing that the risk was low.",
    ]
    got = _attrs(text)
    assert got[pieces[1]][0].endswith("Lars Berg")
