"""The question screen: one question, its answer widget and the team's notes."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, ProgressBar, Static, TextArea

from innoscan.content.bank import Question
from innoscan.content.problems import InputError
from innoscan.locales import spoken
from innoscan.store.session import Session
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown
from innoscan.tui.widgets.answers import (
    ANSWER_WIDGETS,
    ChoiceAnswer,
    Picked,
    TypedAnswer,
    answer_widget,
)

DIGITS = [
    Binding(
        str(n % 10), f"pick({n})", "Pick", show=n == 1, key_display="1-9", priority=True, id="pick"
    )
    for n in range(1, 11)
]


class QuestionScreen(BaseScreen):
    """Answer one question; PageDown and PageUp move, from any widget.

    The app hands keys over one at a time, in the order typed (tui/keys.py); a key waits
    while a question is being shown (`ready_for_keys`), so it lands on the question it was
    typed on. The keys that answer or move are priority bindings: taken before the focused
    widget (a text field types the digits and letters; see `check_action`)."""

    CSS_PATH = "question.tcss"
    HELP = "help.question"
    AUTO_FOCUS = None  # the answer widget gets the focus once it is there, never the notes
    BINDINGS = [
        Binding("pagedown", "next", "Next", key_display="PgDn", priority=True, id="next"),
        Binding("pageup", "previous", "Back", key_display="PgUp", priority=True, id="previous"),
        Binding(
            "f2,ctrl+o", "overview", "Overview", priority=True, key_display="F2", id="overview"
        ),
        Binding("y,j", "yes", "Yes/no", key_display="y/n", priority=True, id="yes"),
        Binding("n", "no", "No", show=False, priority=True, id="no"),
        Binding("enter", "enter", "Next", show=False, priority=True, id="enter"),
        *DIGITS,
    ]

    def __init__(self, session: Session, question: Question) -> None:
        super().__init__()
        self.session = session
        self.question = question
        self._shown = asyncio.Event()  # clear while a question is being shown
        self._total: int | None = None  # questions in all, as last shown

    # ── layout ────────────────────────────────────────────────────────────────────────

    def compose(self) -> ComposeResult:
        with Horizontal(id="place-bar"):
            yield Static(id="place", markup=False)
            yield Static(id="whole", markup=False)
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
        yield Static(id="banner", markup=False)
        with VerticalScroll(id="body"):
            yield Static(id="question-title", markup=False)
            yield Static(id="why", markup=False)
            yield Vertical(id="answer-holder")
            yield Static(id="multi-hint", markup=False)
            with Horizontal(id="nav"):  # for fingers and mice in the browser (`serve`)
                yield Button(f"‹ {self.word('key.previous')}", id="nav-previous", compact=True)
                yield Button(
                    f"{self.word('key.next')} ›", id="nav-next", variant="primary", compact=True
                )
            own = "_own" if self.session.result.meta.mode == "individual" else ""
            yield Label(self.word(f"tui.notes{own}"), id="notes-label")
            notes = TextArea(id="notes")
            notes.placeholder = self.word(f"tui.notes_hint{own}")
            yield notes
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        self.query_one("#nav").display = self.app.is_web
        await self.show(self.question)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "nav-next":
            await self.action_next()
        elif event.button.id == "nav-previous":
            await self.action_previous()

    def in_language(self) -> QuestionScreen:
        return QuestionScreen(self.session, self.question)

    def commit(self) -> None:
        """Save what the shown widgets hold, in case a change is still on its way as a message."""
        widget = self._answer()
        if widget is not None and not self.session.read_only:
            _problem, value = widget.current()
            if value != self.session.result.answers.get(widget.question.id):
                self._save(lambda: self.session.answer(widget.question, value))
            text = self.query_one("#notes", TextArea).text
            if text != self.session.result.notes.get(self.question.id, ""):
                self._save(lambda: self.session.note(self.question, text))

    async def show(self, question: Question) -> None:
        """Fill the screen with `question`: texts, its answer widget, its notes. Keys typed
        meanwhile wait for it (`ready_for_keys`); a key's action awaits it."""
        self._shown.clear()
        try:
            await self._show(question)
        finally:
            self._shown.set()

    async def _show(self, question: Question) -> None:
        self.commit()
        self.question = question
        bank, q, lang = self.session.bank, question, self.lang
        self.query_one("#question-title", Static).update(shown(bank.text(q.title, lang)))
        self.query_one("#why", Static).update(
            f"{self.word('tui.why')}: {shown(bank.text(q.help, lang))}"
        )
        value = self.session.result.answers.get(q.id)
        answer = answer_widget(bank, q, lang, value, id="answer")
        holder = self.query_one("#answer-holder")
        await holder.remove_children()
        await holder.mount(answer)
        hint, how = self.query_one("#multi-hint", Static), answer.answer_hint()
        hint.update(how)
        hint.display = bool(how)
        self.query_one("#notes", TextArea).load_text(self.session.result.notes.get(q.id, ""))
        self._show_place()
        self.refresh_bindings()
        read_only = self.session.read_only
        answer.disabled = read_only
        self.query_one("#notes", TextArea).read_only = read_only
        self.update_banner()
        target = answer.query_one(Input) if isinstance(answer, TypedAnswer) else answer
        self.set_focus(target, scroll_visible=False)  # at once: the next key goes there
        body = self.query_one("#body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def update_banner(self) -> None:
        """READ-ONLY, or NOT SAVED with the reason; hidden while all is well."""
        banner = self.query_one("#banner", Static)
        session = self.session
        banner.set_class(session.read_only, "read-only")
        banner.set_class(session.read_only or session.unsaved is not None, "shown")
        if session.conflict:  # the answers given here are in a rescue copy (Session.rescue)
            copy = self.app.shown_path(session.rescued) if session.rescued else "—"
            banner.update(self.word("tui.conflict_banner", path=copy))
        elif session.read_only:
            banner.update(self.word("tui.read_only_banner"))
        elif session.unsaved is not None:
            retry = int(self.app.RETRY_EVERY)
            banner.update(
                self.word("tui.unsaved_banner", problem=spoken(session.unsaved, self.lang), n=retry)
            )

    def _show_place(self) -> None:
        """The header: section s of t, question n of m in it, and the number overall (the one
        the overview and the review show); a change in the total is said once, with why."""
        bank, q = self.session.bank, self.question
        in_section, section_total, overall, total = self.session.place(q)
        section = bank.section(q.section_id)
        self.query_one("#place", Static).update(
            self.word(
                "tui.place",
                s=bank.sections.index(section) + 1,
                t=len(bank.sections),
                section=shown(bank.text(section.title, self.lang)),
                n=in_section,
                m=section_total,
            )
        )
        self.query_one("#whole", Static).update(self.word("tui.whole", n=overall, m=total))
        self.query_one(ProgressBar).update(total=total, progress=overall)
        if self._total is not None and total != self._total:
            self.notify(self.word("total_changed", m=total, was=self._total))
        self._total = total

    async def ready_for_keys(self) -> None:
        """Return once the question is on screen with its answer widget focused."""
        await self._shown.wait()

    def _refused(self) -> bool:
        """Whether the answer field holds a text that is no answer, so the team stays on the
        question (the bell and a notice say so; the field says why)."""
        widget = self._answer()
        problem = None if widget is None or self.session.read_only else widget.current()[0]
        if problem is None:
            return False
        self.app.bell()
        self.notify(self.word("tui.answer_refused", problem=problem.rstrip(".")), severity="error")
        return True

    # ── answering ─────────────────────────────────────────────────────────────────────

    def on_picked(self, message: Picked) -> None:
        # a question no longer shown was saved when it was left (`show` commits)
        if message.question is self.question:
            self.commit()
            self._show_place()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "notes":
            text = event.text_area.text
            if text != self.session.result.notes.get(self.question.id, ""):
                self._save(lambda: self.session.note(self.question, text))

    def _save(self, change) -> None:
        try:
            change()
        except (InputError, ValueError) as exc:
            if self.session.conflict:  # opened again elsewhere: that one goes on, this one stops
                self.session.read_only = True
                self.query_one("#answer").disabled = True
                self.query_one("#notes", TextArea).read_only = True
            else:
                self.notify(
                    self.word("tui.save_failed", problem=spoken(exc, self.lang)),
                    severity="error",
                    timeout=10,
                )
        self.update_banner()

    def _answer(self) -> ChoiceAnswer | TypedAnswer | None:
        found = self.query("#answer")
        return found.first() if found else None

    def _choice(self) -> ChoiceAnswer | None:
        answer = self._answer()
        return answer if isinstance(answer, ChoiceAnswer) else None

    def action_pick(self, number: int) -> None:
        choice = self._choice()
        if choice is not None:
            choice.pick(number - 1)

    def action_yes(self) -> None:
        self._pick_value("yes")

    def action_no(self) -> None:
        self._pick_value("no")

    def _pick_value(self, value: Any) -> None:
        choice = self._choice()
        if choice is not None and value in choice.values:
            choice.pick(choice.values.index(value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter":  # on the answer it means: go on; elsewhere it is the field's
            focused = self.app.focused
            return focused is not None and focused.id in ("answer", "typed")
        if action in ("yes", "no", "pick") and (
            self.session.read_only or isinstance(self.app.focused, Input | TextArea)
        ):
            return False  # in a text field the key is typed
        if action in ("yes", "no", "pick"):  # the keys the question's widget answers to
            return action in ANSWER_WIDGETS[self.question.kind].KEYS
        return True

    # ── moving ────────────────────────────────────────────────────────────────────────

    async def action_enter(self) -> None:
        """Go on; on options the user moved to, choose the highlighted one first (an
        untouched question stays unanswered: nothing is highlighted until a key moves)."""
        choice = self._choice()
        if choice is not None:
            choice.action_select()
        await self.action_next()

    async def action_next(self) -> None:
        if self._refused():
            return
        following = self.session.neighbour(self.question, 1)
        if following is None:
            from innoscan.tui.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(self.session), self._after_review)
        else:
            await self.show(following)

    async def action_previous(self) -> None:
        if self._refused():
            return
        before = self.session.neighbour(self.question, -1)
        if before is None:
            self.app.bell()
        else:
            await self.show(before)

    def action_overview(self) -> None:
        if self._refused():
            return
        from innoscan.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.session, self.question), self._after_overview)

    def palette_commands(self) -> Iterable[SystemCommand]:
        overview = self.word("tui.overview")
        yield SystemCommand(overview, overview, self.action_overview)

    async def _after_overview(self, question_id: str | None) -> None:
        if question_id:
            await self.show(self.session.bank.question(question_id))

    async def _after_review(self, question_id: str | None) -> None:
        if question_id == "finish":
            self.app.finish(self.session)
        elif question_id:
            await self.show(self.session.bank.question(question_id))
