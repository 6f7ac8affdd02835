"""The result record: metadata, answers and notes, read from and written to TOML.

The answers are the record. Scores, benchmark readings and flags are recomputed from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from innoscan.content.bank import Bank, show_value
from innoscan.content.figures import OrgType
from innoscan.content.lists import LISTED, listing
from innoscan.content.problems import InputError, Problem, key_path, read_toml, short_message
from innoscan.content.visible import data_safe
from innoscan.locales import DEFAULT, Said
from innoscan.store.atomic import write_atomic

SCHEMA_VERSION = 1
FIRST_YEAR, LAST_YEAR = 1900, 2200
# What a result can hold, so that nothing read from a file breaks the arithmetic, dates or
# layout behind it (README, "Reliability"): counts of people up to MAX_COUNT, numbers up to
# MAX_NUMBER either way, an id or version up to SHORT characters, a name up to NAME, a text
# (an answer, a note, an action) up to HELD; dates from 1970 to LAST_YEAR. What one person
# types is kept to TEXT (refuse_unkept): a team profile holds the texts of all its
# respondents, each up to TEXT, joined (a tally of text answers counts them by their text).
MAX_COUNT = 100_000
MAX_NUMBER = 10**15
SHORT, NAME, TEXT, HELD = 64, 200, 20_000, 2_000_000
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
People = Annotated[int, Field(ge=1, le=MAX_COUNT)]
Id = Annotated[str, Field(max_length=SHORT)]
Name = Annotated[str, Field(max_length=NAME)]
Text = Annotated[str, Field(max_length=HELD)]
QuestionId = Annotated[str, Field(max_length=NAME)]
AnswerValue = (
    Annotated[StrictInt, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
    | Annotated[StrictFloat, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
    | Annotated[StrictStr, Field(max_length=HELD)]
    | list[Annotated[StrictStr, Field(max_length=NAME)]]
)
Status = Literal["in-progress", "complete"]
# No key the model does not know, and no number that is not finite (TOML can write nan, inf).
_RECORD = ConfigDict(extra="forbid", allow_inf_nan=False)


def _in_range(stamp: datetime) -> datetime:
    """A date innoscan can compute with: from 1970 to LAST_YEAR; one without a time zone is
    read as UTC (as innoscan writes them)."""
    if not 1970 <= stamp.year <= LAST_YEAR:
        raise ValueError(f"a date from 1970 to {LAST_YEAR}, not {stamp.year:04d}")
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


Stamp = Annotated[datetime, AfterValidator(_in_range)]


class Meta(BaseModel):
    """Who answered, when, and against which bank."""

    model_config = _RECORD

    team: Name = ""
    organisation: Name = ""
    org_type: OrgType | None = None  # absent in files made before bank 2026.2
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    language: Id = DEFAULT
    bank_id: Id
    bank_version: Id
    status: Status = "in-progress"
    mode: Literal["team", "individual"] = "team"
    respondent: Name = ""
    respondents: People = 1
    created: Stamp | None = None
    updated: Stamp | None = None


class Action(BaseModel):
    """What the team agreed to do about a risk flag or a section: what, who, by when."""

    model_config = _RECORD

    target: str = Field(pattern=r"^(flag|section):[a-z][a-z0-9_]*$")
    what: Text = Field(min_length=1)
    who: Text = ""  # typed on the results screen: as long as anyone types
    by: Text = ""
    status: Literal["open", "done", "not_done"] = "open"


class QuestionSpread(BaseModel):
    """How the respondents of a team profile answered one question."""

    model_config = _RECORD

    n: Count
    answers: dict[Text, Count] = {}  # by answer: an option's id, a number, a text
    spread: float | None = Field(default=None, ge=0, le=MAX_NUMBER)
    shares: dict[Text, Annotated[float, Field(ge=0, le=1)]] = {}


class MergeInfo(BaseModel):
    """A team profile's origin: how many answered, how, and where they disagree (questions
    whose spread it holds)."""

    model_config = _RECORD

    respondents: People
    names: list[Name] = []
    questions: dict[QuestionId, QuestionSpread] = {}  # before the lists that name them
    disagreements: list[QuestionId] = []
    settled: list[QuestionId] = []  # disagreements the team settled on the merge screen

    @field_validator("disagreements", "settled")
    @classmethod
    def _spread_known(cls, named: list[str], info: ValidationInfo) -> list[str]:
        """Each question named has its spread in `questions`."""
        spreads = info.data.get("questions")
        missing = [qid for qid in named if spreads is not None and qid not in spreads]
        if missing:
            raise ValueError(f"names {listing(missing)}, which merge.questions does not hold")
        return named


class Result(BaseModel):
    """One team's (or one respondent's) answers to a bank."""

    model_config = _RECORD

    schema_version: int = SCHEMA_VERSION
    meta: Meta
    answers: dict[QuestionId, AnswerValue] = {}
    notes: dict[QuestionId, Text] = {}
    actions: list[Action] = []
    merge: MergeInfo | None = None

    @classmethod
    def new(cls, bank: Bank, team: str, year: int, language: str, **meta: Any) -> Result:
        """A result begun now; a name beyond the bounds is an InputError naming its key."""
        now = now_utc()
        try:
            return cls(
                meta=Meta(
                    team=team,
                    year=year,
                    language=language,
                    bank_id=bank.id,
                    bank_version=bank.version,
                    created=now,
                    updated=now,
                    **meta,
                )
            )
        except ValidationError as exc:
            said = [Problem(key_path(e["loc"]), "", short_message(e)) for e in exc.errors()]
            raise InputError(said) from None

    def to_toml(self) -> str:
        """The file's text: fixed key order, so reading and writing gives the same bytes;
        no control character in it is raw."""
        meta = self.meta.model_dump(exclude_none=True)
        data: dict[str, Any] = {"schema_version": self.schema_version, "meta": meta}
        data["answers"] = dict(self.answers)
        if self.notes:
            data["notes"] = dict(self.notes)
        if self.actions:
            data["actions"] = [a.model_dump() for a in self.actions]
        if self.merge is not None:
            data["merge"] = self.merge.model_dump(exclude_defaults=True)
        import tomli_w  # only when a result is written

        return data_safe(tomli_w.dumps(data, multiline_strings=not _has_cr(data)))

    def save(self, path: str | Path) -> Path:
        """Write atomically; an individual respondent's file is readable by its owner only.
        Only what can be read back is written: else InputError naming the keys, and the file
        that was there stays as it was."""
        try:
            Result.model_validate(self.model_dump())
        except ValidationError as exc:
            raise InputError(_validation_problems(str(path), exc)) from None
        return write_atomic(path, self.to_toml(), private=self.meta.mode == "individual")

    def in_bank_order(self, bank: Bank) -> Result:
        """The same result with answers and notes in the bank's order (unknown ids last)."""
        order = {q.id: i for i, q in enumerate(bank.questions)}

        def ordered(items: dict) -> dict:
            return dict(sorted(items.items(), key=lambda kv: order.get(kv[0], len(order))))

        return self.model_copy(
            update={"answers": ordered(self.answers), "notes": ordered(self.notes)}
        )


@dataclass
class LoadedResult:
    """A result read from a file and checked against a bank, with what the reader should know."""

    result: Result
    path: Path
    warnings: list[Said] = field(default_factory=list)  # said in the reader's language
    unknown: list[str] = field(default_factory=list)
    read_as: dict[str, Said] = field(default_factory=dict)  # old question id -> what was read


def refuse_unkept(path: Path, value: object) -> None:
    """What a person typed that a result does not keep is refused before it is kept: a text
    longer than TEXT, a number beyond MAX_NUMBER either way."""
    if isinstance(value, str) and len(value) > TEXT:
        raise InputError.single(path, Said("file.too_long", n=len(value), most=TEXT))
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not -MAX_NUMBER <= value <= MAX_NUMBER:
        raise InputError.single(path, Said("file.too_large", most=MAX_NUMBER))


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def load_result(path: str | Path, bank: Bank) -> LoadedResult:
    """Read and check a result file; raise InputError naming the file and each problem."""
    path = Path(path)
    data = read_toml(path)
    file = str(path)
    if not data:
        raise InputError.single(path, Said("file.empty"))
    version = data.get("schema_version")
    if version is None:
        raise InputError.single(path, Said("file.not_a_result"))
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise InputError.single(
            path,
            f"written by a newer innoscan (schema_version {version}; this one reads up to "
            f"{SCHEMA_VERSION}): refused, upgrade innoscan to read it",
        )
    try:
        result = Result.model_validate(data)
    except ValidationError as exc:
        raise InputError(_validation_problems(file, exc)) from None
    return check_against_bank(result, path, bank)


def _validation_problems(file: str, exc: ValidationError) -> list[Problem]:
    """A problem a key (the first of each), at most LISTED and how many more."""
    problems: dict[str, Problem] = {}
    for err in exc.errors():
        problem = _problem(file, err)
        problems.setdefault(problem.where, problem)
    return _capped(list(problems.values()), file)


def load_results(paths: list[Path], bank: Bank) -> list[LoadedResult]:
    """Every file read and checked; the problems of all of them together in one InputError."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_result(path, bank))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded


def check_against_bank(result: Result, path: Path, bank: Bank) -> LoadedResult:
    """Answers fit the bank; another bank version is accepted with a warning."""
    file, meta = str(path), result.meta
    if meta.bank_id != bank.id:
        raise InputError.single(
            path,
            f"made for question bank {meta.bank_id!r}, not {bank.id!r}: refused "
            "(use --bank with the bank it was made for)",
            "meta.bank_id",
        )
    same_version = meta.bank_version == bank.version
    loaded = LoadedResult(result, path)
    if not same_version:
        changes = bank.changed_between(meta.bank_version, bank.version)
        changed = [q for c in changes for q in c.questions]
        versions = dict(file=file, was=meta.bank_version, now=bank.version)
        if changed:
            said = Said("load.other_version_changed", **versions, questions=", ".join(changed))
        else:
            said = Said("load.other_version", **versions)
        loaded.warnings.append(said)
        loaded.read_as = _read_as_today(result, bank, file)
        loaded.warnings.extend(loaded.read_as.values())
    problems: list[Problem] = []
    wrong = bank.wrong_answers(result.answers)
    for qid in list(result.answers) + [q for q in result.notes if q not in result.answers]:
        if qid in wrong:
            problems.append(Problem(file, f"answers.{qid}", wrong[qid]))
        elif qid not in bank.question_ids and qid not in loaded.read_as:
            if same_version:
                problems.append(Problem(file, f"answers.{qid}", "unknown question id"))
            else:
                loaded.unknown.append(qid)
    for action in result.actions:
        if action.target not in _targets(bank):
            what = repr(action.what)
            loaded.warnings.append(Said("load.action", file=file, what=what, target=action.target))
    if problems:
        raise InputError(_capped(problems, file))
    if loaded.unknown:
        questions = listing(loaded.unknown)
        loaded.warnings.append(
            Said("load.unknown", file=file, n=len(loaded.unknown), questions=questions)
        )
    return loaded


def _targets(bank: Bank) -> set[str]:
    """What an action can be for: a risk flag or a section of the bank."""
    return {f"flag:{r.id}" for r in bank.rules} | {f"section:{s.id}" for s in bank.sections}


def _read_as_today(result: Result, bank: Bank, file: str) -> dict[str, Said]:
    """Answers to questions that changed since the result's bank version, put under the
    question that asks it now where changes.toml maps them: {old id: what was read}. The old
    answers stay in the file."""
    lines = {}
    for change in bank.changes:
        new = bank.question(change.replaced_by) if change.replaced_by else None
        if new is None or not change.after(result.meta.bank_version):
            continue
        for old in change.questions:
            if old not in result.answers or new.id in result.answers:
                continue
            value = change.mapped(result.answers[old])
            if isinstance(value, str) and new.several:
                value = [value]
            if value is None or bank.answer_problem(new, value):
                continue
            result.answers[new.id] = value
            lines[old] = Said(
                "load.read_as",
                file=file,
                old=old,
                was=repr(result.answers[old]),  # as in the file, in no language: 'shared', ['a']
                new=new.id,
                now=repr(value),
                version=change.version,
            )
    return lines


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    """The first LISTED problems of a file, then how many more (a file of 100,000 wrong
    answers is told in a few lines)."""
    if len(problems) <= LISTED:
        return problems
    more = Said("load.more_problems", n=len(problems) - LISTED)
    return [*problems[:LISTED], Problem(file, "", str(more), more)]


def _problem(file: str, err: dict) -> Problem:
    loc = [_short(part) if isinstance(part, str) else part for part in err["loc"]]
    if len(loc) >= 2 and loc[0] in ("answers", "notes"):
        where = f"{loc[0]}.{loc[1]}"
        got = show_value(err.get("input"))
        if loc[0] == "notes":
            return Problem(file, where, f"not a valid note: expected text, got {got}")
        expected = "a whole number, a number, text or a list of option ids"
        return Problem(file, where, f"not a valid answer: expected {expected}, got {got}")
    where = key_path([p for p in loc if not isinstance(p, str) or "[" not in p])
    return Problem(file, where, short_message(err))


def _short(key: str) -> str:
    """A key of the file as a problem names it: a key longer than a question id cut short."""
    return key if len(key) <= NAME else f"{key[:SHORT]}…"


def _has_cr(value: Any) -> bool:
    """Whether a text in the data holds a carriage return (TOML's multi-line strings would
    turn "\r\n" into "\n", so such a file is written with one-line strings)."""
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_cr(v) for v in value)
    return False
