"""Session 42 (issue 15): shapes met on new sets of AllSides' straight-news pages (2012-2020): "those who …"
as speakers; a verb its subject failed to carry out; "critics like NAME" and the "he" after it; an inverted
tag parsed as a verb with its speaker as the object; a participle under "seems"; a name inside another
person's apposition; a three-part name the model cuts short; "X and other Ys"; a measure offered; what was
offered, mentioned, appealed or answered with that says nothing; an act that suggests; points made, stressed
and demanded; a foundation the model calls a person; urging and pictures painted; a paper quoting someone who
slammed; names before a description set off by commas. Each checked through the real pipeline (spaCy's small
model, the learned cue, act and pronoun models, the learned tagger) on text written for the test."""

from __future__ import annotations

from conftest import attributions as _attrs


def test_those_who_share_a_view_speak_as_a_group():
    say = "Those who oppose the toll road plan say it will cut the valley in two."
    attrs = _attrs(f"Roads\n\n{say}\n")
    assert attrs[say] == ("Those who oppose the toll road plan", "reported")


def test_a_verb_its_subject_failed_to_carry_out_leaves_the_cue_to_the_next_verb():
    warning = (
        "Analysts at the central bank, like most forecasters, have failed to foresee slumps in the past, and "
        "are warning that growth could stall."
    )
    attrs = _attrs(f"Outlook\n\n{warning}\n")
    assert attrs[warning] == ("Analysts at the central bank", "reported")


def test_critics_like_a_named_person_are_named_by_him_and_he_speaks_next():
    said = '"She has no record at all," said Paul Granger, a former envoy.'
    critics = (
        "Still, critics like Columbia University law professor Martin Ostrowski are opposing the choice."
    )
    tells = 'He tells the Herald, "Her only qualification is loyalty."'
    attrs = _attrs(f"Envoy\n\n{said}\n\n{critics}\n\n{tells}\n")
    assert attrs[critics][0] is not None and attrs[critics][0].endswith("Martin Ostrowski")
    assert attrs[tells] == ("Martin Ostrowski", "quote")


def test_an_inverted_tag_read_as_a_verb_with_an_object_gives_the_object_the_words():
    argued = (
        "Smugglers would not even need papers to cross into the state, if the fence is not repaired, argued "
        "the chairman of the House Border Committee, Rep. Dale Hutchins, R-Ariz."
    )
    attrs = _attrs(f"Border\n\n{argued}\n")
    assert attrs[argued][1] == "reported"
    assert attrs[argued][0] in ("Rep. Dale Hutchins", "Chairman of the House Border Committee")


def test_a_participle_under_seems_is_a_state_not_a_cue():
    seems = "Final approval by the Republican-led Senate seems assured."
    attrs = _attrs(f"Vote\n\n{seems}\n")
    assert attrs[seems] == (None, "narration")


def test_names_in_a_speakers_apposition_do_not_take_his_next_he():
    page = (
        "Bush allies spread research on Rubio\n\n"
        "DENVER — Ties between Florida Sen. Marco Rubio and former Florida Gov. Jeb Bush, allies for a "
        "decade, are fraying as the race picks up.\n\n"
        "In public, mentor Bush and protege Rubio have avoided criticizing each other since Rubio entered "
        "the race.\n\n"
        "But Bush allies have started quietly spreading negative information about Rubio's record. Also, "
        "supporters of the two politicians are drawing contrasts between Rubio, a 44-year-old son of "
        "ranchers, and 63-year-old Bush, a member of an old political family.\n\n"
        '"Tempers will run high," said Luis Ortega, a Bush adviser who is also close to Rubio. "Two men from '
        'one town are running for one seat."\n\n'
    )
    added = 'He added: "Their staffs will fight for every vote."'
    attrs = _attrs(f"{page}{added}\n")
    assert attrs[added] == ("Luis Ortega", "quote")


def test_a_three_part_name_keeps_its_last_part():
    defended = "Singaporean Prime Minister Lee Hsien Loong defended the law in parliament."
    said = '"It protects our citizens," Lee said on Monday.'
    attrs = _attrs(f"Law\n\n{defended}\n\n{said}\n")
    assert attrs[said] == ("Prime Minister Lee Hsien Loong", "quote")


def test_x_and_other_ys_is_the_one_named():
    argue = "Halvorsen and other Republicans argue that the bill denies due process to travellers."
    intro = "Sen. Erik Halvorsen, R-Minn., spoke first."
    attrs = _attrs(f"Bill\n\n{intro}\n\n{argue}\n")
    assert attrs[argue][0] is not None and "Halvorsen" in attrs[argue][0]
    assert "Republicans" not in attrs[argue][0]


def test_a_version_of_a_measure_offered_is_an_act():
    intro = (
        "Murphy wants a vote on legislation from Sen. Dianne Feinstein that would bar gun sales to suspects."
    )
    offered = "Feinstein offered a version of the measure last year, but it failed."
    attrs = _attrs(f"Guns\n\n{intro}\n\n{offered}\n")
    assert attrs[offered] == (None, "narration")


def test_what_was_offered_mentioned_appealed_or_answered_with_says_nothing():
    nothing = (
        "The attorney general offered no support for his claim that the agency lacked a basis for the case."
    )
    mention = "Barr did not mention Mayor Dorsey, a Democrat who has been a target of the governor's anger."
    appeal = "But the idea could appeal to voters wishing to shrink the federal government."
    attacks = (
        "The United States responded with strikes on militia bases that killed at least a dozen fighters."
    )
    yet = "Federal officials have yet to identify which projects would lose funding."
    attrs = _attrs(f"Notes\n\n{nothing}\n\n{mention}\n\n{appeal}\n\n{attacks}\n\n{yet}\n")
    for sentence in (nothing, mention, appeal, attacks, yet):
        assert attrs[sentence] == (None, "narration"), sentence


def test_what_an_act_suggests_is_the_writers_inference():
    rallied = (
        "But Jensen has rallied young voters to the polls, suggesting they will turn out again in the fall."
    )
    criticised = "Jensen criticised the budget, suggesting it would hurt students."
    attrs = _attrs(f"Campaign\n\nSen. Ola Jensen toured the state.\n\n{rallied}\n\n{criticised}\n")
    assert attrs[rallied] == (None, "narration")
    assert attrs[criticised][1] == "reported"


def test_points_made_stressed_and_demanded_are_statements():
    highlighted = "Moss highlighted Kerr's aggressive use of the veto to cut spending."
    point = "Former state Rep. Elena Varga, who worked with both men, made a similar point."
    demanded = "Iran has also demanded a lifting of the sanctions imposed last year."
    opposed = "Democrats and some Republicans opposed the construction of a new prison."
    intro = "State Sen. Dan Moss praised Governor Kerr."
    attrs = _attrs(f"Record\n\n{intro}\n\n{highlighted}\n\n{point}\n\n{demanded}\n\n{opposed}\n")
    assert attrs[highlighted] == ("Sen. Dan Moss", "reported")
    assert attrs[point][1] == "reported" and "Varga" in (attrs[point][0] or "")
    assert attrs[demanded] == ("Iran", "reported")
    assert attrs[opposed][1] == "reported"


def test_defending_with_words_after_it_is_no_mere_purpose():
    used = (
        "Ms Dale also used her radio interview to defend her party's plan to raise the top tax rate, saying "
        "it would touch just 1% of earners."
    )
    did = "The former mayor did defend the overall record of the council."
    attrs = _attrs(f"Tax\n\nMs Dale, the party's leader, spoke in Leeds.\n\n{used}\n\n{did}\n")
    assert attrs[used] == ("Ms Dale", "reported")
    assert attrs[did][1] == "reported"


def test_a_foundation_the_model_calls_a_person_is_the_it_that_estimates():
    noted = (
        "The nonpartisan Ruth K. Alden Foundation has noted that next year the state will spend more on debt "
        "interest than on schools."
    )
    it = 'Within a few years, it estimated, interest payments "will eclipse spending on roads."'
    before = "With this plan, Congress and the White House would embrace larger deficits."
    page = f"Budget\n\n{before}\n\n{noted} {it}\n"
    attrs = _attrs(page)
    assert attrs[it][0] == "Ruth K. Alden Foundation"


def test_urging_and_a_picture_painted_are_statements():
    urged = "President Trump on Friday encouraged police officers to treat suspects roughly during a speech."
    painted = "He painted a bleak picture of a city besieged by gang violence."
    attrs = _attrs(f"Speech\n\nTrump spoke on Long Island.\n\n{urged}\n\n{painted}\n")
    assert attrs[urged] == ("President Trump", "reported")
    assert attrs[painted] == ("President Trump", "reported")


def test_a_paper_quoting_someone_who_slammed_gives_him_the_words():
    quoted = (
        'The Chronicle quoted a senior city official who slammed the county for "dragging its feet" on '
        "the new bridge."
    )
    attrs = _attrs(f"Bridge\n\n{quoted}\n")
    assert attrs[quoted][0] == "Senior city official"


def test_painting_someone_as_something_and_hinting_at_a_move_are_statements():
    painted = "As he worked crowds across the state, Rowe painted Dunmore, 52, as hostile toward farmers."
    hinted = "Last year, at the height of tensions, Russia hinted at walking away from the accord."
    mentioned = "Okafor barely mentioned the candidate."
    intro = "Former Gov. Ted Rowe campaigned with Tina Okafor."
    attrs = _attrs(f"Race\n\n{intro}\n\n{painted}\n\n{hinted}\n\n{mentioned}\n")
    assert attrs[painted] == ("Ted Rowe", "reported")
    assert attrs[hinted] == ("Russia", "reported")
    assert attrs[mentioned] == (None, "narration")


def test_names_before_a_description_set_off_by_commas_speak():
    said = (
        "Sens. Ada Kowalczyk of Vermont, Tom Reyes of Oregon and Mira Osei of Nevada, all members of the "
        "Finance Committee, said the governor broke the law."
    )
    argue = "They argue that the order undermines the state constitution."
    attrs = _attrs(f"Law\n\n{said}\n\n{argue}\n")
    for sentence in (said, argue):
        assert attrs[sentence][1] == "reported"
        assert (attrs[sentence][0] or "").startswith("Ada Kowalczyk, Tom Reyes and Mira Osei"), sentence


def test_a_call_prompted_inside_a_relative_clause_is_the_writers_scene():
    scene = (
        "SEATTLE - City authorities moved on Wednesday to clear a protest camp that the police chief called "
        '"lawless" and which had prompted President Donald Trump to call for action against the protesters.'
    )
    attrs = _attrs(f"Camp\n\n{scene}\n")
    assert attrs[scene] == (None, "narration")
