"""Speaker choices from issue 15, session 11 (branch speak11): an inverted parenthetical ", say X,", "in X's
words", "clear to X that", "as X put it", a learned cue's subject as the antecedent of a later "he", and a
quotation paragraph after a quoting paragraph that ends in narration. Real spaCy model and the real
pipeline; every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_an_inverted_parenthetical_names_its_speaker_not_the_sentence_subject():
    got = _attrs(
        "Lending rose again in May.\n\n"
        "The combination, say bankers, marks a turn toward riskier loans in the region.\n\n"
        "The plan, said Mr. Halvorsen, is a journey into uncharted territory for the port.\n"
    )
    assert got["The combination, say bankers, marks a turn toward riskier loans in the region."] == (
        "Bankers",
        "reported",
    )
    speaker, kind = got["The plan, said Mr. Halvorsen, is a journey into uncharted territory for the port."]
    assert speaker is not None and speaker.endswith("Halvorsen") and kind == "reported"


def test_in_x_words_names_the_speaker_of_the_quotation():
    got = _attrs(
        "The researchers wondered whether the brain decides before it knows.\n\n"
        "In Dr. Okafor's words, “Could the moment the brain settles be the moment we become aware of it?”\n\n"
        "In the words of Mr. Lindqvist, “this is a very big deal for every one of us.”\n"
    )
    speaker, kind = got[
        "In Dr. Okafor's words, “Could the moment the brain settles be the moment we become aware of it?”"
    ]
    assert speaker is not None and speaker.endswith("Okafor") and kind == "quote"
    speaker, kind = got["In the words of Mr. Lindqvist, “this is a very big deal for every one of us.”"]
    assert speaker is not None and speaker.endswith("Lindqvist") and kind == "quote"
    got = _attrs(
        "Critics saw the same thing in Reeve’s blank stare and stiff words of introduction.\n\n"
        "It was a blind faith in Reeve’s word: the plan would work.\n"
    )
    assert all(speaker is None or "Reeve" not in speaker for speaker, _ in got.values())


def test_clear_to_x_that_is_the_view_of_x():
    got = _attrs(
        "With time, it has become more and more clear to regulators that the old rule was right.\n\n"
        "It is clear that the plan failed.\n"
    )
    assert got["With time, it has become more and more clear to regulators that the old rule was right."] == (
        "Regulators",
        "reported",
    )
    assert got["It is clear that the plan failed."] == (None, "narration")


def test_as_x_put_it_is_a_cue_but_put_it_somewhere_is_not():
    got = _attrs(
        "As Maren Olsen, a tax lawyer at a policy center, recently put it, the rules reward waste.\n\n"
        "As he put it on the table, the phone rang.\n"
    )
    speaker, _ = got[
        "As Maren Olsen, a tax lawyer at a policy center, recently put it, the rules reward waste."
    ]
    assert speaker == "Maren Olsen"
    assert got["As he put it on the table, the phone rang."] == (None, "narration")


def test_a_quotation_paragraph_goes_on_with_the_quotation_before_a_gloss():
    got = _attrs(
        "Dr. Ines Varga led the study.\n\n"
        "“We used a kind of mathematical trick, based on earlier studies of speed,” explains Dr. Varga.\n\n"
        "“We then applied the same trick to the decisions of every one of the volunteers.” This “trick” "
        "was the accumulation model.\n\n"
        "“Essentially, becoming aware of a decision follows the same process as making it.”\n"
    )
    speaker, kind = got["“Essentially, becoming aware of a decision follows the same process as making it.”"]
    assert speaker is not None and speaker.endswith("Varga") and kind == "quote"


def _cue_of(paragraph: str, sentence: str):
    """(record, cue, mention span) of one sentence of a paragraph after the cue step: the rules' cue, else
    the tagger's (`tagged.recall`), as `attribution.attribute` reads it."""
    from askisk.nlp import pipeline
    from askisk.speakers import explicit, tagged
    from askisk.speakers.quotes import match_text, quote_mask
    from askisk.speakers.registry import Registry
    from askisk.speakers.tagger import load_tagger

    text, inside = match_text(paragraph), quote_mask(paragraph).inside
    doc = pipeline()(text)
    s = paragraph.index(sentence)
    e = s + len(sentence)
    registry = Registry()
    registry.observe(doc, 0, inside)
    found = explicit.find_cue(doc, s, e, inside, registry, 0, None)
    if found is None:
        tagger = load_tagger()
        tags = tagger.tag([sentence])[0] if tagger is not None else None
        found = tagged.recall(doc, s, e, inside, tags, registry, 0, None)
    return found


def test_a_learned_cue_or_the_taggers_cue_with_a_subject_marks_its_speaker_as_having_spoken():
    # a later "he" weighs who spoke last (`ranker`): "Mayor X has also commented on …. he told …" is X's, and
    # so is "Mr. X, the Virginia Democrat, called … In 2009, he called it …" (the parser makes X the root of
    # the first sentence and only the tagger finds its cue)
    first = (
        "Mr. Warden, the Virginia Democrat, called last year’s tax bill “the worst piece of legislation we "
        "have passed since I arrived in the Senate.”"
    )
    second = (
        " In 2009, however, when Congress passed an $800 billion stimulus bill backed by the administration, "
        "he called it “a responsible mix of tax cuts and investments that will create jobs.”"
    )
    cases = [
        ("Mayor Tom Reeve has also commented on Webb’s death.",) * 2,
        (first + second, first),
    ]
    for paragraph, sentence in cases:
        found = _cue_of(paragraph, sentence)
        assert found is not None
        rec = found[0]
        assert rec.spoke >= 0 and rec.subject >= 0, sentence
