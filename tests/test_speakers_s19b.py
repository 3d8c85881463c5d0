"""Attribution on shapes met in the session-19 review of the s20 and s21 golds (issue 15), each from a
page of those golds: a pronoun whose person is named again later in the paragraph, an editor's bracketed
link, idioms and states that read like cues ("All told", "feel compelled"), labels that are no speakers
("From:", "Credit:"), a photographer in a picture credit, a cause attributed, a speaker vouching, being
critical of something, being quoted, a speaker coordinated after "and", and, under the news convention, a
field of study or a question in the mind. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_pronoun_finds_the_person_named_before_it_and_again_later_in_its_paragraph():
    said = "“When you look at nice halibut, it is pure white,” he said."
    body = f"Fish.\n\nSkipper Wade Bassi fishes off Alaska. {said} Later, Bassi said the price was low.\n"
    assert _attrs(body)[said] == ("Wade Bassi", "quote")


def test_an_editors_bracketed_link_is_nobodys_words():
    link = "[Read: Tunisia sends most foreign fighters to Islamic State in Syria]"
    body = f"Attack.\n\nLotfi Azzouz said the country was shaken.\n\n{link}\n"
    assert _attrs(body)[link] == (None, "narration")


def test_an_idiom_or_a_state_that_reads_like_a_cue_is_narration():
    told = "All told, it’s a neat narrative."
    next_one = "Lorenz, “the father of chaos,” started a scientific revolution on the LGP-30."
    felt = "Lawmakers might, in fact, feel compelled to cut spending as tax revenue falls."
    view = "Many voters feel the new law is unfair."
    got = _attrs(f"Chaos.\n\nEdward Lorenz wrote the paper.\n\n{told}\n\n{next_one}\n\n{felt}\n\n{view}\n")
    assert got[told] == got[next_one] == got[felt] == (None, "narration")
    assert got[view] == ("Many voters", "reported")


def test_from_and_credit_labels_name_no_speaker():
    credit = "Credit: WhiteHaven/Shutterstock.com View full size image"
    sender = "From: Mother in Law: What she said, over dinner, was that the roast was dry."
    got = _attrs(f"Holidays.\n\n{credit}\n\n{sender}\n")
    assert got[credit] == (None, "narration")
    assert got[sender][0] != "From"


def test_a_photographer_in_a_picture_credit_is_never_the_he_who_speaks():
    caption = (
        "Jessica Chastain and Oscar Isaac appear in a scene from the film. "
        "(AP Photo/A24 Films, Atsushi Nishijima)AP2014"
    )
    said = "He said Isaac zeroed in on a period of civil unrest in Colombia."
    body = f"Film.\n\n{caption}\n\nThe director J.C. Chandor praised his cast.\n\n{said}\n"
    assert _attrs(body)[said][0] != "Atsushi Nishijima)AP2014"
    assert "Nishijima" not in str(_attrs(body)[said][0])


def test_a_cause_attributed_a_speaker_vouching_and_a_criticism_are_statements():
    cause = "Oza attributed the rally in bank stocks to the Supreme Court's ruling."
    vouch = "Coach Jim Caldwell vouched for him after the game."
    critical = "Christie was critical of those decisions during his first run for governor in 2009."
    got = _attrs(f"Markets.\n\nRusmik Oza is an analyst.\n\n{cause}\n\n{vouch}\n\n{critical}\n")
    assert got[cause] == ("Rusmik Oza", "reported")
    assert got[vouch] == ("Jim Caldwell", "reported")
    assert got[critical] == ("Christie", "reported")


def test_the_one_quoted_speaks_and_being_quoted_somewhere_says_nothing():
    calling = "In an interview published this morning, Doherty was quoted calling Christie a failed governor."
    saying = "Smith was quoted as saying the plan would fail."
    where = "He was quoted in the local paper."
    got = _attrs(f"Politics.\n\n{calling}\n\n{saying}\n\n{where}\n")
    assert got[calling] == ("Doherty", "reported")
    assert got[saying] == ("Smith", "reported")
    assert got[where] == (None, "narration")


def test_a_speaker_after_and_that_the_parser_coordinates_with_an_earlier_noun_speaks():
    said = (
        "He was airlifted to a local hospital with injuries to his right hip and a hospital spokesman "
        "said Swanson was in fair condition Sunday afternoon."
    )
    got = _attrs(f"Sharks.\n\nThe surfer was Kevin Swanson.\n\n{said}\n")
    assert got[said] == ("Hospital spokesman", "reported")


def test_a_field_or_a_question_in_mind_is_narration_and_named_research_speaks():
    field = "Neuroscience tells us that most of the work done by our brains happens unconsciously."
    work = "Existing research into hibernation shows it gives enhanced radiation protection."
    named = "New research from the Royal Academy of Dance has found fewer children attend ballet classes."
    wonder = "The researchers wondered whether or not this threshold is also responsible."
    got = _attrs(f"Brains.\n\n{field}\n\n{work}\n\n{named}\n\n{wonder}\n")
    assert got[field] == got[work] == got[wonder] == (None, "narration")
    assert got[named][1] == "reported" and "Royal Academy of Dance" in str(got[named][0])


def test_a_call_whose_naming_the_parser_lost_still_speaks():
    called = (
        "Global financial firm JP Morgan had called the Supreme Court decision on the Essar Steel "
        "resolution a landmark judgment. Nomura said the order favoured banks."
    )
    got = _attrs(f"Markets.\n\n{called}\n")
    first = called.split(" Nomura")[0]
    assert got[first] == ("JP Morgan", "reported")
