"""Attribution on shapes met in the session-27 review of news pages (issue 15): what records, checks,
credits, asks for, hears, depicts, names or votes says nothing; appeals to someone are statements; a
sentence after a quotation that a name and "continued to" open is a sentence of its own; a "he said" after
words about another "he" is the last speaker's. Texts written for these tests. Real spaCy model, tagger
and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

_NARRATION = (None, "narration")


def test_what_records_or_shows_speaks_for_nobody():
    aired = "State television also aired video footage of the talks."
    photos = "Photos published in the state press on Monday show the former leader meeting the envoys."
    camera = "A nearby security camera showed the man running from the store an hour earlier."
    got = _attrs(f"Havana (CNN)The envoys came home in December. {photos} {aired} {camera}")
    assert got[aired] == _NARRATION
    assert got[photos] == _NARRATION
    assert got[camera] == _NARRATION


def test_a_check_that_could_not_be_made_is_the_writers():
    unable = "The network cannot independently confirm that the meeting took place as described."
    confirmed = "Police confirmed that two people died."
    got = _attrs(f"Moscow (CNN)The president met the envoy on Monday. {unable} {confirmed}")
    assert got[unable] == _NARRATION
    assert got[confirmed] == ("Police", "reported")


def test_a_credit_line_with_two_verbs_names_no_speaker():
    credit = (
        "CNN's Alla Eshchenko reported from Moscow, and Laura Smith-Spark wrote and reported from London."
    )
    got = _attrs(f"The talks ended on Friday without a deal. {credit}")
    assert got[credit] == _NARRATION


def test_asking_for_a_thing_and_hearing_news_are_not_statements():
    asked = "The agency's press office had asked scientists for striking images to share online."
    heard = "Marsh was glad to hear on Tuesday that the plant would stay open."
    body = f"Dr. Ellen Marsh runs the clinic in town. {asked}\n\n{heard}"
    got = _attrs(body)
    assert got[asked] == _NARRATION
    assert got[heard] == _NARRATION


def test_an_appeal_to_someone_is_a_statement_a_legal_appeal_is_not():
    fired = "Earlier this week, Chief Dana Whitfield fired the officer and appealed for him to surrender."
    called = "She also called on the suspect to come forward."
    public = "Police appealed to the public for help."
    body = f"The officer has been missing since Friday. {fired} {called} {public}"
    got = _attrs(body)
    assert got[fired] == ("Dana Whitfield", "reported")
    assert got[called] == ("Dana Whitfield", "reported")
    assert got[public] == ("Police", "reported")


def test_joking_that_reports_what_was_said():
    joked = "Spokesman Oleg Petrov sought to calm the rumors on Thursday, joking that reporters were bored."
    got = _attrs(f"The president has not been seen in public for ten days. {joked}")
    assert got[joked] == ("Oleg Petrov", "reported")


def test_continued_to_after_a_quotation_opens_a_new_sentence():
    quote = (
        '"He wrote more than 70 books. Each one made the world a little kinder," said Ruth Gale, his '
        'publisher. "His books were his way to laugh at this world: he did it brilliantly." Wells '
        "continued to write after his diagnosis, finishing his last novel in 2014."
    )
    got = _attrs(f"The author Tom Wells has died at 66. {quote}")
    after = "Wells continued to write after his diagnosis, finishing his last novel in 2014."
    assert got[after] == _NARRATION
    assert got['"His books were his way to laugh at this world: he did it brilliantly."'][0] == "Ruth Gale"


def test_a_name_before_the_clause_of_said_is_not_its_subject():
    said = (
        "Jeremy Hughes, chief executive of the Alzheimer's Society, a charity, said Pratchett -- who spoke "
        'openly about his illness -- had "changed the way dementia is seen and understood."'
    )
    quoted = '"His determination meant he helped drag it out of the shadows," he said.'
    got = _attrs(f"The author Terry Pratchett died on Thursday at his home. {said} {quoted}")
    assert got[said] == ("Jeremy Hughes", "quote")
    assert got[quoted] == ("Jeremy Hughes", "quote")


def test_words_about_another_she_are_the_last_speakers():
    quoted = '"What she has done is important to save her life," she said.'
    body = (
        "Actress Angelina Jolie had her ovaries removed, she wrote on Tuesday. But that test often fails, "
        "said Dr. Ruth Adeyemi, a cancer specialist. Adeyemi was glad to hear on Tuesday that Jolie had "
        f"decided to go ahead. {quoted}"
    )
    assert _attrs(body)[quoted] == ("Dr. Ruth Adeyemi", "quote")


def test_a_sentence_opening_word_after_an_initial_is_no_part_of_a_name():
    body = (
        "Africa came to the city a decade ago, said a friend who would only be identified as Nick G. Like "
        'Africa, Nick had been homeless for years. "He was very depressed," Nick said.'
    )
    got = _attrs(body)
    assert got['"He was very depressed," Nick said.'] == ("Nick G.", "quote")


def test_depicting_naming_and_voting_say_nothing():
    sculpture = "The sculpture created by the artist Hans Haacke portrays a skeletal horse."
    term = "The crew will be executing what the Navy calls a three-hull swap."
    vote = "Politicians unanimously rejected the bill on Tuesday."
    claim = "Senator Ray Olsen rejected the claim that he had lied."
    got = _attrs(f"The square has a new statue. {sculpture} {term} {vote} {claim}")
    assert got[sculpture] == _NARRATION
    assert got[term] == _NARRATION
    assert got[vote] == _NARRATION
    assert got[claim] == ("Sen. Ray Olsen", "reported")


def test_the_one_asked_about_is_not_the_one_who_answers():
    replied = (
        'Asked if Mr Blunkett could return to frontline politics, he replied: "I have made my admiration '
        'for him clear."'
    )
    got = _attrs(f"Prime Minister Tony Blair praised David Blunkett on Monday. {replied}")
    assert got[replied][0] is not None and got[replied][0].endswith("Tony Blair")


def test_credit_lines_after_a_closing_quotation():
    quote = '"It has nothing to do with this present tragedy." Ryan Young reported from Madison.'
    story = "Catherine E. Shoichet wrote the story in Atlanta."
    got = _attrs(f"The mayor spoke on Sunday. {quote} {story}")
    assert got["Ryan Young reported from Madison."] == _NARRATION
    assert got[story] == _NARRATION


def test_an_acronym_title_links_its_description():
    said = "The CEO said he did not know much more."
    body = f"Lufthansa CEO Carsten Spohr told CNN on Thursday that the pilot passed all his tests. {said}"
    assert _attrs(body)[said] == ("Carsten Spohr", "reported")


def test_work_written_is_no_statement_words_written_are():
    articles = "The teen wrote freelance articles for the website for seven months last year."
    script = "He is also writing a script for a movie comedy."
    post = "He wrote in a post that he was tired."
    got = _attrs(f"Tony Robinson was 19. {articles} {script} {post}")
    assert got[articles] == _NARRATION
    assert got[script] == _NARRATION
    assert got[post] == ("Tony Robinson", "reported")


def test_a_role_noun_links_the_seller_named_before():
    said = "Most of the buyers came from Florida and Arizona, according to the seller."
    got = _attrs(f"Bob Whitlock, a collector in Ohio, sold the car last year. {said}")
    assert got[said] == ("Bob Whitlock", "reported")


def test_quotations_after_a_sentence_of_narration_are_the_next_cues():
    body = (
        "Nadal, 18, won the final singles match. "
        '"What a great way to finish the year," said Nadal afterwards. '
        "US coach Patrick McEnroe wants his team to play more tennis on clay. "
        '"I think it will help these guys even on slow hard courts." '
        '"We can put the work in at the appropriate time," said McEnroe.'
    )
    got = _attrs(body)
    assert got['"I think it will help these guys even on slow hard courts."'] == ("Patrick McEnroe", "quote")


def test_a_description_after_the_story_turns_to_someone_is_that_person():
    said = '"I had my chances and just did not convert them," said the American.'
    body = (
        'US coach Patrick McEnroe praised the hosts. "They were better on clay," said McEnroe. '
        f"Andy Roddick was left frustrated after losing both his singles. {said}"
    )
    assert _attrs(body)[said] == ("Andy Roddick", "quote")


def test_a_cue_in_a_free_relative_speaks_for_no_one():
    zone = "The asteroid left what geophysicists say is the largest impact zone ever found."
    beaches = (
        "Along with a distinctive culture, the autonomous jurisdiction boasts what its website calls "
        '"the most beautiful beaches in the world."'
    )
    got = _attrs(f"The asteroid hit Australia long ago. {zone} {beaches}")
    assert got[zone] == _NARRATION
    assert got[beaches] == _NARRATION


def test_a_role_read_as_a_verb_leaves_the_name_the_speaker():
    said = 'Blake Lee-Harwood, campaigns director at Greenpeace in the UK, said: "It is fairly meaningless."'
    got = _attrs(f"Shell said it had cut its estimate of reserves.\n\n{said}")
    assert got[said] == ("Blake Lee-Harwood", "quote")


def test_disbelief_and_a_report_not_made_say_nothing():
    believe = "Mendes could not believe the goal was not given after seeing a replay."
    unreported = "Meanwhile, state media in the country has not yet reported on the incident."
    got = _attrs(f"Pedro Mendes scored late on. {believe} {unreported}")
    assert got[believe] == _NARRATION
    assert got[unreported] == _NARRATION


def test_a_possessor_in_the_pronouns_own_clause_is_someone_else():
    wrote = (
        "He also wrote to Nemtsov's mother, saying he shared her grief, and promised to bring those behind "
        "the killing to justice."
    )
    body = (
        "Moscow (CNN)In his first comments since Kremlin critic Boris Nemtsov's death, Russian President "
        "Vladimir Putin blamed foreign powers on Wednesday. Nemtsov was shot dead near the Kremlin. "
        "The Kremlin has denied accusations that it targets opponents. The Russian leader has condemned "
        f"Nemtsov's killing and ordered three agencies to investigate, the Kremlin has said. {wrote}"
    )
    assert _attrs(body)[wrote][0] == "President Vladimir Putin"
