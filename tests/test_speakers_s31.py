"""Speakers on unseen news (issue 15, session 31): a verb after a subordinate clause is not a closing tag,
a name hung on a fronted phrase before a participle aside, a first name and surname after a person's
calling ("meteorologist …") that the model labels ORG, "did not say which …", and "as once expected".
Shapes met in a fresh blind set of CNN stories; texts written for these tests. Real spaCy model, tagger
and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_clause_under_the_cue_is_not_a_tag_that_closes_the_sentence():
    lamented = (
        "Dole lamented that while he was once the best-known candidate, Kessler now seemed more familiar to "
        "voters."
    )
    tag = "One memo referred to the shift as “lazy,” the documents state."
    got = _attrs(f"Senator Bob Dole spoke in Ohio on Friday. {lamented} {tag}\n")
    assert got[lamented] == ("Sen. Bob Dole", "reported")
    assert got[tag][0] is not None and got[tag][0].lower() == "documents"


def test_a_name_after_a_fronted_phrase_and_before_a_participle_aside_is_the_subject():
    predicted = "At one point Barlow, dressed in a grey suit, predicted he would win the state by ten points."
    got = _attrs(f"Governor Tom Barlow addressed donors in Dayton on Monday. {predicted}\n")
    assert got[predicted] == ("Gov. Tom Barlow", "reported")


def test_a_first_name_and_surname_after_a_calling_are_a_person():
    follow = "A normal spring would bring 60 storms to the state, he said."
    got = _attrs(
        '"We cleared the roads by noon," said Sgt. Victor Hale of the county police. '
        "Until Monday there had been no storm this month. "
        "KTUL meteorologist Judson Mayes said five storms had touched down on Monday. "
        f"{follow}\n"
    )
    assert got[follow] == ("Judson Mayes", "reported")


def test_not_saying_which_one_says_nothing():
    which = "He did not say which group trained them, or where."
    whether = "He would not say whether they were armed."
    got = _attrs(f"Interior Minister Karim Bessa said the men had crossed the border. {which} {whether}\n")
    assert got[which] == (None, "narration")
    assert got[whether] == (None, "narration")


def test_as_once_expected_names_nobody():
    expected = "That means some tourists will not be coming to the coast as once expected."
    got = _attrs(f"Hotel bookings fell by half in March. {expected}\n")
    assert got[expected] == (None, "narration")


def test_a_one_word_name_going_on_with_which_is_never_a_he():
    follow = '"We feel good about being able to execute on that," he said.'
    got = _attrs(
        "Workers at the plant were angry. Maybe if Carrier had to pay more to bring stuff in, it would think "
        "twice about moving.\n\n"
        "Making furnaces abroad is not new for Carrier, which has had a plant in Monterrey since 1969.\n\n"
        f"{follow}\n",
        convention="polnear",
    )
    assert got[follow][0] is None


def test_a_polls_share_of_its_respondents_speaks():
    two = "Two in three said they are less likely to vote for the party."
    nine = "Nearly nine out of 10 say they will need new skills."
    those = "By big margins, those surveyed say the economy should come first."
    got = _attrs(f"The poll of 1,000 adults was taken last week. {two} {nine} {those}\n")
    assert got[two] == ("Two in three", "reported")
    assert got[nine] == ("Nearly nine out of 10", "reported")
    assert got[those] == ("Those surveyed", "reported")


def test_an_announcement_of_what_was_decided_is_narration_what_was_announced_is_not():
    decided = "Both cruise lines have announced the cancellation of all their stops in the port."
    clause = "On Saturday, police announced on the department's Facebook page that the man was being charged."
    got = _attrs(f"Tourism fell sharply after the attack. {decided} {clause}\n")
    assert got[decided] == (None, "narration")
    assert got[clause][1] == "reported"


def test_a_participle_describing_a_noun_is_no_cue():
    proposed = "Veran's proposed amendments to a health bill would also target pro-anorexia websites."
    got = _attrs(
        "French lawmaker Olivier Veran spoke on Friday. "
        f'"We have to erase the bones," he said, "but to make them look bigger." {proposed}\n'
    )
    assert got[proposed] == (None, "narration")


def test_what_someone_says_as_the_object_of_the_writers_clause_is_narration():
    what = "That image is horrifying enough, but nothing compared to what police say they found inside."
    got = _attrs(f"A car was parked outside the house on Friday. {what}\n")
    assert got[what] == (None, "narration")


def test_that_someone_spoke_says_nothing_what_they_spoke_of_does():
    spoke = "Governor Tom Barlow spoke on Saturday."
    fear = "He spoke of his fear that the plan would fail."
    got = _attrs(f"{spoke} {fear}\n")
    assert got[spoke] == (None, "narration")
    assert got[fear] == ("Gov. Tom Barlow", "reported")


def test_a_surname_the_parser_reads_as_an_adverb_speaks():
    inverted = (
        '"Having access to the file and to two people who know it is valuable," said Skelly, explaining it.'
    )
    opening = "Desailly says the Russian's arrival helped the club."
    imperative = "Just ask him."
    got = _attrs(f"{inverted}\n\n{opening}\n\nDesailly has not changed. {imperative}\n")
    assert got[inverted] == ("Skelly", "quote")
    assert got[opening] == ("Desailly", "reported")
    assert got[imperative] == (None, "narration")
