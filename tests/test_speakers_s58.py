"""Session 58 (issue 15): shapes read on the AllSides pages s132ab-s137ab after their blind measurement,
each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models) on text
written for the test, not copied from a page."""

from __future__ import annotations

from conftest import attributions as _attrs
from conftest import misparsed

LEAD = "The harbor council met on Monday to vote on the ferry budget.\n\n"


def _one(sentence: str, lead: str = LEAD) -> tuple[str | None, str]:
    return _attrs(f"{lead}{sentence}\n")[sentence]


def test_an_opening_though_clause_leaves_the_main_clause_after_its_comma_the_cue():
    # the parser hangs "Though" on the main verb; the clause inside the quotation is not the main clause
    lead = "Dr. Ingrid Vass leads the harbor health board.\n\n"
    sentence = (
        "Though the CDC projects that 30%-50% of the island could be infected by the virus, Vass cautioned "
        "that “although that is possible, it is not likely.”"
    )
    assert _one(sentence, lead) == ("Dr. Ingrid Vass", "quote")


def test_a_headline_from_one_person_to_another_is_the_first_persons():
    body = "Sen. Rolf Amundsen to Harbor Board: Reopen the Night Ferry Now\n\nThe board met on Monday.\n"
    assert _attrs(body)["Sen. Rolf Amundsen to Harbor Board: Reopen the Night Ferry Now"] == (
        "Sen. Rolf Amundsen",
        "reported",
    )


def test_a_headline_that_only_goes_from_one_thing_to_another_is_narration():
    body = "From Bergen to Tromso: What the Ferry Strike Taught Us\n\nThe board met on Monday.\n"
    assert _attrs(body)["From Bergen to Tromso: What the Ferry Strike Taught Us"] == (None, "narration")


def test_he_said_after_words_that_name_another_man_is_not_that_man():
    # "given by Tolks himself": the man the words speak of is not the "he" who says them
    body = (
        "Harbor siege\n\nPolice chief Arne Holm said officers reached the pier at 2am.\n\n"
        "The gunman, Lars Tolks, had fired at a guard near the gate before he ran inside.\n\n"
        "Further information, given by Tolks himself and the hostages, led them to believe more lives were "
        "at risk, he said.\n"
    )
    got = _attrs(body)
    assert got[
        "Further information, given by Tolks himself and the hostages, led them to believe more lives were "
        "at risk, he said."
    ] == ("Arne Holm", "reported")


def test_he_said_after_his_own_named_words_stays_his():
    # the name is the subject of the words he goes on with: one man's words twice over
    body = (
        "Harbor vote\n\nPolice chief Arne Holm met the council on Monday.\n\n"
        "Rolf Amundsen said his goal is to keep the night ferry running, he said.\n"
    )
    got = _attrs(body)
    sentence = "Rolf Amundsen said his goal is to keep the night ferry running, he said."
    assert got[sentence][0] == "Rolf Amundsen"


def test_an_untagged_quotation_that_speaks_of_the_paragraphs_man_is_the_last_speakers():
    # the paragraph before is about the gunman; the quotation calls him "he", so it is the chief's
    body = (
        "Harbor siege\n\n"
        "“He fired at the officers from the gate,” police chief Arne Holm said.\n\n"
        "The gunman, Lars Tolks, entered the terminal at 2am carrying a rifle.\n\n"
        "Tolks had fired at a guard near the gate. But he managed to get inside.\n\n"
        "“They forced him to retreat to the ticket hall, where we believed he had several hostages.”\n"
    )
    got = _attrs(body)
    assert got[
        "“They forced him to retreat to the ticket hall, where we believed he had several hostages.”"
    ] == ("Arne Holm", "quote")


def test_an_untagged_quotation_in_the_first_person_stays_with_the_paragraphs_man():
    body = (
        "Harbor siege\n\n"
        "“He fired at the officers from the gate,” police chief Arne Holm said.\n\n"
        "The gunman, Lars Tolks, entered the terminal at 2am carrying a rifle.\n\n"
        "Tolks later spoke to reporters from his cell. But he did not say why.\n\n"
        "“I never meant to hurt anyone, and I told the guard so.”\n"
    )
    got = _attrs(body)
    assert got["“I never meant to hurt anyone, and I told the guard so.”"] == ("Lars Tolks", "quote")


def test_a_said_closing_a_long_quotation_is_the_cue_however_the_parser_hangs_it():
    # the parser buries "said" under a preposition inside the quotation
    sentence = (
        "“This is the worst budget to ever reach the council floor, with fierce rivalry for what some of the "
        "plans they’ve tried to pass,” said Harbor Council Leader Nina Berg."
    )
    assert _one(sentence) == ("Nina Berg", "quote")


def test_an_outlet_the_tagger_calls_an_adverb_still_reports():
    sentence = "Axios reported late Monday that the harbor chief, urged by the mayor, has pressed the board."
    assert _one(sentence) == ("Axios", "reported")


def test_a_denial_of_knowing_yields_to_the_coordinate_clause_that_says_something():
    sentence = (
        "Divers don’t know what sank the barge, but Nils Dahl, a spokesman for the harbor board, "
        "said it appears the main pier has stopped crumbling."
    )
    assert _one(sentence) == ("Nils Dahl", "reported")


def test_a_name_the_parser_hangs_on_the_asked_clause_is_the_subject_of_said():
    sentence = (
        "Asked if Americans be prepared for the chance that there would be 5,000 Americans who drown in this "
        "storm, Dr Ingrid Vass, director of the Harbor Institute of Tides and Coastal Studies, said: “The "
        "answer is yes."
    )
    assert _one(sentence) == ("Dr Ingrid Vass", "quote")


def test_he_added_goes_on_from_the_last_man_who_spoke():
    # "Holm" is the subject nearest the "He"; the one who adds is the one who noted it
    body = (
        "Ferry dispute\n\nMayor Arne Holm told reporters in May: “We may build a second pier. We are looking "
        "into it.”\n\n"
        "On Tuesday the harbor engineer Lars Brekke, senior adviser to a sailors' union, said: “The mayor "
        "has shown no interest in safety.”\n\n"
        "In the past, Brekke noted, Holm has praised the methods of rival ports such as Bergen. He added: "
        "“Sadly, we do not have a mayor who listens.”\n"
    )
    got = _attrs(body)
    assert got["He added: “Sadly, we do not have a mayor who listens.”"] == ("Lars Brekke", "quote")


def test_he_adds_after_a_new_subject_is_that_subject():
    # the last words were the mayor's, but the paragraph makes the engineer its subject before "he adds"
    body = (
        "Ferry dispute\n\nEngineer Lars Brekke said the pier had been weak for years.\n\n"
        '"It is chilling to me that the pier fell," Mayor Arne Holm said. "Now we must rebuild."\n\n'
        "Brekke echoed that deep sense of loss. “It feels as if the whole town lost something,” he adds.\n"
    )
    got = _attrs(body)
    assert got["“It feels as if the whole town lost something,” he adds."] == ("Lars Brekke", "quote")


def test_a_cue_after_a_closing_mark_read_as_the_names_modifier_becomes_the_root():
    from askisk.speakers.root_repair import closing_cue

    # '… general," joked Brekke, who …': the small model made "joked" an adjective of the name
    words = ["I", "am", "the", "oldest", "sailor", ",", '"', "joked", "Brekke", ",", "who", "smiled", "."]
    heads = [1, 1, 4, 4, 1, 1, 1, 8, 0, 8, 11, 8, 1]
    deps = ["nsubj", "ROOT", "det", "amod", "attr", "punct", "punct", "amod", "appos", "punct", "nsubj",
            "relcl", "punct"]  # fmt: skip
    tags = ["PRP", "VBP", "DT", "JJS", "NN", ",", "''", "VBN", "NNP", ",", "WP", "VBD", "."]
    pos = ["PRON", "AUX", "DET", "ADJ", "NOUN", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT", "PRON", "VERB",
           "PUNCT"]  # fmt: skip
    doc = misparsed(words, heads, deps, tags, pos, [w.lower() if w != "joked" else "joke" for w in words])
    closing_cue(doc)
    joked, name = doc[7], doc[8]
    assert (joked.dep_, joked.head.i, joked.tag_) == ("ROOT", 7, "VBD")
    assert (name.dep_, name.head.i) == ("nsubj", 7)
    assert (doc[1].dep_, doc[1].head.i) == ("ccomp", 7)


def test_a_cue_after_a_closing_mark_with_the_name_read_as_its_object_gets_its_subject():
    from askisk.speakers.root_repair import closing_cue

    words = ["I", "am", "the", "oldest", "sailor", ",", '"', "joked", "Brekke", "."]
    heads = [1, 7, 4, 4, 1, 1, 1, 7, 7, 7]
    deps = ["nsubj", "ccomp", "det", "amod", "attr", "punct", "punct", "ROOT", "dobj", "punct"]
    tags = ["PRP", "VBP", "DT", "JJS", "NN", ",", "''", "VBD", "NNP", "."]
    pos = ["PRON", "AUX", "DET", "ADJ", "NOUN", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"]
    doc = misparsed(words, heads, deps, tags, pos, [w.lower() if w != "joked" else "joke" for w in words])
    closing_cue(doc)
    assert (doc[8].dep_, doc[8].head.i) == ("nsubj", 7)


def test_a_wire_photographers_credit_names_nobody():
    from askisk.speakers.credits import in_credit

    caption = (
        "A logo is pictured on the agency's headquarters in Geneva, June 25, 2020. REUTERS/Denis Marchand"
    )
    assert in_credit(caption, caption.index("REUTERS"))
    assert in_credit(caption, caption.index("Denis"))
    assert not in_credit(caption, caption.index("Geneva"))


def test_he_said_after_words_naming_his_own_possession_stays_his():
    # "… is Mr. Holm's favorite boat, he said": a possessor in the words said is no bar (PolNeAR train)
    body = (
        "Harbor profile\n\nEngineer Lars Brekke inspected the pier on Monday.\n\n"
        "Mayor Arne Holm keeps an old ferry at the north pier.\n\n"
        "The ferry, built in 1961 for 200 people, is Mr. Holm's favorite boat, he said in an interview.\n"
    )
    got = _attrs(body)
    sentence = (
        "The ferry, built in 1961 for 200 people, is Mr. Holm's favorite boat, he said in an interview."
    )
    assert got[sentence][0] == "Mayor Arne Holm"
