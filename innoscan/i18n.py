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
    "bank_content": {
        "nl": "{factors} succesfactoren, {indicators} indicatoren met {figures} gepubliceerde "
        "cijfers, {rules} risicoregels",
        "en": "{factors} success factors, {indicators} indicators with {figures} published "
        "figures, {rules} risk rules",
    },
    "bank_ok": {"nl": "Vragenbank in orde", "en": "Question bank is valid"},
    "report.title": {"nl": "Innovatiescan", "en": "Innovation scan"},
    "team": {"nl": "Team", "en": "Team"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "year": {"nl": "Jaar", "en": "Year"},
    "date": {"nl": "Datum", "en": "Date"},
    "status": {"nl": "Status", "en": "Status"},
    "status.complete": {"nl": "afgerond", "en": "complete"},
    "status.in-progress": {"nl": "nog bezig", "en": "in progress"},
    "answered": {"nl": "Beantwoord", "en": "Answered"},
    "n_of_m": {"nl": "{n} van {m}", "en": "{n} of {m}"},
    "answered_of": {
        "nl": "{n} van de {m} vragen die van toepassing zijn",
        "en": "{n} of the {m} questions that apply",
    },
    "bank": {"nl": "Vragenbank", "en": "Question bank"},
    "respondents": {"nl": "Respondenten", "en": "Respondents"},
    "mode.team": {"nl": "het team samen", "en": "the team together"},
    "mode.individual": {"nl": "één respondent", "en": "one respondent"},
    "mode": {"nl": "Ingevuld door", "en": "Answered by"},
    "anonymous": {"nl": "anoniem", "en": "anonymous"},
    "no_name": {"nl": "(geen naam)", "en": "(no name)"},
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "index_line": {"nl": "{title}: {value} van 100", "en": "{title}: {value} of 100"},
    "index_none": {
        "nl": "{title}: geen, te weinig onderdelen hebben een score",
        "en": "{title}: none, too few sections have a score",
    },
    "success_factor": {"nl": "Succesfactor", "en": "Success factor"},
    "factor.present": {"nl": "aanwezig", "en": "present"},
    "factor.partly": {"nl": "deels", "en": "partly"},
    "factor.absent": {"nl": "afwezig", "en": "absent"},
    "factor.none": {"nl": "onbekend (te weinig antwoorden)", "en": "unknown (too few answers)"},
    "score": {"nl": "Score", "en": "Score"},
    "section": {"nl": "Onderdeel", "en": "Section"},
    "scores": {"nl": "Scores per onderdeel", "en": "Scores per section"},
    "too_few": {"nl": "te weinig antwoorden", "en": "too few answers"},
    "scores_how": {
        "nl": "Elke score loopt van 0 tot 100 en is het gemiddelde van de gescoorde vragen van "
        "het onderdeel; 'weet niet' en onbeantwoorde vragen tellen niet mee. Een onderdeel "
        "krijgt pas een score als minstens {pct} % van zijn gescoorde vragen beantwoord is.",
        "en": "Each score runs from 0 to 100 and is the mean of the section's scored questions; "
        "'don't know' and unanswered questions are left out. A section gets a score only when "
        "at least {pct} % of its scored questions are answered.",
    },
    "benchmarks": {"nl": "Landelijke cijfers", "en": "National benchmarks"},
    "benchmarks_intro": {
        "nl": "Gepubliceerde cijfers naast de antwoorden van het team, elk met bron. Een "
        "organisatie is niet hetzelfde als een team: lees ze als spiegel, niet als norm.",
        "en": "Published figures beside the team's answers, each with its source. An "
        "organisation is not a team: read them as a mirror, not as a norm.",
    },
    "no_figure": {
        "nl": "Geen gepubliceerd landelijk cijfer.",
        "en": "No published national figure.",
    },
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "your_team": {"nl": "Uw team", "en": "Your team"},
    "figure": {"nl": "Cijfer", "en": "Figure"},
    "population": {"nl": "Van", "en": "Of"},
    "country": {"nl": "Land", "en": "Country"},
    "when": {"nl": "Jaar", "en": "Year"},
    "source": {"nl": "Bron", "en": "Source"},
    "no_answer": {"nl": "geen antwoord", "en": "no answer"},
    "year_unstated": {"nl": "jaar niet vermeld", "en": "year not stated"},
    "share": {"nl": "{q}{v} %", "en": "{q}{v} %"},
    "q.about": {"nl": "ongeveer ", "en": "about "},
    "q.more_than": {"nl": "meer dan ", "en": "more than "},
    "q.less_than": {"nl": "minder dan ", "en": "less than "},
    "unit.unstated": {
        "nl": "eenheid niet vermeld in de bron",
        "en": "unit not stated in the source",
    },
    "reading.yes": {
        "nl": "Net als {share} van {pop} ({when}) {team}.",
        "en": "Like {share} of {pop} ({when}), {team}.",
    },
    "reading.no": {
        "nl": "Anders dan {share} van {pop} ({when}) {team}.",
        "en": "Unlike {share} of {pop} ({when}), {team}.",
    },
    "reading.none": {
        "nl": "Geen vergelijking: het team heeft de vraag niet (met ja of nee) beantwoord.",
        "en": "No comparison: the team has not answered the question (with a real answer).",
    },
    "note": {"nl": "Let op", "en": "Note"},
    "risks": {"nl": "Risico's in de laatste mijl", "en": "Last-mile risks"},
    "risks_none": {
        "nl": "Geen risico's gesignaleerd op grond van de antwoorden.",
        "en": "No risks flagged by the answers.",
    },
    "risks_count": {"nl": "{n} risico's gesignaleerd.", "en": "{n} risk(s) flagged."},
    "severity.high": {"nl": "hoog", "en": "high"},
    "severity.medium": {"nl": "middel", "en": "medium"},
    "severity.low": {"nl": "laag", "en": "low"},
    "severity": {"nl": "Ernst", "en": "Severity"},
    "pattern_line": {
        "nl": "Lijkt op *{name}* (Instituut voor Briljante Mislukkingen): {meaning}",
        "en": "Resembles *{name}* (Instituut voor Briljante Mislukkingen): {meaning}",
    },
    "evidence": {"nl": "Waarom", "en": "Why"},
    "advice": {"nl": "Wat te doen", "en": "What to do"},
    "appendix": {"nl": "Bijlage: alle antwoorden", "en": "Appendix: all answers"},
    "question_col": {"nl": "Vraag", "en": "Question"},
    "answer_col": {"nl": "Antwoord", "en": "Answer"},
    "note_col": {"nl": "Notitie", "en": "Note"},
    "not_asked": {
        "nl": "niet gevraagd (voorwaarde niet vervuld)",
        "en": "not asked (condition not met)",
    },
    "unanswered": {"nl": "—", "en": "—"},
    "kept_answers": {
        "nl": "Bewaarde antwoorden buiten de vragenbank",
        "en": "Answers kept outside the bank",
    },
    "kept_intro": {
        "nl": "Deze antwoorden staan in het bestand maar horen bij vragen die deze vragenbank "
        "niet meer heeft. Ze tellen niet mee.",
        "en": "These answers are in the file but belong to questions this bank no longer has. "
        "They do not count.",
    },
    "sheet.head": {
        "nl": "innoscan antwoordformulier: {title} ({bank} {v})\n"
        "Vul de antwoorden in: haal '# ' weg voor de regel met de sleutel van een vraag en\n"
        "zet het antwoord achter '='. Vul ook [meta] aan (team, organisatie).\n"
        "Maak daarna het rapport: innoscan report DIT_BESTAND",
        "en": "innoscan answer sheet: {title} ({bank} {v})\n"
        "Fill in the answers: remove the '# ' before a question's key line and put the\n"
        "answer after '='. Complete [meta] too (team, organisation).\n"
        "Then make the report: innoscan report THIS_FILE",
    },
    "sheet.yes_no": {"nl": '"yes" (ja) of "no" (nee)', "en": '"yes" or "no"'},
    "sheet.text": {
        "nl": 'tekst tussen aanhalingstekens, bv. "..."',
        "en": 'text in quotes, e.g. "..."',
    },
    "sheet.one_of": {"nl": "één van:", "en": "one of:"},
    "sheet.list_of": {"nl": "een lijst van", "en": "a list of"},
    "sheet.up_to": {"nl": "hoogstens {n} van:", "en": "up to {n} of:"},
    "sheet.example": {"nl": "bijvoorbeeld", "en": "for example"},
    "sheet.dont_know": {"nl": 'of "dont_know" (weet niet)', "en": 'or "dont_know"'},
    "sheet.notes": {
        "nl": "Notities per vraag, bijvoorbeeld wat het team besprak:",
        "en": "Notes per question, for example what the team discussed:",
    },
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
