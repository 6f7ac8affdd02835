"""The plain mode: the questionnaire as numbered prompts on standard input and output.

For screen readers and braille displays, and for answering from a file of lines: no colours,
no cursor movement, one line read per prompt. The same Session as the TUI saves every answer.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, TextIO

from innoscan.content.bank import Question
from innoscan.content.figures import ORG_TYPES
from innoscan.content.files import read_bytes
from innoscan.content.kinds import NotAnAnswer
from innoscan.content.problems import InputError
from innoscan.content.visible import visible
from innoscan.locales import word
from innoscan.render import formats
from innoscan.store.lock import LockedError
from innoscan.store.session import ResultsFolder, Session

PREVIOUS, SKIP, QUIT, HELP = "previous", "skip", "quit", "help"
ANSWER, UNCHANGED = "answer", "unchanged"  # an answer given; Enter on an answered question
_COMMANDS = {"p": PREVIOUS, "s": SKIP, "q": QUIT, "h": HELP, "?": HELP}


class NotText(Exception):
    """A line of standard input is not UTF-8 text."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} is not UTF-8 text")
        self.line = line


class Conflict(Exception):
    """Another session changed the result file: this one must not save any more."""


@dataclass
class LineMeaning:
    """What a typed line means for a question: an action, an answer, or a problem to show."""

    action: str
    value: Any = None
    problem: str | None = None


def interpret(session: Session, q: Question, text: str, lang: str) -> LineMeaning:
    """One typed line as a command or an answer to `q` (read by its kind, then checked)."""
    text = text.strip()
    command = _COMMANDS.get(text.lower())
    if command:
        return LineMeaning(command)
    if not text:
        if q.id in session.result.answers:
            return LineMeaning(UNCHANGED)
        return LineMeaning(ANSWER, problem=word("plain.empty", lang))
    try:
        value = q.read_line(text, session.bank, lang)
    except NotAnAnswer as exc:
        return LineMeaning(ANSWER, problem=exc.message(lang))
    problem = session.bank.answer_problem(q, value, lang)
    if problem:
        return LineMeaning(ANSWER, problem=word("plain.not_accepted", lang, problem=problem))
    return LineMeaning(ANSWER, value)


class LineConsole:
    """Talking line by line: print a line, or print a prompt and read one line back."""

    def __init__(self, lang: str, stdin: TextIO, stdout: TextIO) -> None:
        self.lang, self.stdin, self.stdout = lang, stdin, stdout
        self.echo = not _is_tty(stdin)  # piped answers appear in the transcript too
        self.lines_read = 0

    def say(self, text: object = "") -> None:  # control characters (a team name's) as escapes
        print(visible(text, lines=True), file=self.stdout, flush=True)

    def ask(self, prompt: str) -> str | None:
        """Print the prompt, read one line; None at the end of input."""
        self.stdout.write(visible(prompt, lines=True) + " ")
        self.stdout.flush()
        line = self._readline()
        if not line:
            self.say(self.w("plain.end_of_input"))
            return None
        self.lines_read += 1
        line = line.rstrip("\r\n").lstrip("\ufeff")  # a byte order mark from Windows editors
        if self.echo:
            self.say(line)
        return line

    def _readline(self) -> str:
        """One line, decoded on its own: a wrong byte is named by its line, and the lines
        before it count."""
        raw = getattr(self.stdin, "buffer", None)
        if raw is None:
            return self.stdin.readline()
        data = raw.readline()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise NotText(self.lines_read + 1) from None

    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)


class PlainRun(LineConsole):
    """One run of the plain mode over a session; `run()` returns the exit status."""

    def __init__(self, session: Session, lang: str, stdin: TextIO, stdout: TextIO) -> None:
        super().__init__(lang, stdin, stdout)
        self.session = session

    # ── the questionnaire ─────────────────────────────────────────────────────────────

    def run(self) -> int:
        """The questionnaire from the first open question; the exit status."""
        try:
            return self._questionnaire()
        except Conflict:
            return self._rescue("plain.conflict")
        except NotText as exc:  # stop, with what was answered so far kept
            self.say()
            self.stop()
            raise InputError.single(
                "<stdin>", f"{exc}: save the answers file as UTF-8 and run again"
            ) from None

    def _questionnaire(self) -> int:
        session = self.session
        meta = session.result.meta
        self.say(self.w("plain.opened", team=meta.team, year=meta.year, path=session.path))
        answered = len([q for q in session.asked() if q.id in session.result.answers])
        if answered:
            self.say(self.w("plain.resumed", n=answered, m=len(session.asked())))
        for warning in session.warnings:
            self.say(warning.text(self.lang))
        if meta.org_type is None and not session.result.answers and not self.echo:
            self.ask_org_type()  # at a terminal; piped answers give it with --org-type
        self.say(self.w("plain.keys"))
        question: Question | None = session.first_unanswered()
        if not session.unanswered():
            question = None
        only_open = False  # after "u" at the end: from one open question to the next
        while True:
            if question is None:
                outcome = self.at_end()
                only_open = outcome == ANSWER
                if outcome in (PREVIOUS, ANSWER):
                    question = (
                        session.asked()[-1] if outcome == PREVIOUS else session.unanswered()[0]
                    )
                    continue
                return self.finish() if outcome == "finish" else self.stop()
            action = self.ask_question(question)
            if action == QUIT:
                return self.stop()
            if action == PREVIOUS:
                only_open = False
                question = session.neighbour(question, -1) or question
                continue
            question = self._next(question, only_open)
            if question is None and not session.unanswered():
                return self.finish()

    def _next(self, question: Question, only_open: bool) -> Question | None:
        """The question after `question`; with `only_open`, the next one without an answer."""
        following = self.session.neighbour(question, 1)
        if only_open:
            open_ids = {q.id for q in self.session.unanswered()}
            while following is not None and following.id not in open_ids:
                following = self.session.neighbour(following, 1)
        return following

    def ask_question(self, q: Question) -> str:
        """Show `q`, read replies until one moves on; returns PREVIOUS, QUIT or ANSWER."""
        session, lang = self.session, self.lang
        bank = session.bank
        _, _, n, m = session.place(q)
        section = bank.section(q.section_id)
        s, t = bank.sections.index(section) + 1, len(bank.sections)
        self.say()
        self.say(self.w("plain.place", n=n, m=m, s=s, t=t, section=bank.text(section.title, lang)))
        self.say(bank.text(q.title, lang))
        self.say(self.w("plain.why", text=bank.text(q.help, lang)))
        for line in q.plain_lines(bank, lang):
            self.say(line)
        current = session.result.answers.get(q.id)
        if current is not None:
            answer = q.plain_current(bank, current, lang)
            self.say(self.w("plain.current", answer=answer))
        while True:
            line = self.ask(q.plain_prompt(bank, lang))
            if line is None:
                return QUIT
            meaning = interpret(session, q, line, lang)
            if meaning.problem:
                self.say(meaning.problem)
            elif meaning.action == HELP:
                self.say(self.w("plain.help"))
            elif meaning.action == PREVIOUS and session.neighbour(q, -1) is None:
                self.say(self.w("plain.first"))  # and ask again, without repeating it all
            elif meaning.action in (PREVIOUS, QUIT):
                return meaning.action
            elif meaning.action in (SKIP, UNCHANGED):
                return ANSWER
            else:
                before = len(session.asked())
                self.save(session.answer, q, meaning.value)
                if len(session.asked()) != before:  # said once, with why (screen readers)
                    self.say(self.w("total_changed", m=len(session.asked()), was=before))
                return ANSWER

    def ask_org_type(self) -> None:
        """The kind of organisation, once, before the questions; s (or nothing) skips it."""
        self.say()
        self.say(self.w("plain.org_type"))
        for number, kind in enumerate(ORG_TYPES, 1):
            self.say(f"  {number}. {self.w('org_type.' + kind)}")
        while True:
            line = self.ask(self.w("plain.org_type_choose", last=len(ORG_TYPES)))
            choice = (line or "s").strip().lower()
            if choice in ("s", ""):
                return
            if choice.isdigit() and 1 <= int(choice) <= len(ORG_TYPES):
                self.session.result.meta.org_type = ORG_TYPES[int(choice) - 1]
                self.save(self.session.save)
                return
            self.say(self.w("plain.bad_choice", text=line, first=1, last=len(ORG_TYPES)))

    def at_end(self) -> str:
        """After the last question: answer the open ones, finish, or go back."""
        session = self.session
        missing = session.unanswered()
        self.say()
        if missing:
            numbers = [str(session.place(q)[2]) for q in missing]
            shown = ", ".join(numbers[:15]) + (" …" if len(numbers) > 15 else "")
            key = "plain.open_left_one" if len(missing) == 1 else "plain.open_left"
            self.say(self.w(key, n=len(missing), numbers=shown))
        else:
            self.say(self.w("plain.all_answered", n=len(session.asked())))
        prompt = self.w("plain.end_choice" if missing else "plain.end_choice_done")
        while True:
            line = self.ask(prompt)
            if line is None:
                return QUIT
            choice = line.strip().lower()
            if choice == "f":
                return "finish"
            if choice == "p":
                return PREVIOUS
            if choice == "u" and missing:
                return ANSWER
            if choice == "q":
                return QUIT
            self.say(self.w("plain.bad_end", text=line))

    # ── saving and leaving ────────────────────────────────────────────────────────────

    def save(self, change, *args: Any) -> None:
        """Make a change (which saves); when saving fails, say so and keep it in memory.

        When another session changed the file, this one stops (Conflict): it never saves
        over that session's answers.
        """
        try:
            change(*args)
        except InputError as exc:
            if self.session.conflict:
                raise Conflict from None
            self.say(self.w("plain.not_saved", problem=exc.problems[0].told(self.lang)))

    def finish(self) -> int:
        session = self.session
        try:
            session.finish()
        except InputError as exc:
            self.say(self.w("plain.not_saved", problem=exc.problems[0].told(self.lang)))
            return self.stop()
        try:  # the answers are saved; the report may not be (a link where it goes)
            target = formats.export(session, self.lang)
            report = read_bytes(target).decode("utf-8", "replace")
        except InputError:
            self.stop()
            raise
        self.say()
        self.say(report)  # as saved: with each chart's text alternative
        self.say(word("tui.exported", self.lang, path=target))
        return 0

    def stop(self) -> int:
        """Leave: everything is saved, or saved elsewhere, or at worst printed."""
        session = self.session
        if session.unsaved is not None:
            self.save(session.save)
        if session.unsaved is not None:
            return self._rescue()
        if session.empty_individual:
            self.say(self.w("plain.nothing_kept"))
            return 0
        respondent_id = session.respondent_id
        if respondent_id and respondent_id.startswith("anonymous-"):
            self.say(self.w("plain.stopped_anonymous", path=session.path, name=respondent_id))
        else:
            self.say(self.w("plain.stopped", path=session.path))
        return 0

    def _rescue(self, reason: str = "plain.saved_copy") -> int:
        """Save the answers in a rescue copy (see Session.rescue); say why with `reason`. The
        exit status 2: not saved where asked, a problem told (1 is for a bug)."""
        session = self.session
        try:
            target = session.rescue()
        except InputError as exc:
            self.say(self.w("plain.lost", problem=exc.problems[0].told(self.lang)))
            self.say(session.result.to_toml())
            return 2
        self.say(self.w(reason, path=target))
        return 2


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def open_plain(
    bank, folder: ResultsFolder, console: LineConsole, **details
) -> tuple[Session | None, PlainRun | None]:
    """Open the session for the plain mode; a lock held elsewhere is asked about."""
    lang = console.lang
    try:
        session = Session.open(bank, folder, lang=lang, lock=True, **details)
    except LockedError as exc:
        owner = exc.owner.describe(lang)
        console.say(console.w("plain.locked", path=exc.path.name, owner=owner))
        console.say(console.w("tui.locked_stale" if exc.stale else "tui.locked_live"))
        while True:
            line = console.ask(console.w("plain.locked_choice"))
            choice = (line or "q").strip().lower()
            if choice in ("t", "r", "q"):
                break
            console.say(console.w("plain.bad_end", text=line))
        if choice == "q":
            return None, None
        if choice == "r":
            session = Session.resume(bank, exc.path, read_only=True)
            run = PlainRun(session, lang, console.stdin, console.stdout)
            run.say(run.w("plain.read_only"))
            run.say(formats.report_text(session, lang))
            return None, None
        session = Session.open(bank, folder, lang=lang, lock=True, take_over=True, **details)
    return session, PlainRun(session, lang, console.stdin, console.stdout)


def run_plain(bank, folder: ResultsFolder, lang: str, **details) -> int:
    """`innoscan run --plain`: the whole flow on this process's standard input and output."""
    session, run = open_plain(bank, folder, LineConsole(lang, sys.stdin, sys.stdout), **details)
    if session is None or run is None:
        return 0
    try:
        return run.run()
    except KeyboardInterrupt:  # Ctrl+C: every answer is saved already; say where
        run.say()
        run.stop()
        return 130
    finally:
        session.close()
