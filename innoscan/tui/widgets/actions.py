"""The actions a team agrees on, and last year's actions followed up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from innoscan.assess.flags import flags
from innoscan.content.problems import InputError
from innoscan.locales import spoken, word
from innoscan.render.compare_report import target_title
from innoscan.store.result import Action, refuse_unkept
from innoscan.store.session import Session
from innoscan.tui.shown import shown


class ActionsPane(Vertical):
    """This year's actions (add one: for a flag or a section; what, who, by when), and the
    earlier year's actions with a choice: open, done, not done."""

    DEFAULT_CSS = """
    ActionsPane { height: auto; }
    ActionsPane .action-row { height: auto; margin-bottom: 1; }
    ActionsPane .action-row Static { width: 1fr; }
    ActionsPane .action-row Select { width: 22; }
    ActionsPane #action-form { height: auto; border: round $primary 40%; padding: 0 1; }
    ActionsPane #action-form Input { margin-bottom: 1; }
    ActionsPane #action-problem { color: $error; height: auto; }
    """

    def __init__(self, session: Session, earlier: Session | None, lang: str) -> None:
        super().__init__(id="actions-pane")
        self.session, self.earlier, self.lang = session, earlier, lang

    def word(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def compose(self) -> ComposeResult:
        if self.earlier is not None and self.earlier.result.actions:
            year = self.earlier.result.meta.year
            yield Static(self.word("tui.earlier_actions", year=year), classes="subtitle")
            for index, action in enumerate(self.earlier.result.actions):
                with Horizontal(classes="action-row"):
                    yield Static(self._describe(action))
                    yield Select(
                        [(self.word(f"status.{s}"), s) for s in ("open", "done", "not_done")],
                        value=action.status,
                        allow_blank=False,
                        id=f"earlier-{index}",
                        compact=True,
                    )
        yield Static(self.word("actions"), classes="subtitle")
        yield Static(self._listing(), id="action-list")
        with Vertical(id="action-form"):
            yield Select(self._targets(), prompt=self.word("tui.action_target"), id="action-target")
            yield Input(placeholder=self.word("tui.action_what"), id="action-what", compact=True)
            yield Input(placeholder=self.word("tui.action_who"), id="action-who", compact=True)
            yield Input(placeholder=self.word("tui.action_by"), id="action-by", compact=True)
            yield Static("", id="action-problem")
            yield Button(self.word("tui.action_add"), id="action-add")

    def _targets(self) -> list[tuple[str, str]]:
        bank = self.session.bank
        fired = [f.rule for f in flags(bank, self.session.result.answers)]
        options = [
            (
                f"{self.word('tui.flag_prefix')}: {shown(bank.text(r.title, self.lang))}",
                f"flag:{r.id}",
            )
            for r in fired
        ]
        options += [
            (
                f"{self.word('tui.section_prefix')}: {shown(bank.text(s.title, self.lang))}",
                f"section:{s.id}",
            )
            for s in bank.sections
        ]
        return options

    def _describe(self, action: Action) -> Text:
        bank = self.session.bank
        line = Text(shown(target_title(bank, action.target, self.lang)) + ": ", style="bold")
        line.append(shown(action.what))
        extra = ", ".join(shown(part) for part in (action.who, action.by) if part)
        if extra:
            line.append(f" ({extra})", style="dim")
        return line

    def _listing(self) -> Text:
        actions = self.session.result.actions
        if not actions:
            return Text(self.word("actions_none"), style="dim")
        text = Text()
        for action in actions:
            text.append("• ")
            text.append_text(self._describe(action))
            text.append("\n")
        return text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "action-add":
            return
        event.stop()
        target = self.query_one("#action-target", Select).value
        what = self.query_one("#action-what", Input).value.strip()
        problem = self.query_one("#action-problem", Static)
        if not isinstance(target, str) or not what:  # nothing chosen is Select.NULL, not text
            problem.update(self.word("tui.action_need"))
            return
        texts = {
            "what": what,
            "who": self.query_one("#action-who", Input).value.strip(),
            "by": self.query_one("#action-by", Input).value.strip(),
        }
        try:
            for text in texts.values():
                refuse_unkept(self.session.path, text)
        except InputError as exc:
            problem.update(shown(spoken(exc, self.lang)))
            return
        self.session.result.actions.append(Action(target=str(target), **texts))
        if self._saved(self.session):
            problem.update("")
            for field in ("#action-what", "#action-who", "#action-by"):
                self.query_one(field, Input).value = ""
            self.query_one("#action-list", Static).update(self._listing())
            self.notify(self.word("tui.action_added"))

    def on_select_changed(self, event: Select.Changed) -> None:
        select_id = event.select.id or ""
        if not select_id.startswith("earlier-") or self.earlier is None:
            return
        event.stop()
        action = self.earlier.result.actions[int(select_id.removeprefix("earlier-"))]
        if action.status != event.value:
            action.status = event.value
            self._saved(self.earlier)

    def _saved(self, session: Session) -> bool:
        try:
            session.save()
        except InputError as exc:
            self.notify(
                self.word("tui.save_failed", problem=spoken(exc, self.lang)),
                severity="error",
                timeout=10,
            )
            return False
        return True
