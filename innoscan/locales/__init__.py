"""Interface words: one catalogue per language (nl.toml, en.toml beside this module), read once.

A bank folder may bring words of its own (locales/<lang>.toml): a language innoscan does not
have, or other words for one it has. `word(key, lang)` looks in the bank's words, then in the
built-in catalogue, first in `lang`, then in DEFAULT.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from string import Formatter

FOLDER = Path(__file__).parent
DEFAULT = "en"  # for a locale without a catalogue, and for a word a catalogue lacks
LANGUAGES: tuple[str, ...] = tuple(sorted(path.stem for path in FOLDER.glob("*.toml")))

_bank_words: dict[str, dict[str, str]] = {}
_builtin: dict[str, dict[str, str]] = {}


def word(key: str, lang: str, **values: object) -> str:
    """An interface word in `lang` (in DEFAULT where `lang` has none), `values` filled in."""
    for language in (lang, DEFAULT):
        found = _bank_words.get(language, {}).get(key)
        if found is None and language in LANGUAGES:
            found = builtin(language).get(key)
        if found is not None:
            return found.format(**values)
    raise KeyError(key)


class Said:
    """Something to say later, in the language of whoever reads it then (a warning read from
    a file, shown in the TUI's language or the CLI's --lang): a word's key and its values,
    which may be Said themselves. As a str, in DEFAULT."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        values = {k: v.text(lang) if isinstance(v, Said) else v for k, v in self.values.items()}
        return word(self.key, lang, **values)

    def __str__(self) -> str:
        return self.text(DEFAULT)

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Said) and (self.key, self.values) == (other.key, other.values)


def spoken(thing: object, lang: str) -> str:
    """`thing` in `lang` where it can say itself (a Said, an InputError, a LockedError: its
    `text(lang)`), else as a str."""
    text = getattr(thing, "text", None)
    return text(lang) if callable(text) else str(thing)


def has_word(key: str) -> bool:
    return key in builtin(DEFAULT)


def languages(first: Iterable[str] = ()) -> tuple[str, ...]:
    """The languages with interface words; those in `first` (a bank's order) come first."""
    known = set(LANGUAGES) | set(_bank_words)
    ordered = [lang for lang in dict.fromkeys(first) if lang in known]
    return (*ordered, *sorted(known - set(ordered)))


def detect_language(requested: str | None = None, environ: Mapping | None = None) -> str:
    """`--lang` if given; else the language of LC_ALL (or, unset, LANG) if it has words (so a
    Dutch locale gives nl); else DEFAULT."""
    if requested:
        return requested
    env = os.environ if environ is None else environ
    locale = re.match(r"[a-z]*", (env.get("LC_ALL") or env.get("LANG") or "").lower())
    code = locale.group() if locale else ""
    return code if code in languages() else DEFAULT


def use_bank_words(words: Mapping[str, Mapping[str, str]]) -> None:
    """Put a bank's words ({lang: {key: text}}) over the built-in ones, in place of any before."""
    _bank_words.clear()
    _bank_words.update({lang: dict(texts) for lang, texts in words.items()})


def builtin(lang: str) -> dict[str, str]:
    """A built-in catalogue as {key: text}, read and checked the first time it is needed
    (or kept from an earlier run: `use_builtin`)."""
    if lang not in _builtin:
        path = FOLDER / f"{lang}.toml"
        words, problems = flat_words(tomllib.loads(path.read_text(encoding="utf-8")))
        if problems:
            raise ValueError(f"{path}: " + "; ".join(f"{k}: {m}" for k, m in problems))
        _builtin[lang] = words
    return _builtin[lang]


def builtin_catalogues() -> dict[str, dict[str, str]]:
    """Every built-in catalogue, {lang: {key: text}}, as `builtin` gives it."""
    return {lang: builtin(lang) for lang in LANGUAGES}


def use_builtin(catalogues: Mapping[str, dict[str, str]]) -> None:
    """Built-in catalogues read and checked before, as `builtin_catalogues` gave them (the
    bank cache keeps them with the bank, keyed by the catalogues' files), in place of reading
    them again."""
    _builtin.update({lang: words for lang, words in catalogues.items() if lang in LANGUAGES})


def flat_words(data: Mapping, prefix: str = "") -> tuple[dict[str, str], list[tuple[str, str]]]:
    """A catalogue's TOML as {"report.title": text}, and (key, problem) for every non-text."""
    words: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    for name, value in data.items():
        key = prefix + name
        if isinstance(value, Mapping):
            inner, wrong = flat_words(value, key + ".")
            words.update(inner)
            problems.extend(wrong)
        elif isinstance(value, str):
            words[key] = value
        else:
            problems.append((key, "must be a text in quotes"))
    return words, problems


def placeholders(text: str) -> set[str]:
    """The {names} in a word that innoscan fills in; ValueError if its braces are unbalanced."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def word_problems(words: Mapping[str, str]) -> list[tuple[str, str]]:
    """(key, problem) for a bank's words: keys innoscan does not use, {names} not its own."""
    reference = builtin(DEFAULT)
    problems: list[tuple[str, str]] = []
    for key, text in words.items():
        if key not in reference:
            problems.append((key, "not a word innoscan uses"))
            continue
        expected = placeholders(reference[key])
        try:
            found = placeholders(text)
        except ValueError as exc:
            problems.append((key, f"{exc} (write {{{{ and }}}} for a brace)"))
            continue
        if found != expected:
            names = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
            problems.append((key, f"must use the same {{names}} as the built-in word: {names}"))
    return problems
