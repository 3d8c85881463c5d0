"""Speaker choices and passage forms from the PolNeAR dev error classes (issue 15, helper dev10): a
reader's quotation opened with a closing mark, signed quotations each a passage of their own, a name the
parser hangs on the quotation instead of "said", and a he/she that never stands for a name in its own
predicate. Real spaCy model and the real pipeline; every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.sources.passages import sentence_spans
from askisk.speakers.quotes import quote_mask


def test_a_closing_mark_opening_a_line_opens_a_quotation():
    """'”The plan …' at a line start closes nothing: it is an opening mark set the wrong way round, so the
    sentences after it are inside the quotation (no cues of their own: "He has failed us" is the reader's)."""
    text = "”The mayor has failed this town. He has failed us all.” ― Rosa Diaz"
    mask = quote_mask(text)
    assert mask.inside[text.index("He has")]
    assert not mask.open_at_end
    got = _attrs(f"Readers wrote in.\n\n{text}\n")
    assert got["He has failed us all.” ― Rosa Diaz"] == ("Rosa Diaz", "quote")
    assert got["”The mayor has failed this town."] == ("Rosa Diaz", "quote")


def test_a_closing_mark_after_a_word_still_closes():
    text = "It was, he said, a “good plan” for the pier.”"
    mask = quote_mask(text)
    assert mask.inside[text.index("good")]
    assert not mask.inside[text.index("for the")]


def test_a_signature_ends_its_sentence_without_a_full_stop():
    text = "“The pier must go” ― Rosa Diaz\n“I am hopeful about it” ― Omar Khan\n“Fine.” ― Ann Lee"
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "“The pier must go” ― Rosa Diaz",
        "“I am hopeful about it” ― Omar Khan",
        "“Fine.” ― Ann Lee",
    ]
    attrs = _attrs(f"Readers wrote in.\n\n{text}\n")
    assert attrs["“I am hopeful about it” ― Omar Khan"] == ("Omar Khan", "quote")


def test_a_name_after_a_quotation_speaks_it_when_the_parser_drops_the_subject():
    """The small parser hangs "Senate Majority Leader Tom Hale, R-Ky.," on the quoted verb, leaving "said"
    without a subject: the person named between the closing mark and "said" is the speaker, not the
    previous sentence's."""
    said = "“Our view is that the veto will fail,” Senate Majority Leader Tom Hale, R-Ky., said Tuesday."
    got = _attrs(f"Republicans seem ready to act.\n\n{said}\n")
    assert got[said] == ("Tom Hale", "quote")


def test_a_pronoun_never_stands_for_a_name_in_its_own_clause():
    """ "He said Hale hopes …": the he is not the person named in what he said (the spokesman is)."""
    said = "He said Hale hopes that his successor will keep the same goals."
    got = _attrs(
        "President Tom Hale spoke at the harbour on Monday. Hale wants the plan passed.\n\n"
        f"White House spokesman Josh Ward told reporters that Hale would sign the bill. {said}\n"
    )
    assert got[said] == ("Josh Ward", "reported")


def test_a_pronoun_may_stand_for_a_possessor_in_its_clause():
    """ "He notes that … an issue with Hale's microphone": writers re-name the subject as a possessor, so a
    possessor does not rule its person out."""
    notes = "He notes that there was an issue with Hale’s microphone in the hall on Monday."
    got = _attrs(
        "President Tom Hale spoke in Dayton on Friday. The mayor of Dayton, Paul Reyes, also spoke there.\n\n"
        f"{notes}\n"
    )
    assert got[notes] == ("President Tom Hale", "reported")


def test_a_pronoun_may_stand_for_a_name_in_a_relative_or_coordinated_clause():
    """ "… the founder who Hale admires", "…, but Hale thinks …": a name in a clause of its own under the
    pronoun's verb is how writers re-name the subject; it does not rule its person out."""
    called = "He has also called the senator the next great leader, the founder who Hale admires most."
    admits = "He admits that his critics are good people, but ultimately Hale thinks their logic is flawed."
    got = _attrs(f"Radio host Tom Hale praised Senator Paul Grant on Friday.\n\n{called}\n\n{admits}\n")
    assert got[called] == ("Tom Hale", "reported")
    assert got[admits] == ("Tom Hale", "reported")
