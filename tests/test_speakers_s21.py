"""Attribution on shapes met in the session-21 review of the s25a and s25b golds (issue 15; CNN stories of
2015, each printed as one paragraph): a spaced closing quotation mark, a story's credit glued to its first
word, "the magazine quoted her as saying", a name in apposition to the name before it, an adjective of a
place joined by a hyphen, and, under the news convention, a pledge, a comment not made, words a
newspaper relays and a scene-setting "when" clause. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.speakers.quotes import quote_mask


def test_a_spaced_closing_mark_after_a_nested_quotation_closes_the_quotation():
    text = (
        '"She was like \'ooh, I don\'t care,\' " he told an audience. "And my dad liked chocolate." Why not.'
    )
    inside = quote_mask(text).inside
    assert not inside[text.index("he told")]
    assert inside[text.index("And my dad")]
    assert not inside[text.index("Why not")]


def test_a_narrated_sentence_after_a_quotation_with_a_spaced_closing_mark_stays_narration():
    told = "\"She would be fined, and she was like 'ooh, I want a white man,' \" he once told an audience."
    after = "Race and identity have figured prominently in his act."
    body = (
        f'(CNN)Comedian Trevor Noah made history on Tuesday. {told} "And my dad was also like, well." {after}'
    )
    got = _attrs(body)
    assert got[told] == ("Trevor Noah", "quote")
    assert got[after] == (None, "narration")


def test_a_credit_glued_to_the_first_word_is_not_part_of_the_speakers_name():
    said = "(CNN)Us Weekly magazine said on Thursday that it would retract the story."
    assert _attrs(f"{said} The story was removed.")[said] == ("Us Weekly magazine", "reported")


def test_the_one_a_magazine_quoted_as_saying_is_the_speaker():
    quoted = '"I will always love my dad," the magazine quoted her as saying.'
    body = f"(CNN)Us Weekly has retracted a story about model Kendall Jenner. {quoted}"
    assert _attrs(body)[quoted] == ("Kendall Jenner", "quote")


def test_a_name_in_apposition_after_an_of_phrase_names_the_role_noun_and_he_then_refers_to_it():
    uncle = "An uncle of suspect Yassine Labidi, Abeld Malik Labidi, told CNN that nobody saw any sign of it."
    he = "He said Yassine Labidi was one of the two gunmen killed at the museum."
    body = (
        "(CNN)President Beji Caid Essebsi said the attackers had trained in Libya. Essebsi told reporters "
        f"that 15 arrests had been made. {uncle} {he}"
    )
    got = _attrs(body)
    assert got[uncle][0] is not None and got[uncle][0].endswith("Malik Labidi")
    assert got[he] == got[uncle]


def test_an_adjective_made_from_a_place_does_not_become_the_verb():
    told = "The lawyer, Kuwait-based Salem Al-Hashash, told CNN that he would sue the newspaper."
    got = _attrs(f"(CNN)A lawyer has spoken. {told}")
    assert got[told][0] is not None and "Al-Hashash" in got[told][0]


def test_a_pledge_is_reported_under_news():
    vowed = "Nigeria has vowed to liberate all of its territories from Boko Haram before the elections."
    assert _attrs(f"Elections.\n\n{vowed}\n")[vowed] == ("Nigeria", "reported")


def test_a_comment_not_made_is_narration_under_news():
    silent = "Bruce Jenner has not commented publicly on speculation that he is transitioning."
    assert _attrs(f"Rumours.\n\n{silent}\n")[silent] == (None, "narration")


def test_words_a_newspaper_relays_are_the_speakers_under_news():
    relayed = '"That is what I, and their relatives, think," Ediboglu said, according to the newspaper.'
    body = f"Turkey.\n\nThe families were worried. {relayed}\n"
    assert _attrs(body)[relayed] == ("Ediboglu", "quote")


def test_a_when_clause_only_sets_the_scene_for_the_main_clauses_speaker():
    lied = (
        "When he was questioned by the FBI, he lied and claimed that he had never provided classified "
        "information to anyone, according to the court documents."
    )
    body = f"(CNN)Gen. David Petraeus pleaded guilty on Tuesday. {lied}"
    assert _attrs(body)[lied] == ("Gen. David Petraeus", "reported")


def test_joking_about_something_is_a_statement():
    joked = "Noah has often joked about being the son of a black woman and a white Swiss man."
    assert _attrs(f"Comedy.\n\nTrevor Noah is a comic. {joked}\n")[joked] == ("Trevor Noah", "reported")


def test_a_participle_after_and_is_what_others_believe_of_the_noun_not_its_speech():
    gomes = (
        "Aijalon Mahli Gomes, a U.S. citizen sentenced to eight years of hard labor and believed to be a "
        "Christian activist, was released in 2010."
    )
    assert _attrs(f"North Korea.\n\n{gomes}\n")[gomes] == (None, "narration")


def test_a_place_in_the_dateline_is_not_registered_as_a_person():
    from askisk.nlp import pipeline
    from askisk.speakers.quotes import match_text
    from askisk.speakers.registry import Registry

    paragraph = (
        "Hong Kong (CNN)A Canadian pastor, who went to North Korea on a humanitarian trip in late January, "
        "is being held in the reclusive Communist state, his family said early Thursday."
    )
    registry = Registry()
    registry.observe(pipeline()(match_text(paragraph)), 0, quote_mask(paragraph).inside)
    assert "Hong Kong" not in {r.name for r in registry.records}


def test_a_nationality_describes_the_story_subject_and_a_name_inside_his_words_does_not_take_his_he():
    scot = (
        "The Scot initially defended Beattie, whose dismissal put Everton on the back foot in a game they "
        "ultimately lost 1-0, saying Gallas overreacted."
    )
    he = 'He said: "I believe that I should set the record straight."'
    body = (
        "Moyes U-turn on Beattie dismissal\n\nEverton manager David Moyes will discipline striker James "
        f"Beattie after all for his headbutt on Chelsea defender William Gallas.\n\n{scot} But he has had a "
        f'rethink after looking over the video evidence again. {he} Moyes added: "My comments came '
        'immediately after the final whistle."\n'
    )
    got = _attrs(body)
    assert got[scot] == ("David Moyes", "reported")
    assert got[he] == ("David Moyes", "quote")


def test_a_noun_given_a_his_in_its_own_clause_is_one_person_a_later_he_can_stand_for():
    father = "The vigilante said his father was among those killed."
    he = "He said he believes the attackers came from Gwoza."
    body = (
        '(CNN)Boko Haram attacked the village. "They hurled petrol bombs into homes," Faltama Bisika said. '
        '"I only got information of the attack last night," said a civilian vigilante from Njaba. '
        f"{father} {he}"
    )
    got = _attrs(body)
    assert got[he] == got[father] == ("Civilian vigilante from Njaba", "reported")


def test_an_acronym_the_entity_model_calls_a_person_is_an_organisation_it_refers_to():
    it = "It said annual inflation rose between October and November."
    body = (
        "House prices\n\nThe UK's biggest mortgage lender said prices rose 15.1% over the whole of 2004. The "
        f"ODPM attributed the monthly fall of prices in November to a drop in the value of flats. {it}\n"
    )
    assert _attrs(body)[it] == ("ODPM", "reported")


def test_the_acronym_who_is_the_organisation_not_the_pronoun():
    found = (
        "By analyzing listening habits of young people, WHO found nearly half are exposed to unsafe sound."
    )
    calling = "WHO is also calling on governments to enforce recreational noise legislation."
    warned = "The World Health Organization warned about noise."
    body = f"Hearing.\n\n{warned} {found} {calling}\n\nWHO IS TO BLAME?\n"
    got = _attrs(body)
    assert got[found] == got[calling] == ("World Health Organization", "reported")
    assert got["WHO IS TO BLAME?"] == (None, "narration")


def test_a_statement_an_act_is_for_is_narration_under_news_unless_its_words_are_given():
    from askisk.nlp import pipeline
    from askisk.speakers.convention import is_act

    def act(sentence: str, cue: str) -> bool:
        doc = pipeline()(sentence)
        return is_act(doc, 0, len(sentence), quote_mask(sentence).inside, cue, "group")

    assert act(
        "Now they've joined forces with a British hearing loss association to warn others.", "they to warn"
    )
    assert not act("The doctors met on Monday to warn that hospitals would close.", "The doctors to warn")


def test_an_organisations_number_is_part_of_its_name_and_a_decision_to_reject_speaks_for_no_one():
    channel = "Leaks have served to strengthen the public's skepticism, according to Israel's Channel 2."
    decision = (
        "Add in the fact that withdrawals from Gaza resulted in rockets, and the 2008 decision by President "
        "Mahmoud Abbas to reject the peace proposal was no surprise."
    )
    got = _attrs(f"Israel.\n\n{channel}\n\n{decision}\n")
    assert got[channel] == ("Channel 2", "reported")
    assert got[decision] == (None, "narration")


def test_a_first_name_alone_is_the_one_person_named_who_bears_it():
    said = 'Serena said she discussed it with her father in a "really emotional" conversation.'
    body = (
        "Tennis.\n\nSerena Williams will return to Indian Wells. Her sister Venus pulled out of the "
        f"tournament in 2001 with a knee injury.\n\n{said}\n"
    )
    assert _attrs(body)[said] == ("Serena Williams", "reported")


def test_a_quotation_opened_inside_brackets_ends_with_them():
    text = "Chris Bender and J.C. Spink (\"We're the Millers) are producing it. The film earned $304 million."
    inside = quote_mask(text).inside
    assert inside[text.index("We're")] and not inside[text.index("are producing")]
    assert not inside[text.index("The film")]


def test_a_thing_of_a_person_does_not_speak():
    statue = "A statue of a sitting Buddha that made its way to a market in the Netherlands revealed a mummy."
    team = "A team of researchers revealed that the statue held a mummy."
    got = _attrs(f"Relics.\n\n{statue} {team}\n")
    assert got[statue] == (None, "narration")
    assert got[team] == ("Team of researchers", "reported")


def test_a_statement_issued_with_what_it_says_is_reported_and_without_it_narration_under_news():
    condemning = "French President Francois Hollande released a statement condemning the attack."
    asking = "U.S. Secretary of State John Kerry issued a statement asking Iran to cooperate."
    bare = "The ministry released a statement on Monday."
    got = _attrs(f"Attack.\n\n{condemning} {asking} {bare}\n")
    assert got[condemning] == ("President Francois Hollande", "reported")
    assert got[asking][1] == "reported" and "Kerry" in (got[asking][0] or "")
    assert got[bare] == (None, "narration")


def test_not_acknowledging_is_narration_and_referring_to_something_is_said_under_news():
    silent = "The FBI, White House and CIA have not publicly acknowledged any connection to Levinson."
    referred = "ISIS later referred to the Chibok abductions in its kidnapping of Yazidi women."
    got = _attrs(f"Hostage.\n\n{silent} {referred}\n")
    assert got[silent] == (None, "narration")
    assert got[referred] == ("ISIS", "reported")


def test_one_girl_is_one_person_a_later_she_stands_for_and_a_girls_father_is_a_man():
    she = "School, she says, became a reminder of what almost happened."
    body = (
        "Chibok.\n\nBoko Haram kidnapped girls in 2014. One teenage girl says she escaped by jumping from a "
        f"truck. {she}\n\nThe girl's father said the school was closed. He said the army had left.\n"
    )
    got = _attrs(body)
    assert got[she] == ("One teenage girl", "reported")
    assert got["He said the army had left."] == ("Girl's father", "reported")


def test_a_persons_words_a_document_relays_are_the_persons_under_news():
    told = (
        "Victor Solis told the FBI on March 16 that his son called on March 13 and said he wanted a "
        "vacation, the complaint said."
    )
    assert _attrs(f"Murder.\n\n{told}\n")[told] == ("Victor Solis", "reported")
    assert _attrs(f"Murder.\n\n{told}\n", convention="polnear")[told] == ("Complaint", "reported")


def test_a_family_name_written_first_and_used_alone_does_not_make_him_a_woman():
    he = "He estimates its numbers have declined by almost 70% since its discovery."
    body = (
        "Beijing (CNN)There are less than 1,000 of these creatures in the Tianshan range, says "
        "conservationist Li Weidong. Li discovered the pika in 1983 and named it after his hometown. "
        f"{he}"
    )
    assert _attrs(body)[he] == ("Li Weidong", "reported")
