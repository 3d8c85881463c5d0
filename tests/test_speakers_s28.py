"""Attribution on shapes met in the session-28 review of news pages (issue 15): a surname two people of
one story bear, and a newspaper's short name after "the". Texts written for these tests. Real spaCy model,
tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_shared_surname_is_the_person_the_story_named_last():
    said = (
        'Declining to talk about the past, Lopez simply said afterward, "Today was a wonderful day for me."'
    )
    more = '"I know I can run faster," she said.'
    got = _attrs(
        "Maria Lopez won the city marathon on Sunday for the third time. Her father Carlos cheered from the "
        "stands, and later Carlos Lopez told reporters he had never been prouder. The victory came after a "
        f"hard winter of training. Maria Lopez managed to beat her rival by two minutes. {said} The field "
        "this year included Anna Berg and Ruth Klein. Still, Lopez wasn't satisfied with her time. She wants "
        f"more. {more}"
    )
    assert got[said] == ("Maria Lopez", "quote")
    assert got[more] == ("Maria Lopez", "quote")


def test_a_newspaper_named_with_the_is_no_person():
    relayed = '"I almost fainted," he said, according to the Gazette.'
    told = "He drove to the station at once, he told the newspaper."
    got = _attrs(
        "Ana Reyes, who was reported missing two days ago, was found safe in Fresno on Tuesday, police said. "
        "Reyes, 19, is in good condition, police spokesman Dan Ortiz said. The Fresno Gazette reported that "
        f"her father, Tom Reyes, said he had received a call from her late on Monday. {told} {relayed} "
        '"I could not believe it was her." The Gazette posted an audio clip on which Ana Reyes says she is '
        "safe."
    )
    assert got[told] == ("Tom Reyes", "reported")
    assert got[relayed] == ("Tom Reyes", "quote")


def test_a_cue_the_story_then_calls_an_act_leaves_no_speaker_behind():
    quoted = '"He (Cole) has no chance of playing against Leeds," he said.'
    got = _attrs(
        'Rovers could be without their captain for a month. "We think it\'s a big injury," said Tom Hale, '
        "whose side meet Leeds on Sunday. Sam Reed would not have played against Leeds, but had been "
        "promised a game in the cup final, although he will now miss it through suspension. The manager is "
        f"not planning to add any new names to his squad. {quoted}"
    )
    assert got[quoted] == ("Tom Hale", "quote")


def test_names_the_small_model_calls_an_organisation_are_people_by_their_title_or_role():
    says = "He says he has no plans to cancel the screening on Friday."
    got = _attrs(
        "Church anger over new film\n\nThe director of the film, Rakesh Pande, says the movie is not "
        "offensive and has refused to withdraw it. The head of a Catholic group in Mumbai, Anil Mehta, said "
        "the film should be withdrawn. But Mr Pande said that the critics would change their minds if they "
        f"saw it.\n\n{says}"
    )
    assert got[says][0] == "Rakesh Pande"  # "Mr Pande" once the text gave "Rakesh Pande"


def test_a_paragraph_opening_with_quotations_goes_on_with_the_last_speaker_up_to_a_new_colon_cue():
    first = '"They want him for international rugby and we want him for club rugby.'
    second = 'There is a conflict of interests."'
    got = _attrs(
        "The club have been caught in a dispute after the national side sought a second opinion on the "
        'winger\'s fitness. "The national side wanted a second opinion, which they can do," director of '
        f'rugby Nigel Hart told the local paper.\n\n{first} {second} Paul Dean added: "I want to be back '
        'playing this week."'
    )
    assert got[first][0].endswith("Nigel Hart")
    assert got[second][0].endswith("Nigel Hart")


def test_a_senior_figure_speaks_where_figures_only_show():
    warned = "The sale of the state's oil assets needs to be reversed, a senior government figure has warned."
    shows = "Official figures show the economy grew by 2% last year."
    likened = "Sun likened grid computing to the spread of electricity."
    got = _attrs(f"Minister hits out at oil sale\n\n{warned} {shows}\n\n{likened}")
    assert got[warned] == ("Senior government figure", "reported")
    assert got[shows] == (None, "narration")
    assert got[likened] == ("Sun", "reported")


def test_what_someone_called_a_thing_in_quotation_marks_is_a_quote():
    called = 'The band\'s manager, Tom Hale, called the film "rubbish."'
    article = 'The official called the request a "one-sided demand."'
    more = 'The official called the offer a "one-sided demand" that would sink the talks.'
    got = _attrs(f"A new film about the band opened on Friday. {called} {article} {more}")
    assert got[called][0].endswith("Tom Hale") and got[called][1] == "quote"
    # the writer's "a" before words that end the sentence is one letter of them (the news golds, session 66);
    # words after the quotation are said too
    assert got[article][1] == "quote"
    assert got[more][1] == "reported"


def test_a_meeting_held_to_discuss_allegations_of_something_is_the_writers():
    forum = "Student leaders have scheduled a forum with police to discuss allegations of excessive force."
    accuse = "Activists gathered outside to accuse the minister of lying."
    got = _attrs(f"A student was injured during an arrest on Wednesday. {forum} {accuse}")
    assert got[forum] == (None, "narration")
    assert got[accuse] == ("Activists", "reported")
