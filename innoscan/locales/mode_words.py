"""Words of the plain mode, the browser mode and answering (checks, locks), in Dutch and English."""

from __future__ import annotations

PLAIN_WORDS: dict[str, dict[str, str]] = {
    "plain.opened": {
        "nl": "innoscan · {team} · {year}. Elk antwoord wordt meteen bewaard in {path}.",
        "en": "innoscan · {team} · {year}. Every answer is saved at once in {path}.",
    },
    "plain.resumed": {
        "nl": "Welkom terug: {n} van de {m} vragen zijn beantwoord.",
        "en": "Welcome back: {n} of {m} questions are answered.",
    },
    "plain.keys": {
        "nl": "Typ het nummer van uw antwoord en druk op Enter. "
        "p = vorige vraag, s = overslaan, q = stoppen (de antwoorden blijven bewaard), "
        "h = hulp.",
        "en": "Type the number of your answer and press Enter. "
        "p = previous question, s = skip, q = stop (your answers are kept), h = help.",
    },
    "plain.help": {
        "nl": "Hulp: typ het nummer van een antwoord, of bij meerkeuze meer nummers met spaties "
        "ertussen. Enter zonder iets houdt het antwoord dat er al is. p = vorige vraag, "
        "s = overslaan (het antwoord blijft zoals het was), q = stoppen; alles is al bewaard "
        "en met hetzelfde commando gaat u later verder.",
        "en": "Help: type the number of an answer, or for a multiple choice several numbers "
        "with spaces between them. Enter on its own keeps the answer already given. "
        "p = previous question, s = skip (the answer stays as it was), q = stop; everything "
        "is saved already and the same command later goes on where you stopped.",
    },
    "plain.place": {"nl": "{n} van {m} · {section}", "en": "{n} of {m} · {section}"},
    "plain.why": {"nl": "Waarom we dit vragen: {text}", "en": "Why we ask: {text}"},
    "plain.current": {
        "nl": "Uw antwoord nu: {answer}. Enter houdt het.",
        "en": "Your answer now: {answer}. Enter keeps it.",
    },
    "plain.choose_one": {
        "nl": "Kies {first}-{last}, of p voor vorige, s om over te slaan:",
        "en": "Choose {first}-{last}, or p for previous, s to skip:",
    },
    "plain.choose_many": {
        "nl": "Kies een of meer van {first}-{last} (spaties ertussen), "
        "of p voor vorige, s om over te slaan:",
        "en": "Choose one or more of {first}-{last} (spaces between), "
        "or p for previous, s to skip:",
    },
    "plain.at_most": {"nl": "Hoogstens {n} keuzes.", "en": "At most {n} choices."},
    "plain.type_number": {
        "nl": "Typ een getal{bounds}{dont_know}, of p voor vorige, s om over te slaan:",
        "en": "Type a number{bounds}{dont_know}, or p for previous, s to skip:",
    },
    "plain.bounds": {"nl": " van {min} tot {max}", "en": " from {min} to {max}"},
    "plain.number_dont_know": {"nl": ", w voor weet niet", "en": ", d for don't know"},
    "plain.type_text": {
        "nl": "Typ uw antwoord op één regel, of p voor vorige, s om over te slaan:",
        "en": "Type your answer on one line, or p for previous, s to skip:",
    },
    "plain.bad_choice": {
        "nl": "{text!r} is geen keuze. Typ een nummer van {first} tot {last}.",
        "en": "{text!r} is not one of the choices. Type a number from {first} to {last}.",
    },
    "number.not_a_number": {
        "nl": "{text!r} is geen getal. Typ bijvoorbeeld 12 of 2,5.",
        "en": "{text!r} is not a number. Type for example 12 or 2.5.",
    },
    "number.ambiguous": {
        "nl": "{text!r} kan duizend betekenen of een kommagetal. Typ het zonder punt of komma "
        "({plain}), of met één cijfer achter de komma.",
        "en": "{text!r} could mean a thousand or a decimal. Type it without a separator "
        "({plain}), or with fewer digits after the decimal sign.",
    },
    "number.below": {
        "nl": "{value} is lager dan het minimum {min}",
        "en": "{value} is below the minimum {min}",
    },
    "number.above": {
        "nl": "{value} is hoger dan het maximum {max}",
        "en": "{value} is above the maximum {max}",
    },
    "answer.exclusive": {
        "nl": "{label!r} gaat niet samen met andere keuzes",
        "en": "{label!r} cannot be combined with other choices",
    },
    "plain.not_accepted": {
        "nl": "Niet aangenomen: {problem}. Probeer het opnieuw.",
        "en": "Not accepted: {problem}. Please try again.",
    },
    "plain.empty": {
        "nl": "Er is nog geen antwoord. Typ een antwoord, of s om over te slaan.",
        "en": "There is no answer yet. Type an answer, or s to skip.",
    },
    "plain.first": {"nl": "Dit is de eerste vraag.", "en": "This is the first question."},
    "plain.open_left": {
        "nl": "{n} vragen zijn nog open: nummer {numbers}.",
        "en": "{n} questions are still open: numbers {numbers}.",
    },
    "plain.open_left_one": {
        "nl": "1 vraag is nog open: nummer {numbers}.",
        "en": "1 question is still open: number {numbers}.",
    },
    "plain.all_answered": {
        "nl": "Alle {n} vragen zijn beantwoord.",
        "en": "All {n} questions are answered.",
    },
    "plain.end_choice": {
        "nl": "u = de open vragen nu beantwoorden, f = afronden en de resultaten zien, "
        "p = terug naar de laatste vraag, q = stoppen:",
        "en": "u = answer the open questions now, f = finish and see the results, "
        "p = back to the last question, q = stop:",
    },
    "plain.end_choice_done": {
        "nl": "f = afronden en de resultaten zien, p = terug naar de laatste vraag, q = stoppen:",
        "en": "f = finish and see the results, p = back to the last question, q = stop:",
    },
    "plain.bad_end": {
        "nl": "{text!r}: typ een van de letters hierboven.",
        "en": "{text!r}: type one of the letters above.",
    },
    "plain.stopped": {
        "nl": "Gestopt. Uw antwoorden zijn bewaard in {path}. "
        "Hetzelfde commando gaat verder waar u stopte.",
        "en": "Stopped. Your answers are saved in {path}. "
        "The same command goes on where you stopped.",
    },
    "plain.stopped_anonymous": {
        "nl": "Gestopt. Uw antwoorden zijn bewaard in {path}. Om later verder te gaan: "
        "hetzelfde commando met --name {name} erbij (u blijft anoniem).",
        "en": "Stopped. Your answers are saved in {path}. To go on later, run the same "
        "command with --name {name} added (you stay anonymous).",
    },
    "plain.nothing_kept": {
        "nl": "Gestopt. Er is nog niets beantwoord, dus er is niets bewaard.",
        "en": "Stopped. Nothing was answered yet, so nothing is kept.",
    },
    "plain.conflict": {
        "nl": "Een andere sessie heeft deze scan overgenomen en veranderd; om die antwoorden "
        "niet te overschrijven, stopt deze. Uw antwoorden staan in een kopie: {path}",
        "en": "Another session took this assessment over and changed it; so as not to "
        "overwrite its answers, this one stops. Your answers are in a copy: {path}",
    },
    "plain.not_saved": {
        "nl": "NIET BEWAARD: {problem}. De antwoorden staan in het geheugen; bij het volgende "
        "antwoord probeert innoscan het opnieuw.",
        "en": "NOT SAVED: {problem}. The answers are in memory; innoscan tries again at the "
        "next answer.",
    },
    "plain.saved_copy": {
        "nl": "De resultatenmap is niet beschrijfbaar; een kopie is bewaard in {path}.",
        "en": "The results folder cannot be written; a copy is saved in {path}.",
    },
    "plain.lost": {
        "nl": "Ook een kopie kon niet worden bewaard ({problem}). Hier zijn de antwoorden:",
        "en": "A copy could not be saved either ({problem}). Here are the answers:",
    },
    "lock.owner": {
        "nl": "{user} op {host} (proces {pid}), sinds {since}, {age} s geleden nog gezien",
        "en": "{user} on {host} (process {pid}), since {since}, seen {age} s ago",
    },
    "plain.locked": {
        "nl": "{path} is open bij {owner}.",
        "en": "{path} is open by {owner}.",
    },
    "plain.locked_choice": {
        "nl": "t = overnemen, r = alleen de resultaten lezen, q = stoppen:",
        "en": "t = take over, r = only read the results, q = stop:",
    },
    "plain.read_only": {
        "nl": "Alleen lezen: dit zijn de resultaten tot nu toe. Er wordt niets veranderd.",
        "en": "Read-only: these are the results so far. Nothing is changed.",
    },
    "plain.results": {"nl": "Resultaten", "en": "Results"},
    "plain.end_of_input": {"nl": "(einde van de invoer)", "en": "(end of input)"},
}

SERVE_WORDS: dict[str, dict[str, str]] = {
    "serve.local": {
        "nl": "innoscan luistert op {url} (alleen op deze computer).",
        "en": "innoscan is listening on {url} (only on this computer).",
    },
    "serve.share": {
        "nl": "Geef de deelnemers een van deze adressen:",
        "en": "Give the participants one of these addresses:",
    },
    "serve.warning": {
        "nl": "LET OP: iedereen die dit adres kan bereiken, kan antwoorden. Gebruik het alleen "
        "op een vertrouwd netwerk en stop de server na de workshop.",
        "en": "WARNING: anyone who can reach this address can answer. Use it only on a "
        "trusted network and stop the server after the workshop.",
    },
    "serve.folder": {
        "nl": "Elke deelnemer krijgt een eigen resultaatbestand in {path}/; voeg ze daarna "
        "samen met `innoscan merge`.",
        "en": "Each participant gets a result file of their own in {path}/; merge them "
        "afterwards with `innoscan merge`.",
    },
    "serve.stop": {"nl": "Stoppen: Ctrl+C.", "en": "To stop: Ctrl+C."},
    "serve.joined": {
        "nl": "Deelnemer {who} is verbonden ({n} nu verbonden).",
        "en": "Participant {who} connected ({n} connected now).",
    },
    "serve.left": {
        "nl": "Deelnemer {who} is weg ({n} nog verbonden).",
        "en": "Participant {who} left ({n} still connected).",
    },
}

PARTICIPANT_WORDS: dict[str, dict[str, str]] = {
    "tui.participant_intro": {
        "nl": "U beantwoordt de vragen alleen, in een eigen bestand. Daarna voegt de teamleider "
        "alle antwoorden samen en bespreekt het team waar het verschilt. U blijft anoniem, "
        "tenzij u hieronder een naam invult.",
        "en": "You answer the questions on your own, in a file of your own. Afterwards the "
        "team lead merges everyone's answers and the team discusses where they differ. You "
        "stay anonymous unless you fill in a name below.",
    },
    "tui.your_name": {"nl": "Uw naam", "en": "Your name"},
    "tui.name_empty": {"nl": "leeg = anoniem", "en": "empty = anonymous"},
    "help.participant": {
        "nl": "Vul eventueel uw naam in, kies een taal en begin. Elk antwoord wordt meteen "
        "bewaard; valt de verbinding weg, open dan dezelfde pagina opnieuw en u gaat verder "
        "waar u was.",
        "en": "Fill in your name if you like, choose a language and start. Every answer is "
        "saved at once; if the connection drops, open the same page again and you go on "
        "where you were.",
    },
    "tui.welcome_back": {
        "nl": "Welkom terug: uw antwoorden tot nu toe staan er nog.",
        "en": "Welcome back: your answers so far are all here.",
    },
    "tui.conflict_banner": {
        "nl": "ELDERS GEOPEND: deze vragenlijst is in een ander venster of tabblad verder "
        "gegaan, dus hier wordt niets meer bewaard (ook het laatste antwoord niet). Ga daar "
        "verder, of open deze opnieuw.",
        "en": "OPENED ELSEWHERE: this questionnaire went on in another window or tab, so "
        "nothing is saved here any more (not the last answer either). Go on there, or open "
        "this one again.",
    },
    "tui.notes_own": {"nl": "Uw notities", "en": "Your notes"},
    "tui.notes_hint_own": {
        "nl": "Wat wilt u in de bespreking inbrengen? (wordt meteen bewaard)",
        "en": "What would you like to raise in the discussion? (saved at once)",
    },
    "key.download": {"nl": "Download", "en": "Download"},
    "tui.downloading": {
        "nl": "Wordt gedownload: {name}",
        "en": "Downloading: {name}",
    },
}
