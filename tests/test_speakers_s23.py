"""Attribution on shapes met in the session-23 review of the s32 CNN golds (issue 15; CNN stories of 2015,
each one paragraph): a long titled name after a question's closing mark, a tag the parser reads as a
relative clause, "was quick to point out", "seemed to say", "has not said whether", a closing "the
documents state" over a verb inside what they state, data that "suggest", a kin noun that is one
person, and the "(CNN)" dateline glued to the first word. Texts written for these tests. Real spaCy
model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.sources.passages import sentence_spans


def test_a_speech_tag_with_a_long_title_stays_with_the_question_before_it():
    text = (
        '"Did you hide the money? Did anyone help you?" Kent County Assistant District Attorney '
        'Rosa Llewellyn asked. "No," Parr said.'
    )
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces[1] == 'Did anyone help you?" Kent County Assistant District Attorney Rosa Llewellyn asked.'
    got = _attrs(f"(CNN)A bookkeeper took the stand on Monday. {text}")
    assert got[pieces[1]] == ("Rosa Llewellyn", "quote")


def test_a_tag_the_parser_reads_as_a_relative_clause_names_its_speaker():
    told = '"May the world treat you gently," the video-sharing site Youku told its female users.'
    verb = next(t for t in pipeline()(told) if t.text == "told")
    assert verb.dep_ == "relcl"  # the small parser's reading: "site" the quotation's object
    got = _attrs(f"Two websites marked the day with pictures. {told}")
    speaker, kind = got[told]
    assert kind == "quote" and speaker is not None and "site" in speaker.lower()


def test_quick_to_point_out_and_seemed_to_say_are_the_subjects_statements():
    quick = "Online commenters were quick to point out how the new logo resembled an older one."
    seemed = "But she seemed to say that a smaller fine could be enough."
    got = _attrs(f"Mayor Mary Brandt spoke to reporters on Monday. {quick} {seemed}")
    assert got[quick] == ("Online commenters", "reported")
    assert got[seemed] == ("Mayor Mary Brandt", "reported")


def test_not_saying_whether_is_no_statement():
    open_q = "The bill now goes to Gov. Alma Reyes, who has not said whether she will sign it."
    why = "Reyes did not say why she had waited."
    said = "Reyes said she would decide within a week."
    got = _attrs(f"The state Senate passed the bill 20 to 9 on Tuesday. {open_q} {why} {said}")
    assert got[open_q] == (None, "narration")
    assert got[why] == (None, "narration")
    assert got[said][0].endswith("Alma Reyes") and got[said][1] == "reported"


def test_a_closing_the_documents_state_outranks_a_verb_inside_what_they_state():
    referred = 'One memo referred to the whole night crew as "useless," the documents state.'
    mocked = "The guards mocked their supervisors, the documents state."
    got = _attrs(f"(CNN)Four prison guards were dismissed after an inquiry. {referred} {mocked}")
    assert got[referred] == ("Documents", "reported")
    assert got[mocked] == ("Documents", "reported")


def test_the_documents_state_is_read_as_a_verb_and_a_name_ending_in_state_is_not():
    from askisk.speakers.parse_repair import repair

    doc = repair(pipeline()("The guards mocked their supervisors, the documents state."))
    state = next(t for t in doc if t.text == "state")
    assert state.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.text == "documents" for c in state.children)
    doc = repair(pipeline()("The army is fighting two enemies, the rebels and the Islamic State."))
    assert next(t for t in doc if t.text == "State").pos_ != "VERB"


def test_unlisted_things_that_suggest_are_the_writers_inference():
    suggest = "The clusters suggest that whole households were buried at once."
    move = "The move suggests that the club is worried about its finances."
    poll = "A poll by the university shows that most residents oppose the plan."
    head = "The head of Harbor Films indicated that the show would end soon."
    got = _attrs(f"Archaeologists found nine graves near the church. {suggest} {move} {poll} {head}")
    assert got[suggest] == (None, "narration")
    assert got[move] == (None, "narration")
    assert got[poll][1] == "reported" and "poll" in (got[poll][0] or "").lower()
    assert got[head][1] == "reported"


def test_a_kin_noun_is_one_person_and_a_later_it_is_not_her():
    fiancee = "(CNN)The fiancée of the former striker Tom Ashby said on Friday that she had moved the box."
    it = "But it signaled where the prosecution intends to take its questions, which begin next week."
    got = _attrs(f"{fiancee} {it}")
    assert got[fiancee][1] == "reported" and "fiancée" in (got[fiancee][0] or "")
    assert got[it] == (None, "narration")


def test_the_cnn_dateline_glued_to_the_first_word_is_split_off():
    words = [t.text for t in pipeline()("(CNN)The mayor spoke.")]
    assert words[:4] == ["(", "CNN", ")", "The"]


def test_an_attorney_general_is_no_military_general():
    holder = "Attorney General Lena Marsh said the ruling was clear."
    mckenzie = "Gen. Ivo Brandt said the brigade was ready."
    got = _attrs(f"(CNN)Two officials spoke on Friday. {holder} {mckenzie}")
    assert got[holder] == ("Attorney General Lena Marsh", "reported")
    assert got[mckenzie] == ("Gen. Ivo Brandt", "reported")


def test_what_a_news_outlet_reports_someone_condemned_is_theirs():
    leader = "Iran's supreme leader Ali Khamenei spoke to clerics on Thursday."
    condemned = "He also condemned the attack on the embassy, the state news agency IRNA reported."
    arrested = "Police arrested three men on Monday, KNXV reported."
    got = _attrs(f"{leader} {condemned} {arrested}")
    assert got[condemned] == ("Ali Khamenei", "reported")
    assert got[arrested][0] == "KNXV"


def test_asking_or_inviting_someone_to_act_is_an_event_urging_is_a_statement():
    asked = "Harbor police asked the FBI to help their investigation."
    invited = "The club invited him to attend the next match."
    urged = "Rights groups urged the army to protect civilians."
    got = _attrs(f"(CNN)Three men were attacked on a train. {asked} {invited} {urged}")
    assert got[asked] == (None, "narration")
    assert got[invited] == (None, "narration")
    assert got[urged] == ("Rights groups", "reported")


def test_those_summoned_to_answer_allegations_are_not_their_makers():
    summoned = "(CNN)The city's police have summoned four fans to answer allegations of assault."
    got = _attrs(summoned)
    assert got[summoned] == (None, "narration")


def test_a_said_that_shares_the_subject_of_the_clause_before_it():
    shared = (
        "Harbor police had appealed for help to find the men but in a statement released Monday, said four "
        "men were due in court this month."
    )
    read = 'It read: "The four men have been summoned to appear at the city court on Friday, 20 May."'
    got = _attrs(f"Four men were filmed on a train. {shared} {read}")
    assert got[shared] == ("Harbor police", "reported")
    assert got[read] == ("Harbor police", "quote")


def test_unnamed_media_are_no_source_but_officials_are():
    media = "Among them, according to various media outlets: the college banned the club last month."
    stories = "The singer has been in the band since 2010, according to some stories."
    officials = "The army lost ground, according to several Syrian officials."
    got = _attrs(f"(CNN)The club was closed. {media} {stories} {officials}")
    assert got[media] == (None, "narration")
    assert got[stories] == (None, "narration")
    assert got[officials] == ("Several Syrian officials", "reported")


def test_taking_to_social_media_to_call_for_something_is_a_statement():
    took = "Both candidates took to social media to call for calm."
    met = "They met on Monday to discuss the deal."
    got = _attrs(f"(CNN)The count went on for a second day. {took} {met}")
    assert got[took] == ("Both candidates", "reported")
    assert got[met] == (None, "narration")


def test_a_tag_set_off_inside_the_sentence_outranks_a_view_around_it():
    briefed = "A senior aide came back to brief the reporters, telling us the speech was ready."
    saw = 'Carver, the aide said, saw the speech as a "last chance" to stop the deal.'
    got = _attrs(f"(CNN)Prime Minister Ada Carver flew to Washington on Monday. {briefed} {saw}")
    assert got[saw] == ("Senior aide", "reported")


def test_time_will_tell_is_nobodys_statement():
    time = "Time will tell if this was a historic flight or a flight of fancy."
    magazine = "Time magazine said the flight was historic."
    got = _attrs(f"The plane landed at dawn. {time} {magazine}")
    assert got[time] == (None, "narration")
    assert got[magazine] == ("Time magazine", "reported")


def test_a_name_in_quotation_marks_keeps_its_space():
    squashed = 'The rumour was quickly denied by a "Harbour" publicist, who said Ashby would return.'
    got = _attrs(f"(CNN)The show will end next year. {squashed}")
    assert got[squashed] == ("Harbour publicist", "reported")


def test_a_name_and_a_colon_before_a_quotation_mid_paragraph_is_a_speakers_line():
    violet = 'Lady Agnes: "I would not know, I am not familiar with the feeling."'
    matthew = 'Matthew: "But is she not French?"'
    after = "The series ends next year."
    got = _attrs(f"The show was loved by its fans. {violet} {matthew} {after}")
    assert got[violet] == ("Lady Agnes", "quote")
    assert got[matthew] == ("Matthew", "quote")
    assert got[after] == (None, "narration")


def test_a_country_named_again_and_again_is_no_surname_of_a_person_made_from_a_link_line():
    from askisk.speakers.names import place_word

    doc = pipeline()(
        "Iran's leader spoke. Iran's nuclear program was discussed. Talks with Iran went on. "
        "Hillary Clinton blasts Cotton Iran letter ."
    )
    iran = [t for t in doc if t.text == "Iran"]
    assert [t.ent_type_ for t in iran][:3] == ["GPE"] * 3 and all(place_word(t) for t in iran[:3])
    melzer = next(t for t in pipeline()("Melzer has now beaten Agassi twice.") if t.text == "Melzer")
    assert not place_word(melzer)  # a lone surname the model mislabels stays a surname


def test_a_scare_quoted_phrase_after_a_closed_quotation_is_the_writers_on_the_news_line():
    said = '"Everything we did was legal," she added.'
    phrase = 'Under the old rules, women famously "held up half the sky" but many now face more bias.'
    spoke = 'Lena Ortiz, an activist, spoke on Monday. "We asked for very little," Ortiz said.'
    text = f"{spoke} {said} {phrase}"
    assert _attrs(text)[phrase] == (None, "narration")
    assert _attrs(text, convention="polnear")[phrase][0] == "Lena Ortiz"  # PolNeAR's gold gives it a source
