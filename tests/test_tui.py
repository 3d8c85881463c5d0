"""The chat app, driven through the pilot on the real seed index (real model, real service)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import rendered, wait_for
from textual.widgets import Static

from askisk.tui.app import AskiskApp, make_app
from askisk.tui.screens.context import ContextScreen
from askisk.tui.screens.help import HelpScreen
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.answer_card import AnswerCard
from askisk.tui.widgets.filter_bar import FilterBar
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.status_bar import StatusBar

pytestmark = pytest.mark.anyio  # async tests run on asyncio through anyio's pytest plugin

QUESTION = "What did the UN warn?"
SIZE = (100, 40)


def cards(app: AskiskApp) -> list[AnswerCard]:
    return list(app.screen.query(AnswerCard))


async def ask(pilot, question: str, expect_cards: int | None = None) -> AnswerBlock:
    app = pilot.app
    before = len(app.screen.query(AnswerBlock))
    await pilot.click(QuestionInput)
    await pilot.press(*question, "enter")
    await wait_for(pilot, lambda: len(app.screen.query(AnswerBlock)) > before)
    block = list(app.screen.query(AnswerBlock))[-1]
    await wait_for(pilot, lambda: block.answer is not None or block._summary.has_class("-error"))
    return block


async def test_answer_cards_match_the_service(store_service):
    expected = store_service.ask(QUESTION)
    app = make_app(service=store_service)
    async with app.run_test(size=SIZE) as pilot:
        block = await ask(pilot, QUESTION)
        shown = block.cards
        assert [c.hit.passage_id for c in shown] == [h.passage_id for h in expected.results]
        assert [c.hit.speaker for c in shown] == [h.speaker for h in expected.results]
        assert [c.hit.source.title for c in shown] == [h.source.title for h in expected.results]
        for card, hit in zip(shown, expected.results, strict=True):
            text = rendered(card)
            assert (hit.speaker or "Narration") in text
            assert f"¶{hit.paragraph}" in text
            assert f"score {hit.score:.3f}" in text
            assert hit.text.split()[0] in text
        first = expected.results[0]
        summary = rendered(block._summary)
        assert summary.startswith(f"{first.speaker or 'Narration'}: {first.text[:20]}")
        assert rendered(block.query_one(".question", Static)).startswith(f"› {QUESTION}")


async def test_question_typed_while_loading_is_answered_once_ready(store_copy):
    kb, index = store_copy  # the chat opens the store named by ASKISK_STORE, as `askisk --store URI chat`
    app = make_app(str(kb), str(index))
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one(QuestionInput).has_focus  # usable at once
        await pilot.press(*QUESTION, "enter")
        block = app.screen.query_one(AnswerBlock)
        if app.screen.query_one(StatusBar).state == "loading":
            assert "waiting" in rendered(block._summary)
        await wait_for(pilot, lambda: block.answer is not None)
        assert block.cards and app.screen.query_one(StatusBar).state == "ready"


async def test_keyboard_and_mouse_open_the_context(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        block = await ask(pilot, QUESTION)
        await pilot.press("tab")
        assert app.focused is block.cards[0]
        await pilot.press("down")
        assert app.focused is block.cards[1]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ContextScreen))
        hit = block.cards[1].hit
        current = app.screen.query_one(f"#para-{hit.paragraph}", Static)
        assert current.has_class("-current")
        assert hit.context[:40] in rendered(current).replace("\n", " ")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ContextScreen))
        await pilot.click(block.cards[0])
        await wait_for(pilot, lambda: isinstance(app.screen, ContextScreen))
        assert app.screen.hit == block.cards[0].hit


async def test_copy_citation_puts_it_on_the_clipboard(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        block = await ask(pilot, QUESTION)
        hit = block.cards[0].hit
        await pilot.press("tab", "c")
        await pilot.pause()
        assert hit.text in app.clipboard
        assert hit.source.title in app.clipboard
        assert (hit.speaker or "narration") in app.clipboard
        assert (hit.source.date or "date unknown") in app.clipboard
        assert any(n.title == "Citation copied (plain text)" for n in app._notifications)
        await pilot.press("enter")  # and from the context screen
        await wait_for(pilot, lambda: isinstance(app.screen, ContextScreen))
        app.copy_to_clipboard("")
        await pilot.press("c")
        assert hit.text in app.clipboard


async def test_history_recalls_earlier_questions(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one(QuestionInput)
        for q in ("first question", "second question"):
            await ask(pilot, q)
        await pilot.click(QuestionInput)
        await pilot.press(*"draft")
        await pilot.press("up")
        assert field.value == "second question"
        await pilot.press("up", "up")
        assert field.value == "first question"
        await pilot.press("down")
        assert field.value == "second question"
        await pilot.press("down")
        assert field.value == "draft"


async def test_speaker_filter_by_command_and_sidebar(seed_service):
    speakers = seed_service.speakers()
    if not speakers:
        pytest.skip("the seed kb has no attributed speakers yet (speaker attribution still being built)")
    name = speakers[0].name
    expected = seed_service.ask(QUESTION, speaker=name)
    app = make_app(service=seed_service)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(StatusBar).state == "ready")
        await pilot.click(QuestionInput)
        await pilot.press(*f"/speaker {name}", "enter")
        await wait_for(pilot, lambda: app.screen.speaker_filter == name)  # checked in a worker
        assert name in rendered(app.screen.query_one(FilterBar))
        block = await ask(pilot, QUESTION)
        assert [c.hit.passage_id for c in block.cards] == [h.passage_id for h in expected.results]
        assert all(c.hit.speaker == name for c in block.cards)
        await pilot.press(*"/speaker", "enter")
        await wait_for(pilot, lambda: app.screen.speaker_filter is None)
        assert not app.screen.query_one(FilterBar).display
        # the sidebar lists the speakers with counts; clicking one filters
        options = app.screen.query_one("#speaker-list")
        shown = [options.get_option_at_index(i) for i in range(options.option_count)]
        index = next(i for i, option in enumerate(shown) if option.id == name)
        assert str(speakers[0].passages) in str(shown[index].prompt)
        options.highlighted = index
        await pilot.press("ctrl+f", "enter")
        await wait_for(pilot, lambda: app.screen.speaker_filter == name)


async def test_unknown_speaker_is_refused_with_a_message(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(StatusBar).state == "ready")
        await pilot.press(*"/speaker Nobody Atall", "enter")
        await wait_for(pilot, lambda: any("no speaker matches" in n.message for n in app._notifications))
        assert app.screen.speaker_filter is None


async def test_help_theme_clear_palette_and_quit(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, QUESTION)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app.screen.query(AnswerBlock) and app.screen.query("#welcome")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Copy citation", "Open context", "Filter by speaker", "Clear conversation"} <= titles
        await pilot.press("q")  # typed into the input, not a quit
        assert app.screen.query_one(QuestionInput).value == "q"
        app.screen.query_one(QuestionInput).value = ""
        await ask(pilot, QUESTION)
        await pilot.press("tab", "question_mark")  # on a card, ? is help
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert app._exit_renderables is not None or not app.is_running


MARKUP = "Officials said [bold]not bold[/bold] and [link=http://x]y[/link] about the drought rationing."


async def test_markup_like_source_text_is_shown_literally(tmp_path):
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    kb, index = tmp_path / "kb", tmp_path / "index"
    kb.mkdir()
    (kb / "markup.md").write_text(
        f'---\nid: markup\ntitle: "Markup [i]test[/i]"\n---\n{MARKUP}\n\nA second paragraph on rain.\n',
        encoding="utf-8",
    )
    build_index(Paths(kb, index), sentence_transformer_encoder)
    app = make_app(str(kb), str(index))
    async with app.run_test(size=(140, 40)) as pilot:
        block = await ask(pilot, "drought rationing")
        card = next(c for c in block.cards if "[bold]" in c.hit.text)
        text = rendered(card.query_one(".card-text", Static)).replace("\n", " ")
        assert "[bold]not bold[/bold]" in text
        assert "[link=http://x]y[/link]" in text
        assert "Markup [i]test[/i]" in rendered(card.query_one(".card-source", Static))
        await pilot.click(card)
        await wait_for(pilot, lambda: isinstance(app.screen, ContextScreen))
        assert "Markup [i]test[/i]" in rendered(app.screen.query_one("#context-title", Static))


async def load_error(pilot) -> str:
    app = pilot.app
    await wait_for(pilot, lambda: app.screen.query_one(StatusBar).state == "failed")
    return rendered(app.screen.query_one(".load-error", Static)).replace("\n", " ")


async def test_missing_kb_is_a_message_not_a_crash(tmp_path):
    app = make_app(str(tmp_path / "nowhere"), str(tmp_path / "index"))
    async with app.run_test(size=SIZE) as pilot:
        message = await load_error(pilot)
        assert "knowledge base folder not found" in message and "ctrl+r" in message
        block = await ask(pilot, QUESTION)
        assert "Cannot answer" in rendered(block._summary)


async def test_empty_kb_says_how_to_add_a_source(tmp_path):
    (tmp_path / "kb").mkdir()
    app = make_app(str(tmp_path / "kb"), str(tmp_path / "index"))
    async with app.run_test(size=SIZE) as pilot:
        assert "no sources" in await load_error(pilot)


async def test_broken_index_says_how_to_rebuild(seed_copy):
    kb, index = seed_copy
    for dense in index.glob("builds/*/dense.faiss"):
        dense.write_bytes(b"not a faiss index")
    app = make_app(str(kb), str(index))
    async with app.run_test(size=SIZE) as pilot:
        message = await load_error(pilot)
        assert "damaged" in message and "askisk index --full" in message


def test_chat_command_is_the_default_and_starts_light():
    from askisk.cli import build_parser
    from askisk.cli.chat_cmd import run

    assert build_parser().parse_args(["chat", "--kb", "x"]).run is run
    probe = (
        "import sys; import askisk.cli; askisk.cli.build_parser(); import askisk.tui.app; "
        "print(sorted(m for m in ('torch', 'faiss', 'numpy', 'sentence_transformers', 'askisk.service') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
