"""Who "they" stands for when the sentence before has people as its subject (issue 17, session 26): found in
claims about CNN stories, where "The scientists say they ran a simulation. They found …" was read as the
story's most mentioned organisation finding it. Texts written for these tests; real spaCy model."""

from __future__ import annotations

from askisk.models import Source
from askisk.speakers.corpus import analyse

STORY = (
    "The Orbital Research Agency (ORA) launched a probe to Jupiter in 2011. ORA engineers built it in "
    "Denver, and ORA still runs the mission.\n\n"
    "The scientists say they ran a simulation of the early solar system. They found that the giant "
    "planet swept smaller worlds into the sun.\n\n"
    "The militants recruit online, ORA officials warn. Such cells are created very quickly. They should "
    "be feared, according to the agency."
)


def _resolved() -> dict[str, str]:
    doc = analyse(Source(id="ora", title="The ORA probe", path="ora.md", body=STORY))
    return {p.text: doc.resolved_text(i) for i, p in enumerate(doc.passages)}


def test_they_after_people_as_subject_stands_for_them_not_the_main_group():
    resolved = _resolved()
    found = next(t for t in resolved if t.startswith("They found"))
    assert resolved[found] == ""  # the scientists, whom the context does not name: left as written


def test_they_after_things_as_subject_still_stands_for_the_group():
    resolved = _resolved()
    feared = next(t for t in resolved if t.startswith("They should be feared"))
    assert resolved[feared].startswith("ORA should be feared") or resolved[feared].startswith(
        "Orbital Research Agency should be feared"
    )
