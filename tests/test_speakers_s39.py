"""Session 39 (issue 15): shapes met on US web news (s69web, and s70web drawn this session): capitalised
hyphenated names, which spaCy's small model tags as common nouns, adjectives or verbs unless it is told their
shape is a name's; the learned tagger's spans cut inside words; acts told without words and words told
beside an act. Each checked through the real pipeline (spaCy's small model, the learned cue, act and
pronoun models, the learned tagger) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.speakers.parse_repair import repair
from askisk.speakers.tagger import load_tagger

_NAMES = ["Cordon-Ragot", "Brandt-Moreau", "Dunne-Sauer", "Perez-Lowe", "Marsh-Kettle", "Bauer-Stone"]


def test_a_hyphenated_surname_before_said_is_a_proper_noun_and_the_subject():
    for name in _NAMES:
        doc = pipeline()(f'"We are tired of waiting," {name} said.')
        token = next(t for t in doc if t.text == name)
        assert (token.tag_, token.dep_, token.head.lemma_) == ("NNP", "nsubj", "say"), name


def test_an_adjective_made_with_a_hyphen_stays_an_adjective():
    for text in ["Pro-Russian forces shelled it.", "Anglo-American ties held.", "Post-Soviet states met."]:
        assert pipeline()(text)[0].pos_ == "ADJ", text


def test_a_hyphenated_surname_confirms_without_a_first_name():
    confirmed = "Cordon-Ragot later confirmed that have not been paid for the previous three months of work."
    body = (
        "Team in crisis as riders go unpaid\n\n"
        "French champion Audrey Cordon-Ragot has spoken out about the Zaaf team, confirming the allegations "
        "that management has not paid riders since January 1.\n\n"
        '"We are in conditions that are not worthy of a pro team," Cordon-Ragot said in an interview.\n\n'
        f"{confirmed}\n"
    )
    assert _attrs(body)[confirmed] == ("Audrey Cordon-Ragot", "reported")


def test_a_cue_the_tagger_marks_ends_at_a_word_boundary():
    text = "Ortiz later reimbursed Cole and her company logged the reimbursements as a legal expense."
    tagger = load_tagger()
    assert tagger is not None
    for span in tagger.tag([text])[0].spans:
        assert (span.start == 0 or not text[span.start - 1].isalnum()) and not text[
            span.end : span.end + 1
        ].isalnum()
    assert _attrs(f"Payments\n\nLena Ortiz spoke on Monday.\n\n{text}\n")[text] == (None, "narration")


def test_acts_told_without_words_are_narration():
    decision = "A Denver judge on Wednesday stood by his previous decision to recuse himself from the trial."
    hoped = (
        "The scan gave about as good of news as the Hawks could have hoped: the fall did not tear a ligament."
    )
    filed = (
        "Last month, Ruiz, a Tulsa attorney with expertise in food safety, filed two lawsuits on behalf of "
        "families."
    )
    intro = "Ana Ruiz, a Tulsa attorney, said the families deserve answers."
    body = "\n\n".join(["Court news", intro, decision, hoped, filed])
    got = _attrs(body + "\n")
    for sentence in (decision, hoped, filed):
        assert got[sentence] == (None, "narration"), sentence


def test_words_told_with_an_act_are_reported():
    claiming = (
        "While that did not happen, Moss has used the days since to try to shape opinion, claiming, for "
        "instance, that the prosecutor’s office was in “total disarray.”"
    )
    calling = (
        "Moss has also launched a series of attacks against the prosecutor, calling him “a danger to the "
        "city.”"
    )
    advised = "But the health agency has also advised clinicians to look at infections from early last year."
    found = "The researchers found in a study that the drug works for most adults."
    body = "\n\n".join(["Politics", "Carl Moss spoke on Saturday.", claiming, calling, advised, found])
    got = _attrs(body + "\n")
    assert got[claiming] == ("Carl Moss", "reported")
    assert got[calling] == ("Carl Moss", "reported")
    assert got[advised][1] == "reported" and "agency" in (got[advised][0] or "").lower()
    assert got[found] == ("Researchers", "reported")


def test_a_document_from_a_body_goes_to_the_body():
    update = (
        "The death toll now stands at three, according to an outbreak update this week from the "
        "Department of Health."
    )
    got = _attrs(f"Outbreak\n\n{update}\n")
    assert "Department of Health" in (got[update][0] or "")


def test_a_series_after_has_stays_in_its_subordinate_clause():
    came = "The vote comes as the mayor has warned of cuts and said that taxes must rise."
    assert _attrs(f"Budget\n\n{came}\n")[came] == (None, "narration")  # "said" was read as the vote's
    doc = pipeline()(
        "The rally comes as Moss has berated prosecutors, encouraged protests and raised the stakes."
    )
    repair(doc)
    encouraged = next(t for t in doc if t.text == "encouraged")
    assert encouraged.head.text == "berated"


def test_a_speaker_described_before_the_name_after_said():
    said = "“He hit a big shot,” said a pale and weary Marcus Bell Jr. “And we lost.”"
    got = _attrs(f"Game\n\nCoach Lee spoke after the loss.\n\n{said}\n")
    assert got[said] == ("Marcus Bell Jr.", "quote")  # the suffix is kept: a son is not his father
    tired = "“We are tired,” said a pale and weary Marcus Bell Jr."  # the name hung on "pale" as its conjunct
    got = _attrs(
        f"Team in crisis\n\nFrench champion Audrey Cordon-Ragot has spoken out about the team.\n\n{tired}\n"
    )
    assert got[tired] == ("Marcus Bell Jr.", "quote")


def test_a_topic_discussed_without_words_is_narration():
    report = (
        "The panel’s report also discussed the visa scandal which led to the resignation of the minister."
    )
    spent = "Ortiz spent considerable time discussing harassment allegations that contributed to the firing."
    got = _attrs(f"Inquiry\n\n{report}\n\n{spent}\n")
    assert got[report] == (None, "narration")
    assert got[spent] == (None, "narration")


def test_a_group_keeps_the_participle_that_says_which():
    say = "But the researchers working on preventive measures say that the rapid spread adds urgency."
    again = "The researchers said the work goes on."
    got = _attrs(f"Fungus\n\n{say}\n\n{again}\n")
    assert got[say] == ("Researchers working on preventive measures", "reported")
    assert got[again] == ("Researchers working on preventive measures", "reported")  # the same group
    speaking = "Officials speaking on condition of anonymity said the talks had failed."
    assert _attrs(f"Talks\n\n{speaking}\n")[speaking] == ("Officials", "reported")  # how, not which
