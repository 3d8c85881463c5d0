"""The chat app's fact-checking, export, citation styles, filters, adding a source and stale detection,
driven through the pilot on the real seed index (real model, real service)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import rendered, wait_for
from textual.widgets import Static

from askisk.tui.app import AskiskApp, make_app
from askisk.tui.intent import kind_of, parse_command, source_ids
from askisk.tui.screens.add_source import AddSourceScreen
from askisk.tui.screens.cite_style import CiteStyleScreen
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.filter_bar import FilterBar
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.status_bar import StatusBar

SUPPORTED = "An IS-K bombing in Kabul in May 2021 killed 90 people."
REFUTED = "An IS-K bombing killed 200 people in Kabul in May 2021."
UNRELATED = "The moon is made of green cheese."
UNSETTLED = "Rustam Azizi is a specialist in violent extremism."  # abstains; its closest passage settles it
QUESTION = "What did the UN warn?"
SIZE = (100, 40)
BORDER = Path(__file__).parent / "fixtures" / "filters" / "border-report.md"


def status(app: AskiskApp) -> StatusBar:
    return app.screen_stack[0].query_one(StatusBar)


def messages(app: AskiskApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def ready(pilot) -> None:
    await wait_for(pilot, lambda: status(pilot.app).state == "ready")


async def send(pilot, line: str) -> AnswerBlock | None:
    """Type a line and press enter; for a question or claim, wait for its result (or error)."""
    app = pilot.app
    before = len(app.screen.query(AnswerBlock))
    field = app.screen.query_one(QuestionInput)
    field.focus()
    field.value = line
    await pilot.press("enter")
    await pilot.pause()
    blocks = list(app.screen.query(AnswerBlock))
    if len(blocks) == before:
        return None
    block = blocks[-1]
    await wait_for(pilot, lambda: block.result is not None or block._summary.has_class("-error"))
    return block


# -- pure: what a line asks for ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("What did the UN warn?", "question"),
        ("Did IS-K attack Kabul", "question"),
        ("tell me about the Tajik border", "question"),
        ("drought rationing", "question"),
        (SUPPORTED, "claim"),
        ("IS-K recruits Tajik migrants in Russia", "claim"),
        ("The bridge closed.", "claim"),
    ],
)
def test_the_input_decides_question_or_claim(line, kind):
    assert kind_of(line) == kind
    assert kind_of(line, claim_mode=True) == "claim"


def test_commands_and_source_ids_parse():
    assert parse_command("/source a, b") == parse_command("  /SOURCE a, b ")
    assert parse_command("a question") is None
    assert source_ids("a, b c,,a") == ("a", "b", "c")


# -- the app --------------------------------------------------------------------------------------
live = pytest.mark.anyio  # async tests run on asyncio through anyio's pytest plugin


@live
async def test_claims_show_the_verdict_then_export_the_conversation(seed_service, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        question = await send(pilot, QUESTION)
        assert question.kind == "question" and question.answer.results
        supported = await send(pilot, SUPPORTED)
        assert supported.kind == "claim" and supported.verdict.verdict == "supported"
        slot = supported.query_one(".verdict-slot", Static)
        badge = rendered(slot)
        assert slot.has_class("-shown", "-supported") and "SUPPORTED" in badge and "confidence" in badge
        assert supported.verdict.reason[:30] in badge.replace("\n", " ")
        assert [c.hit.passage_id for c in supported.cards] == [
            h.passage_id for h in supported.verdict.evidence
        ]
        refuted = await send(pilot, REFUTED)
        assert refuted.verdict.verdict == "refuted"
        badge = rendered(refuted.query_one(".verdict-slot", Static)).replace("\n", " ")
        assert "REFUTED" in badge and "200" in badge and "90" in badge
        assert refuted.query_one(".verdict-slot").has_class("-refuted")
        nei = await send(pilot, f"/check {UNRELATED}")
        assert nei.verdict.verdict == "not_enough_info" and not nei.cards
        assert "no evidence" in rendered(nei._summary)
        near = await send(pilot, f"/check {UNSETTLED}")
        assert near.verdict.verdict == "not_enough_info" and near.cards
        assert rendered(near._summary).startswith("Closest: Dr. Rustam Azizi")
        assert "closest" in rendered(near.query_one(".verdict-slot", Static)).replace("\n", " ")
        assert (await send(pilot, f"/ask {SUPPORTED}")).kind == "question"  # the override wins
        await pilot.press("ctrl+k")
        assert "claim mode" in rendered(status(app))
        assert (await send(pilot, "drought rationing")).kind == "claim"
        await pilot.press("ctrl+k")
        assert "claim mode" not in rendered(status(app))

        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: list(tmp_path.glob("askisk-conversation-*.md")))
        app.chat.export("json")
        await wait_for(pilot, lambda: list(tmp_path.glob("askisk-conversation-*.json")))
        md = next(tmp_path.glob("askisk-conversation-*.md"))
        assert md.name in messages(app) and "Conversation exported" in messages(app)
        text = md.read_text(encoding="utf-8")
        assert "UN warn" in text and "SUPPORTED" in text and "REFUTED" in text
        assert question.answer.results[0].text.split()[0] in text
        data = json.loads(next(tmp_path.glob("askisk-conversation-*.json")).read_text(encoding="utf-8"))
        kinds = [item["type"] for item in data["items"]]
        assert kinds == ["question", "claim", "claim", "claim", "claim", "question", "claim"]
        assert data["items"][0]["question"] == QUESTION
        assert data["items"][0]["results"][0]["text"] == question.answer.results[0].text
        assert data["items"][1]["verdict"] == "supported" and data["items"][2]["verdict"] == "refuted"
        cited = data["items"][1]["evidence"][0]
        assert cited["text"] == supported.verdict.evidence[0].text
        assert data["provenance"]["kb_hash"]


@live
async def test_citation_styles_land_in_the_clipboard(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        block = await send(pilot, QUESTION)
        hit = block.cards[0].hit
        await pilot.press("tab", "c")
        assert app.clipboard.startswith(hit.text) and "(plain text)" in messages(app)
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CiteStyleScreen))
        await pilot.press("down", "enter")  # Markdown
        await wait_for(pilot, lambda: not isinstance(app.screen, CiteStyleScreen))
        assert app.clipboard.startswith("> ") and "Citation copied (Markdown)" in messages(app)
        app.action_copy_citation("json")
        assert json.loads(app.clipboard)["passage_id"] == hit.passage_id
        await wait_for(pilot, lambda: "Citation copied (JSON)" in messages(app))
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Copy citation as Markdown", "Copy citation as JSON", "Add source file…"} <= titles
        assert {"Export conversation as Markdown", "Export conversation as JSON"} <= titles


@live
async def test_filters_by_command_with_a_filter_bar(seed_service):
    app = make_app(service=seed_service)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bar = app.screen.query_one(FilterBar)
        assert not bar.display
        await send(pilot, "/source nope")
        await wait_for(pilot, lambda: "unknown source id nope" in messages(app))
        assert not app.chat.filters.active and not bar.display
        await send(pilot, "/since 2020")
        await wait_for(pilot, lambda: "no passage matches the filters: since 2020" in messages(app))
        assert not app.chat.filters.active
        await send(pilot, "/since 20x")
        await wait_for(pilot, lambda: "malformed start date '20x'" in messages(app))
        await send(pilot, "/source isk-central-asia")
        await wait_for(pilot, lambda: app.chat.filters.sources == ("isk-central-asia",))
        assert bar.display and "source isk-central-asia" in rendered(bar)
        block = await send(pilot, QUESTION)
        assert block.cards and all(c.hit.source.id == "isk-central-asia" for c in block.cards)
        await send(pilot, "/clear-filters")
        await wait_for(pilot, lambda: not app.chat.filters.active)
        assert not bar.display


@live
async def test_add_a_source_from_the_app_and_notice_a_changed_kb(seed_copy, tmp_path):
    kb, index = seed_copy
    new = tmp_path / "incoming" / BORDER.name
    new.parent.mkdir()
    shutil.copy(BORDER, new)
    app = make_app(str(kb), str(index))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "1 source," in rendered(status(app))
        app.action_add_source()
        await wait_for(pilot, lambda: isinstance(app.screen, AddSourceScreen))
        await wait_for(pilot, lambda: app.focused is app.screen.query_one("#add-path"))
        app.screen.query_one("#add-path").value = str(new)
        seen: list[str] = []  # every state and progress line the status bar showed
        bar = status(app)
        bar.watch_detail = lambda detail: seen.append(detail)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: status(app).state == "ready", timeout=300)
        assert "added" in messages(app) and "border-report" in messages(app)
        assert seen[0] == "adding border-report.md ..." and any("passages" in d for d in seen[1:-1])
        assert "2 sources," in rendered(status(app))
        sidebar = "\n".join(str(o.prompt) for o in app.screen.query_one("#speaker-list")._options)
        assert "Farida Nazarova" in sidebar
        block = await send(pilot, "How many crossings fell along the Panj river?")
        assert any(c.hit.source.id == "border-report" for c in block.cards)
        card = next(c for c in block.cards if c.hit.source.id == "border-report")
        assert "Border posts along the Panj river" in rendered(card)

        # the kb changes behind the app's back: the next question notices, ctrl+r refreshes
        target = kb / "border-report.md"
        target.write_text(target.read_text(encoding="utf-8") + "\nA new paragraph on the winter.\n")
        await send(pilot, QUESTION)
        await wait_for(pilot, lambda: status(app).stale is not None)
        assert "kb changed" in rendered(status(app)) and "ctrl+r" in rendered(status(app))
        await pilot.press("ctrl+r")
        refreshed = lambda: status(app).state == "ready" and status(app).stale is None  # noqa: E731
        await wait_for(pilot, lambda: refreshed() or "failed" in status(app).detail, 300)
        assert "failed" not in status(app).detail, status(app).detail
        assert "now matches" in messages(app)
