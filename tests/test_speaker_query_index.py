"""The speakers a question names, found through the alias index (`speakers.query`): every alias form the
expressions accept still reaches its speaker when only the patterns whose first word the question holds
run, a registry is indexed once per store list, and another list (a reload) is read afresh. The real
seed registry is compared with every eval question in tests/test_speakers.py and test_context.py."""

from __future__ import annotations

from askisk.models import Speaker
from askisk.speakers import query
from askisk.speakers.query import speakers_in_query

MCKENZIE = Speaker("Gen. Kenneth Frank McKenzie", "s", ("McKenzie", "Kenneth McKenzie"), "general")
UN = Speaker("UN report", "s", ("UN", "the report"))
EXPERT = Speaker("Dr. Rustam Azizi", "s", ("Azizi", "the expert"), "expert")
CROWD = [
    Speaker(f"Person {i} Name{i}", "s", (f"Name{i}", f"Dr. Name{i}", "the spokesman")) for i in range(2_000)
]


def test_each_alias_form_reaches_its_speaker_among_thousands():
    registry = [*CROWD, MCKENZIE, UN, EXPERT]
    assert speakers_in_query("What did McKenzie's staff tell lawmakers?", registry) == [MCKENZIE.name]
    assert speakers_in_query("What did the U.N. warn?", registry) == [UN.name]
    assert speakers_in_query("What do experts think of Azizi's view?", registry) == [EXPERT.name]
    assert speakers_in_query("What did the expert and Kenneth McKenzie say?", registry) == [
        EXPERT.name,
        MCKENZIE.name,
    ]
    assert speakers_in_query("What did un officials say?", registry) == []  # an acronym keeps its case
    assert speakers_in_query("What did Name1999 say?", registry) == ["Person 1999 Name1999"]


def test_a_topic_gives_way_to_the_speaker_named():
    registry = [MCKENZIE, UN, EXPERT]
    assert speakers_in_query("What did Azizi say about McKenzie?", registry) == [EXPERT.name]


def test_one_store_list_is_indexed_once_and_a_new_list_is_read_afresh():
    registry = [*CROWD, MCKENZIE]
    first = query._index(registry)
    assert query._index(registry) is first
    assert speakers_in_query("What did McKenzie say?", registry) == [MCKENZIE.name]
    reloaded = [*CROWD, EXPERT]
    assert speakers_in_query("What did McKenzie say?", reloaded) == []
    assert speakers_in_query("What did Azizi say?", reloaded) == [EXPERT.name]
    registry.append(EXPERT)  # a list changed in place is indexed again
    assert speakers_in_query("What did Azizi say?", registry) == [EXPERT.name]


def test_a_title_shared_by_thousands_of_aliases_runs_only_the_named_ones():
    registry = [*CROWD, EXPERT]
    index = query._index(registry)
    assert len(index.patterns) == 4 * 2_000 + 3  # each name and its aliases
    # "Dr." is in 2,001 aliases; a question naming one doctor runs that one's expressions, not all of them
    assert len(index.matching("What did Dr. Name7 say?")) == 2
    assert speakers_in_query("What did Dr. Name7 say?", registry) == ["Person 7 Name7"]
    assert speakers_in_query("What did Dr. Azizi say?", registry) == [EXPERT.name]
