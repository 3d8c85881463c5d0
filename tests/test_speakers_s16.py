"""Forms met on the seen golds s14a–c and s15a/b (issue 15, session 16): a speech verb in a clause set
off by commas that only describes someone ("Suter, who joked about …,", "…, citing financial
problems") speaks for no sentence when it carries no words of its own; one that does ("Carla Reyes,
who said the plan would fail, …", "…, saying that …") still speaks, and an unset-off clause is the
noun's own content ("a new ad hitting Trump for …"). Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_an_aside_that_says_nothing_speaks_for_no_sentence():
    joked = (
        "Wild defenseman Ryan Suter, who joked about Parise’s penchant for changing sticks, could see "
        "the frustration on his teammate's face."
    )
    citing = (
        "In May, NASA awarded task orders to Astrobotic, Intuitive Machines and OrbitBeyond for lunar "
        "lander missions, but OrbitBeyond later dropped out, citing financial problems."
    )
    got = _attrs(f"The Wild lost again on Tuesday.\n\n{joked}\n\n{citing}\n")
    assert got[joked] == (None, "narration")
    assert got[citing] == (None, "narration")


def test_an_aside_that_says_something_still_speaks():
    reyes = "Carla Reyes, who said the plan would fail, left the meeting early."
    saying = "The mayor vetoed the budget on Monday, saying that it would raise taxes on renters."
    body = f"The council met on Monday.\n\n{reyes}\n\n{saying}\n"
    assert _attrs(body, convention="polnear")[reyes] == ("Carla Reyes", "reported")
    got = _attrs(body)
    # under the news line (session 41) only the main clause decides: the writer's "left the meeting early"
    assert got[reyes] == (None, "narration")
    assert got[saying][1] == "reported"


def test_a_post_and_its_signature_line_are_the_authors_quote():
    post = "Oh, no. It seems like the rest of the state's anti-drug campaigns are just as bad as this one."
    sig = "— Mike Beauvais 🎄 (@MikeBeauvais) November 18, 2019"
    lone = "— Dana Reyes (@danareyes) November 19, 2019"
    got = _attrs(
        "The new slogan went viral on Monday.\n\n"
        f"{post}\n\n{sig}\n\nOthers were kinder.\n\nWe love it here.\n\n{lone}\n"
    )
    assert got[post] == ("Mike Beauvais", "quote")
    assert got[sig] == ("Mike Beauvais", "quote")
    assert got[lone] == ("Dana Reyes", "quote")  # its post too short to be one: the signature still signs


def test_question_subheads_quoting_different_people_are_an_explainer():
    answer = "When a country slaps tariffs on goods, it is not foreign exporters that make the payment."
    got = _attrs(
        "Tariffs are back in the news.\n\n"
        "Who wins from tariffs?\n\n"
        "Steel makers gain, at first.\n\n"
        '"Tariffs protect a few jobs for a while," said Lawrence White, a professor at the university.\n\n'
        "Who pays the cost of a tariff?\n\n"
        f"{answer}\n\n"
        '"The importer pays the duty at the border," Howard Gleckman, a fellow at the centre, wrote.\n'
    )
    assert got[answer] == (None, "narration")


def test_a_bare_lowercase_noun_that_cannot_speak_is_no_speaker():
    seemed = (
        "Subsequent treatment with steroids seemed to speed up his recovery, though Dempsey noted there’s "
        "no definitive proof."
    )
    got = _attrs(f"Dr. Owen Dempsey, a study author, examined the man in December.\n\n{seemed}\n")
    assert got[seemed] == ("Dr. Owen Dempsey", "reported")


def test_a_pull_quote_is_the_speaker_of_the_words_it_repeats():
    pull = "“Their immune system behaves in an exaggerated fashion, like a smoke alarm”"
    said = (
        "“In some people, their immune system behaves in an exaggerated fashion, like a smoke alarm,” "
        "Dempsey told the magazine by email."
    )
    short = "“We’re on it”"
    got = _attrs(
        "A man developed a rare lung disease after buying a feather duvet.\n\n"
        "His doctor referred him to a clinic and asked a study author, Owen Dempsey, for advice.\n\n"
        f"{pull}\n\n"
        "Dempsey talked with the man over the phone.\n\n"
        f"{said}\n\n"
        "The campaign's slogan drew mockery.\n\n"
        f"{short}\n\n"
        "“We’re on it,” the governor said of the epidemic.\n"
    )
    assert got[pull] == ("Owen Dempsey", "quote")
    assert got[short][0] != "the governor"  # a short repeat is a slogan, not a lifted quotation


def test_a_colon_quotation_running_on_is_a_quote_however_short():
    opens = "Parise said: “We’ve been there."
    rest = "We know how to get out of it.”"
    message = (
        "With the playoffs weeks away and the standings tight, the coach is rolling out a new and more "
        "personal message to his players: “Believe it.”"
    )
    got = _attrs(f"The Wild lost again on Tuesday.\n\n{opens} {rest}\n\n{message}\n")
    assert got[opens] == ("Parise", "quote")
    assert got[rest] == ("Parise", "quote")
    assert got[message][1] != "quote"  # a short quotation after a colon in a long sentence stays a phrase


def test_in_the_words_of_someone_before_a_colon_names_the_speaker():
    words = "Here is how bad things got, in the words of the patient: “I could not walk to the next room.”"
    got = _attrs(f"A man developed a rare lung disease after buying a feather duvet.\n\n{words}\n")
    assert got[words] == ("Patient", "quote")


def test_an_aside_holding_a_quotation_still_speaks():
    mother = (
        'The victim\'s mother testified, describing her daughter as "brave, strong, and smart" before '
        "describing the attack."
    )
    got = _attrs(f"Neighborhood surveillance video shows the car driving away.\n\n{mother}\n")
    assert got[mother][0] == "Victim's mother"


def test_a_list_of_names_with_charges_is_no_list_of_speakers():
    burton = "Elizabeth A. Burton: Possession of methamphetamine, held in jail in lieu of $70,000 bond."
    tays = "Christopher L. Tays: Two county warrants, possession of marijuana, held in jail without bond."
    pence = "Pence: Flowers won't be at the debate."
    got = _attrs(
        "Police arrested six people on Monday.\n\n"
        "They were held on the following preliminary charges:\n\n"
        f"{burton}\n\n{tays}\n\n{pence}\n"
    )
    assert got[burton] == (None, "narration")
    assert got[tays] == (None, "narration")
    assert got[pence][0] == "Pence"  # a label before a statement still speaks
