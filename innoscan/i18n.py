"""Languages: choosing nl or en, and the few interface words that are not bank content."""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")

_WORDS: dict[str, dict[str, str]] = {
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "dont_know": {"nl": "weet niet", "en": "don't know"},
    "or": {"nl": "of", "en": "or"},
    "and": {"nl": "en", "en": "and"},
    "not": {"nl": "niet", "en": "not"},
    "free_text": {"nl": "vrije tekst", "en": "free text"},
    "a_number": {"nl": "een getal", "en": "a number"},
    "up_to": {"nl": "kies er hoogstens {n}", "en": "choose up to {n}"},
    "any_number": {"nl": "kies er een of meer", "en": "choose one or more"},
    "choose_one": {"nl": "kies er een", "en": "choose one"},
    "asked_when": {"nl": "Alleen gevraagd als", "en": "Only asked when"},
    "reverse": {"nl": "omgekeerd gescoord", "en": "reverse-scored"},
    "question": {"nl": "vraag", "en": "question"},
    "questions": {"nl": "vragen", "en": "questions"},
    "sections": {"nl": "onderdelen", "en": "sections"},
    "languages": {"nl": "talen", "en": "languages"},
    "is_answered": {"nl": "is beantwoord", "en": "is answered"},
    "is_unanswered": {"nl": "is niet beantwoord", "en": "is not answered"},
    "includes": {"nl": "bevat", "en": "includes"},
    "bank_ok": {"nl": "Vragenbank in orde", "en": "Question bank is valid"},
    "kind.likert": {"nl": "schaal", "en": "likert"},
    "kind.yes_no": {"nl": "ja/nee", "en": "yes/no"},
    "kind.single_choice": {"nl": "enkele keuze", "en": "single choice"},
    "kind.multiple_choice": {"nl": "meerkeuze", "en": "multiple choice"},
    "kind.number": {"nl": "getal", "en": "number"},
    "kind.text": {"nl": "tekst", "en": "text"},
}


def detect_language(requested: str | None = None, environ: dict | None = None) -> str:
    """`--lang` if given; else Dutch when LC_ALL (or, unset, LANG) starts with nl; else English."""
    if requested:
        return requested
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "nl" if locale.lower().startswith("nl") else "en"


def word(key: str, lang: str, **values: object) -> str:
    """An interface word in `lang` (English where a language has none)."""
    forms = _WORDS[key]
    return forms.get(lang, forms["en"]).format(**values)
