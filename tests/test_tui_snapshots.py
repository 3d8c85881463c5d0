"""Snapshots of the main screens. Rendered output holds no timings and no temp paths.

The answer screens use the real seed index, so they change when search or attribution change on
purpose: review the diff, then `pytest tests/test_tui_snapshots.py --snapshot-update`.
The loading and error states use a stand-in service, so they only change with the UI.
"""

from __future__ import annotations

import threading

import pytest
from conftest import wait_for

from askisk.errors import BrokenIndexError
from askisk.tui.app import make_app
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.status_bar import StatusBar

QUESTION = "What did the UN warn?"


class StandIn:
    """A service that never finishes loading (until released), or fails with a fixed message."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.release = threading.Event()
        self.notify = lambda _msg: None

    def store(self):
        if self.error:
            raise self.error
        self.release.wait(timeout=30)
        raise BrokenIndexError("released")


@pytest.fixture
def stand_in():
    services: list[StandIn] = []

    def make(error: Exception | None = None) -> StandIn:
        services.append(StandIn(error))
        return services[-1]

    yield make
    for s in services:
        s.release.set()


async def steady(pilot) -> None:
    """A cursor that does not blink, so the frame does not depend on when it is taken."""
    await wait_for(pilot, lambda: pilot.app.screen.query(QuestionInput))
    pilot.app.screen.query_one(QuestionInput).cursor_blink = False


async def asked(pilot) -> None:
    app = pilot.app
    await steady(pilot)
    await wait_for(pilot, lambda: app.screen.query_one(StatusBar).state == "ready")
    await pilot.press(*QUESTION, "enter")
    await wait_for(pilot, lambda: any(b.cards for b in app.screen.query(AnswerBlock)))
    await pilot.pause(0.3)  # let the conversation scroll the answer into view
    app.clear_notifications()


def test_answer_narrow(snap_compare, seed_service):
    assert snap_compare(make_app(service=seed_service), terminal_size=(80, 24), run_before=asked)


def test_answer_wide_light(snap_compare, seed_service):
    async def run_before(pilot) -> None:
        await asked(pilot)
        await pilot.press("ctrl+t", "tab")

    assert snap_compare(make_app(service=seed_service), terminal_size=(140, 40), run_before=run_before)


def test_context(snap_compare, seed_service):
    async def run_before(pilot) -> None:
        await asked(pilot)
        await pilot.press("tab", "enter")
        await pilot.pause(0.2)

    assert snap_compare(make_app(service=seed_service), terminal_size=(80, 24), run_before=run_before)


def test_help(snap_compare, stand_in):
    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press("f1")

    app = make_app(service=stand_in(BrokenIndexError("no index")))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_loading_with_a_waiting_question(snap_compare, stand_in):
    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press(*QUESTION, "enter")

    assert snap_compare(make_app(service=stand_in()), terminal_size=(80, 24), run_before=run_before)


def test_load_error(snap_compare, stand_in):
    error = BrokenIndexError("no index in index; run `askisk index` to build it")

    async def run_before(pilot) -> None:
        await steady(pilot)
        await wait_for(pilot, lambda: pilot.app.screen.query_one(StatusBar).state == "failed")

    assert snap_compare(make_app(service=stand_in(error)), terminal_size=(80, 24), run_before=run_before)


def test_claim_verdict(snap_compare, seed_service):
    async def run_before(pilot) -> None:
        app = pilot.app
        await steady(pilot)
        await wait_for(pilot, lambda: app.screen.query_one(StatusBar).state == "ready")
        await pilot.press(*"An IS-K bombing killed 200 people in Kabul in May 2021.", "enter")
        await wait_for(pilot, lambda: any(b.cards for b in app.screen.query(AnswerBlock)))
        await pilot.pause(0.3)
        app.clear_notifications()

    # 25 rows show the verdict and its three closest passages; the 3rd and 4th are 0.001 apart in
    # relatedness, inside the noise of the model's int8 arithmetic (their order flipped between CPUs), so
    # the card order ties them at two decimals and falls back on retrieval rank (verify.aggregate)
    assert snap_compare(make_app(service=seed_service), terminal_size=(100, 25), run_before=run_before)
