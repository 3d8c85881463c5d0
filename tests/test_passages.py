"""Passages: sentences inside paragraphs, headings and captions kept as context, stable ids."""

from __future__ import annotations

from pathlib import Path

from askisk.sources.kb import parse_source, read_source
from askisk.sources.passages import sentence_spans, split_passages

SEED = Path(__file__).resolve().parents[1] / "kb" / "isk-central-asia.md"


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Recall, U.S. Central Command’s Gen. John F. Smith spoke. Dr. Ann Lee agreed."
    assert _texts(text) == ["Recall, U.S. Central Command’s Gen. John F. Smith spoke.", "Dr. Ann Lee agreed."]


def test_titles_before_a_name_do_not_end_sentences():
    text = "“It will change,” said the Rev. Peter Hale, of Grace Church. Sens. Ann Lee and Tom Ray agreed."
    assert _texts(text) == [
        "“It will change,” said the Rev. Peter Hale, of Grace Church.",
        "Sens. Ann Lee and Tom Ray agreed.",
    ]


def test_quotes_and_non_breaking_spaces_split_after_the_closing_mark():
    text = "“It is over,” said the expert.\u00a0 “Besides, we won.” Then he left."
    assert _texts(text) == ["“It is over,” said the expert.", "“Besides, we won.”", "Then he left."]


def test_a_speech_tag_after_a_closing_quote_stays_with_its_quotation():
    text = (
        "“That’s not the best thing for the brand, right?” Sanborn said. "
        "“Is this over?” Gov. Kristi Noem asked on Monday. “It is.” He left. "
        "“We won!” The crowd cheered. “It is done.” Ann Lee said Tuesday."
    )
    assert _texts(text) == [
        "“That’s not the best thing for the brand, right?” Sanborn said.",
        "“Is this over?” Gov. Kristi Noem asked on Monday.",
        "“It is.”",
        "He left.",
        "“We won!”",
        "The crowd cheered.",
        "“It is done.” Ann Lee said Tuesday.",
    ]


def test_seed_passages_are_exact_slices_and_never_cross_paragraphs():
    source = read_source(SEED)
    paragraphs, passages = split_passages(source)
    assert len(paragraphs) == 23
    for p in passages:
        assert source.body[p.start : p.end] == p.text
        para = paragraphs[p.paragraph - 1]
        assert para.start <= p.start and p.end <= para.start + len(para.text)


def test_seed_headings_and_captions_are_context_not_results():
    _, passages = split_passages(read_source(SEED))
    kinds = {p.text: p.kind for p in passages}
    assert kinds["Dr. Rustam Azizi."] == "caption"
    assert kinds["Could they have a claim with Tajikistan?"] == "heading"
    assert kinds["What are the IS-K their ideology and goals?"] == "heading"
    assert sum(p.kind == "body" for p in passages) == 38
    answer = next(p for p in passages if p.text.startswith("Yes, since its formation"))
    assert answer.section == "Could they have a claim with Tajikistan?"


def test_text_is_stored_exactly_as_given():
    source = read_source(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert raw.endswith(source.body)
    assert "groupе" in source.body  # the Cyrillic "е" of the original is kept
    assert "\u00a0" in source.body and "“" in source.body


def test_passage_ids_are_stable_and_change_with_content():
    text = "---\nid: demo\ntitle: Demo\n---\nFirst sentence here. Second one follows.\n"
    _, a = split_passages(parse_source(Path("demo.md"), text))
    _, b = split_passages(parse_source(Path("demo.md"), text))
    _, c = split_passages(parse_source(Path("demo.md"), text.replace("Second", "Another")))
    assert [p.id for p in a] == [p.id for p in b]
    assert a[0].id == c[0].id and a[1].id != c[1].id
    assert a[0].id.startswith("demo:0000:")


def test_a_tag_after_a_quoted_question_stays_with_it_before_a_gerund_or_as():
    text = (
        "“Jesus … who is Ellen Fetter?” Rothman recalls thinking at the time. "
        "“Do you want to listen to this cassette?” Matie asks as he steers his car."
    )
    assert _texts(text) == [
        "“Jesus … who is Ellen Fetter?” Rothman recalls thinking at the time.",
        "“Do you want to listen to this cassette?” Matie asks as he steers his car.",
    ]


def _paragraphs(body: str) -> list[str]:
    from askisk.sources.passages import split_paragraphs

    return [p.text for p in split_paragraphs("t", body)]


def test_pasted_prose_with_no_blank_line_is_one_paragraph_per_line():
    headline = "Alaskan halibut, caught by a century-old Seattle boat, gives a glimpse of a strategy"
    first = (
        "From the deck of his 106-year-old halibut schooner, undergoing a seasonal overhaul in Seattle, "
        "skipper Wade Bassi has better insight than most into what is happening at Whole Foods Market."
    )
    second = "“When you look at nice halibut, I mean it is pure white,” he said. “It is beautiful.”"
    assert _paragraphs(f"{headline}\n{first}\n{second}\n") == [headline, first, second]


def test_hard_wrapped_lines_and_blank_line_paragraphs_keep_their_paragraphs():
    wrapped = (
        "The council met on Tuesday to discuss the budget for\n"
        "next year, which it said would be tight because of\n"
        "falling tax receipts and rising costs of care."
    )
    assert _paragraphs(wrapped) == [wrapped]
    long_line = "A " + "very " * 30 + "long first paragraph."
    assert _paragraphs(f"{long_line}\nIts second line.\n\nA second paragraph.\nIts second line.\n") == [
        f"{long_line}\nIts second line.",
        "A second paragraph.\nIts second line.",
    ]
