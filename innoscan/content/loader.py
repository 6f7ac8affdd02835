"""Loading a bank folder, and a user's own benchmark file, with every problem named."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from innoscan.content import bank_cache
from innoscan.content.bank import Bank, BankFile, Section, SectionFile
from innoscan.content.changes import ChangeFile
from innoscan.content.checks import check_bank, check_content, check_indicator, text_problems
from innoscan.content.figures import BenchmarkFile, FigureAddition, Indicator
from innoscan.content.files import NotRead, found_in
from innoscan.content.problems import InputError, Problem, read_toml, validation_problems
from innoscan.content.risks import RiskFile
from innoscan.content.scoring_rules import ScoringRules
from innoscan.locales import flat_words, word_problems


def builtin_bank_dir() -> Path:
    """The built-in bank: inside the installed package, or questions/ beside a source tree."""
    packaged = Path(__file__).parents[1] / "questions"
    if (packaged / "bank.toml").is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "questions"


def load_bank(folder: str | Path | None = None) -> Bank:
    """Load and validate a bank; raise InputError listing every problem found. A bank
    validated before, with every file as it was then, comes from the cache (bank_cache)."""
    root = Path(folder) if folder is not None else builtin_bank_dir()
    if not root.is_dir():
        reason = "does not exist" if not root.exists() else "is not a folder"
        raise InputError.single(root, f"bank folder {reason}")
    try:
        key: bytes | None = bank_cache.bank_key(root)
    except (OSError, InputError):  # a file that cannot be read: the full load names it
        key = None
    bank = bank_cache.load(root, key) if key is not None else None
    if bank is None:
        bank = _validated_bank(root)
        if key is not None:
            bank_cache.save(root, key, bank)
    return bank


def _validated_bank(root: Path) -> Bank:
    """Every file of the bank folder read, validated and checked together."""
    head_path = root / "bank.toml"
    raw_head = read_toml(head_path)
    problems: list[Problem] = text_problems(head_path, raw_head)
    try:
        head: BankFile | None = _validated(BankFile, raw_head, head_path)
    except InputError as exc:
        head = None
        problems.extend(exc.problems)
    section_ids = head.sections if head else _strings(raw_head.get("sections"))
    files: list[tuple[Path, SectionFile]] = []
    unlisted = _unlisted(root / "sections")
    if unlisted:  # one problem, not one for each file
        problems, section_ids = problems + unlisted, []
    for section_id in section_ids:
        path = root / "sections" / f"{section_id}.toml"
        try:
            data = read_toml(path)
            problems.extend(text_problems(path, data))
            files.append((path, _validated(SectionFile, data, path)))
        except NotRead as exc:
            if exc.errno != errno.ENOENT:
                problems.extend(exc.problems)
                continue
            problems.append(
                Problem(str(head_path), "sections", f"no file sections/{section_id}.toml")
            )
        except InputError as exc:
            problems.extend(exc.problems)
    if head is not None:
        problems.extend(check_bank(root, head, files))
    extras = {}
    for name, model in _OPTIONAL_FILES.items():
        path = root / f"{name}.toml"
        if path.is_file():
            try:
                data = read_toml(path)
                problems.extend(text_problems(path, data))
                extras[name] = _validated(model, data, path, _LIST_KEYS[name])
            except InputError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    assert head is not None
    sections = [
        Section(
            id=f.section.id, title=f.section.title, intro=f.section.intro, questions=f.questions
        )
        for _, f in files
    ]
    risk_file = extras.get("risks", RiskFile())
    entries = extras.get("benchmarks", BenchmarkFile()).indicators
    indicators = [i for i in entries if isinstance(i, Indicator)]
    if len(indicators) < len(entries):
        raise InputError.single(
            root / "benchmarks.toml",
            "every indicator of a bank needs its full definition (section, title, team, yes, no)",
        )
    bank = Bank(
        id=head.id,
        version=head.version,
        languages=head.languages,
        title=head.title,
        scales=head.scales,
        sections=sections,
        path=root,
        scoring=extras.get("scoring", ScoringRules()),
        indicators=indicators,
        patterns=risk_file.patterns,
        rules=risk_file.rules,
        own_words=risk_file.own_words,
        changes=extras.get("changes", ChangeFile()).changes,
    )
    problems = check_content(bank)
    if problems:
        raise InputError(problems)
    return bank


def _strings(value: Any) -> list[str]:
    """The strings of a list that failed validation, so the rest can still be checked."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v.replace("_", "").isalnum()]


_OPTIONAL_FILES: dict[str, type[BaseModel]] = {
    "scoring": ScoringRules,
    "benchmarks": BenchmarkFile,
    "risks": RiskFile,
    "changes": ChangeFile,
}
_LIST_KEYS = {
    "scoring": "success_factors",
    "benchmarks": "indicators",
    "risks": "rules",
    "changes": "changes",
}


def _validated(model: type[BaseModel], data: dict, path: Path, list_key: str = "questions") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(path, data, exc, list_key)) from None


def load_words(folder: str | Path) -> dict[str, dict[str, str]]:
    """A bank's own interface words, locales/<lang>.toml, as {lang: {key: text}}; InputError
    naming every key that is not a text, not a word innoscan uses, or has other {names}."""
    words: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for path in _bank_files(Path(folder) / "locales", problems):
        try:
            data = read_toml(path)
            found, wrong = flat_words(data)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(text_problems(path, data))
        wrong += word_problems(found)
        problems.extend(Problem(str(path), key, message) for key, message in wrong)
        words[path.stem] = found
    if problems:
        raise InputError(problems)
    return words


def _unlisted(folder: Path) -> list[Problem]:
    """A folder of the bank that is there but cannot be listed, as a problem."""
    problems: list[Problem] = []
    _bank_files(folder, problems)
    return [p for p in problems if p.file == str(folder)]


def _bank_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The *.toml files of a folder of the bank (none when it is not there); what cannot be
    listed or read (a named pipe, a link out of the folder) added to `problems`."""
    if not folder.is_dir():
        return []
    try:
        found = found_in(folder)
    except InputError as exc:
        problems.extend(exc.problems)
        return []
    wanted = [item for item in found if not item.folder and item.path.suffix == ".toml"]
    problems.extend(Problem(str(item.path), "", item.problem) for item in wanted if item.problem)
    return [item.path for item in wanted if not item.problem]


def load_benchmark_file(path: str | Path, bank: Bank) -> list[Indicator]:
    """The bank's indicators with a user's own figures and indicators added."""
    path = Path(path)
    data = read_toml(path)
    if problems := text_problems(path, data):
        raise InputError(problems)
    try:
        extra = BenchmarkFile.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(path, data, exc, "indicators")) from None
    indicators = {i.id: i for i in bank.indicators}
    problems: list[Problem] = []
    for item in extra.indicators:
        if isinstance(item, FigureAddition):
            if item.id not in indicators:
                problems.append(Problem(str(path), item.id, "unknown indicator id"))
                continue
            old = indicators[item.id]
            indicators[item.id] = old.model_copy(update={"figures": old.figures + item.figures})
        else:
            problems.extend(check_indicator(str(path), item, bank))
            indicators[item.id] = item
    if problems:
        raise InputError(problems)
    return list(indicators.values())
