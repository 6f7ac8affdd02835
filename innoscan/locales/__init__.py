"""Languages: choosing nl or en, and the few interface words that are not bank content."""

from __future__ import annotations

import os

from innoscan.locales.mode_words import PARTICIPANT_WORDS, PLAIN_WORDS, SERVE_WORDS

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
    "help.question": {
        "nl": "Lees de vraag voor en bespreek hem met het team. Kies een antwoord met een "
        "cijfer (bij meerkeuze zet een cijfer of spatie een keuze aan of uit), met y/n bij "
        "ja/nee-vragen, of met de muis. Schrijf in de notities wat het team besprak. Elk "
        "antwoord en elke notitie wordt meteen bewaard; wie stopt, gaat later verder bij de "
        "eerste open vraag. PageDown en PageUp werken overal, ook in tekstvelden.",
        "en": "Read the question out and discuss it with the team. Pick an answer with a "
        "digit (in a multiple choice a digit or space toggles a choice), with y/n on yes/no "
        "questions, or with the mouse. Write in the notes what the team discussed. Every "
        "answer and note is saved at once; after quitting, innoscan resumes at the first open "
        "question. PageDown and PageUp work everywhere, text fields included.",
    },
    "help.overview": {
        "nl": "Alle vragen met hun status: ✓ beantwoord, ? weet niet, · open, – niet van "
        "toepassing. Kies een vraag en druk op Enter om erheen te gaan.",
        "en": "Every question with its status: ✓ answered, ? don't know, · open, – does not "
        "apply. Pick a question and press Enter to go there.",
    },
    "help.review": {
        "nl": "De vragen die nog open zijn. Enter rondt af: de scan wordt als afgerond bewaard, "
        "het rapport wordt naast het resultaat geschreven en de resultaten verschijnen. "
        "Tab brengt u naar de lijst, om een open vraag alsnog te beantwoorden.",
        "en": "The questions still open. Enter finishes: the result is saved as complete, the "
        "report is written beside it and the results appear. Tab takes you to the list, to "
        "answer an open question after all.",
    },
    "help.results": {
        "nl": "De index en de drie succesfactoren, een balk per onderdeel met hoeveel vragen "
        "beantwoord zijn, de landelijke cijfers met bron, en de risico's in de laatste mijl: "
        "open een risico voor de antwoorden die het veroorzaakten en het advies. "
        "E schrijft het Markdown-rapport naast het resultaatbestand.",
        "en": "The index and the three success factors, a bar per section with how many "
        "questions were answered, the national figures with their sources, and the last-mile "
        "risks: open a risk for the answers that raised it and the advice. "
        "E writes the Markdown report beside the result file.",
    },
    "help.compare": {
        "nl": "Kies met spatie twee of meer resultaten uit de map en druk op Vergelijken: per "
        "onderdeel de score per jaar en het verschil, de succesfactoren, risico's die nieuw, "
        "opgelost of gebleven zijn, de antwoorden die het meest veranderden en de acties van "
        "eerdere jaren. Esc gaat terug.",
        "en": "Choose two or more results from the folder with space and press Compare: per "
        "section the score per year and the change, the success factors, risks that are new, "
        "resolved or still there, the answers that moved most, and earlier years' actions. "
        "Esc goes back.",
    },
    "help.merge": {
        "nl": "De antwoorden van de respondenten zijn samengevoegd: de mediaan bij schalen, de "
        "meerderheid bij keuzes, bij meerkeuze wat minstens de helft koos. Waar het team het "
        "oneens is, staat de vraag hier: bespreek hem en kies het teamantwoord. Bewaar daarna "
        "het teamresultaat. Namen van respondenten komen er niet in.",
        "en": "The respondents' answers are merged: the median on scales, the majority for "
        "choices, for multiple choice what at least half chose. Where the team disagrees, the "
        "question is listed here: discuss it and choose the team's answer. Then save the team "
        "result. Respondents' names are left out.",
    },
    "help.start": {
        "nl": "Begin een nieuwe scan (teamnaam, organisatie, jaar, taal, wie antwoordt), ga "
        "verder met een scan die nog loopt, of open een afgeronde scan. Resultaten staan als "
        "TOML-bestanden in de resultatenmap.",
        "en": "Start a new assessment (team name, organisation, year, language, who answers), "
        "resume one in progress, or open a finished one. Results are TOML files in the results "
        "folder.",
    },
    "tui.tab_actions": {"nl": "Acties", "en": "Actions"},
    "tui.tab_disagree": {"nl": "Oneens", "en": "Disagreements"},
    "tui.action_target": {"nl": "Voor", "en": "For"},
    "tui.action_what": {"nl": "Wat gaan we doen?", "en": "What will we do?"},
    "tui.action_who": {"nl": "Wie", "en": "Who"},
    "tui.action_by": {"nl": "Wanneer (bv. 2027-03-01)", "en": "By when (e.g. 2027-03-01)"},
    "tui.action_add": {"nl": "Actie toevoegen", "en": "Add action"},
    "tui.action_need": {
        "nl": "Kies waarvoor en beschrijf de actie.",
        "en": "Choose what for and describe the action.",
    },
    "tui.action_added": {"nl": "Actie bewaard.", "en": "Action saved."},
    "tui.earlier_actions": {
        "nl": "Acties van {year}: zijn ze gedaan?",
        "en": "Actions of {year}: were they done?",
    },
    "tui.flag_prefix": {"nl": "Risico", "en": "Risk"},
    "tui.section_prefix": {"nl": "Onderdeel", "en": "Section"},
    "tui.compare": {"nl": "Vergelijken", "en": "Compare"},
    "tui.compare_title": {
        "nl": "Vergelijk resultaten: kies er twee of meer (spatie) en druk op Vergelijken",
        "en": "Compare results: choose two or more (space) and press Compare",
    },
    "tui.compare_need": {
        "nl": "Kies minstens twee resultaten.",
        "en": "Choose at least two results.",
    },
    "tui.merge": {"nl": "Samenvoegen", "en": "Merge"},
    "tui.merge_title": {
        "nl": "Individuele antwoorden samenvoegen",
        "en": "Merge individual answers",
    },
    "tui.merge_group": {
        "nl": "{team} · {year} · {n} respondent(en)",
        "en": "{team} · {year} · {n} respondent(s)",
    },
    "tui.merge_settle": {
        "nl": "Bespreek elke vraag en kies het antwoord van het team.",
        "en": "Discuss each question and choose the team's answer.",
    },
    "tui.merge_save": {"nl": "Teamresultaat bewaren", "en": "Save team result"},
    "tui.merge_exists": {
        "nl": "Er is al een teamresultaat voor {year}: druk nogmaals om het te vervangen.",
        "en": "A team result for {year} exists: press again to replace it.",
    },
    "tui.merge_saved": {"nl": "Teamresultaat bewaard: {path}", "en": "Team result saved: {path}"},
    "tui.compare_open": {"nl": "Vergelijken", "en": "Compare"},
    "tui.locked_title": {"nl": "Deze scan is al open", "en": "This assessment is open elsewhere"},
    "tui.locked_body": {
        "nl": "{path} is open bij {owner}. Om geen antwoorden te overschrijven kunt u hem "
        "alleen-lezen openen.",
        "en": "{path} is open by {owner}. So that no answer is overwritten, you can open it "
        "read-only.",
    },
    "tui.locked_stale": {
        "nl": "Dat proces lijkt gestopt (het slot is verouderd): u kunt het overnemen.",
        "en": "That process seems to have stopped (the lock is stale): you can take it over.",
    },
    "tui.locked_live": {
        "nl": "Neem alleen over als u zeker weet dat de andere sessie gestopt is.",
        "en": "Take over only if you are sure the other session has stopped.",
    },
    "tui.read_only": {"nl": "Alleen lezen", "en": "Open read-only"},
    "tui.take_over": {"nl": "Overnemen", "en": "Take over"},
    "tui.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "tui.read_only_banner": {
        "nl": "ALLEEN LEZEN: deze scan is elders open; wijzigingen worden niet bewaard.",
        "en": "READ-ONLY: this assessment is open elsewhere; changes are not saved.",
    },
    "tui.unsaved_banner": {
        "nl": "NIET BEWAARD: {problem}. De antwoorden staan in het geheugen; innoscan probeert "
        "het elke {n} s opnieuw. Ctrl+S bewaart een kopie elders.",
        "en": "NOT SAVED: {problem}. The answers are in memory; innoscan retries every {n} s. "
        "Ctrl+S saves a copy elsewhere.",
    },
    "tui.saved_again": {"nl": "Weer bewaard: {path}", "en": "Saved again: {path}"},
    "tui.save_copy_title": {"nl": "Kopie bewaren als", "en": "Save a copy as"},
    "tui.save_copy_hint": {
        "nl": "Een pad naar een bestand of map, bv. ~/Documents",
        "en": "A path to a file or folder, e.g. ~/Documents",
    },
    "tui.copy_saved": {"nl": "Kopie bewaard: {path}", "en": "Copy saved: {path}"},
    "key.save_copy": {"nl": "Kopie", "en": "Save copy"},
    # ── compare and merge ──
    "cmp.title": {"nl": "Vergelijking", "en": "Comparison"},
    "cmp.file": {"nl": "Bestand", "en": "File"},
    "cmp.change": {"nl": "Verschil", "en": "Change"},
    "cmp.trend": {"nl": "Verloop", "en": "Trend"},
    "cmp.coverage_note": {
        "nl": "\\* De dekking van dit onderdeel verschilt sterk tussen de jaren: lees het "
        "verschil met voorzichtigheid.",
        "en": "\\* The coverage of this section differs a lot between the years: read the "
        "change with care.",
    },
    "cmp.factors": {"nl": "Succesfactoren", "en": "Success factors"},
    "cmp.flags": {"nl": "Risico's", "en": "Risk flags"},
    "cmp.flags_since": {
        "nl": "Sinds {year}:",
        "en": "Since {year}:",
    },
    "cmp.new": {"nl": "Nieuw", "en": "New"},
    "cmp.resolved": {"nl": "Opgelost", "en": "Resolved"},
    "cmp.persisting": {"nl": "Nog steeds", "en": "Still there"},
    "cmp.none": {"nl": "geen", "en": "none"},
    "cmp.moved": {"nl": "Antwoorden die het meest veranderden", "en": "Answers that moved most"},
    "cmp.moved_none": {
        "nl": "Geen gescoorde antwoorden veranderden.",
        "en": "No scored answer changed.",
    },
    "cmp.actions": {"nl": "Acties van eerdere jaren", "en": "Actions of earlier years"},
    "cmp.for": {"nl": "Voor", "en": "For"},
    "cmp.what": {"nl": "Wat", "en": "What"},
    "cmp.who": {"nl": "Wie", "en": "Who"},
    "cmp.by": {"nl": "Wanneer", "en": "By"},
    "cmp.done": {"nl": "Gedaan?", "en": "Done?"},
    "cmp.since": {"nl": "Wat veranderde", "en": "What changed"},
    "cmp.nothing_changed": {"nl": "niets", "en": "nothing"},
    "cmp.section_change": {"nl": "score {change}", "en": "score {change}"},
    "status.open": {"nl": "nog open", "en": "open"},
    "status.done": {"nl": "gedaan", "en": "done"},
    "status.not_done": {"nl": "niet gedaan", "en": "not done"},
    "cmp.not_compared": {"nl": "Niet vergeleken", "en": "Not compared"},
    "cmp.only_some": {
        "nl": "Alleen in sommige jaren beantwoord (niet meegeteld in het verschil):",
        "en": "Answered in some years only (left out of the change):",
    },
    "cmp.unknown": {
        "nl": "Antwoorden op vragen die de vragenbank niet meer heeft ({year}):",
        "en": "Answers to questions the bank no longer has ({year}):",
    },
    "merge.disagreements": {
        "nl": "Waar het team het oneens is",
        "en": "Where the team disagrees",
    },
    "merge.intro": {
        "nl": "Teamprofiel van {n} respondenten. Bespreek deze vragen eerst: de antwoorden "
        "lopen sterk uiteen.",
        "en": "Team profile of {n} respondents. Discuss these questions first: the answers "
        "differ widely.",
    },
    "merge.none": {
        "nl": "Teamprofiel van {n} respondenten; geen grote verschillen.",
        "en": "Team profile of {n} respondents; no large differences.",
    },
    "merge.answers": {"nl": "Antwoorden", "en": "Answers"},
    "merge.team": {"nl": "Teamantwoord", "en": "Team answer"},
    "merge.open": {"nl": "(nog te bepalen)", "en": "(to be settled)"},
    "actions": {"nl": "Acties", "en": "Actions"},
    "actions_none": {"nl": "Nog geen acties afgesproken.", "en": "No actions agreed yet."},
    # ── the TUI: key descriptions in the footer (key.ACTION) ──
    "keys.yes": {"nl": "j/n", "en": "y/n"},
    "key.next": {"nl": "Volgende", "en": "Next"},
    "key.previous": {"nl": "Vorige", "en": "Back"},
    "key.overview": {"nl": "Overzicht", "en": "Overview"},
    "key.yes": {"nl": "Ja/nee", "en": "Yes/no"},
    "key.no": {"nl": "Nee", "en": "No"},
    "key.pick": {"nl": "Kies", "en": "Pick"},
    "key.help": {"nl": "Hulp", "en": "Help"},
    "key.quit": {"nl": "Stoppen", "en": "Quit"},
    "key.close": {"nl": "Sluiten", "en": "Close"},
    "key.finish": {"nl": "Afronden", "en": "Finish"},
    "key.back": {"nl": "Terug", "en": "Back"},
    "key.export": {"nl": "Rapport", "en": "Export"},
    "key.questions": {"nl": "Vragen", "en": "Questions"},
    "key.start": {"nl": "Start", "en": "Start"},
    "key.tab": {"nl": "Tabbladen", "en": "Tabs"},
    "key.open": {"nl": "Openen", "en": "Open"},
    # ── the TUI ──
    "tui.next": {"nl": "Volgende", "en": "Next"},
    "tui.previous": {"nl": "Vorige", "en": "Previous"},
    "tui.overview": {"nl": "Overzicht", "en": "Overview"},
    "tui.help": {"nl": "Hulp", "en": "Help"},
    "tui.quit": {"nl": "Stoppen", "en": "Quit"},
    "tui.pick": {"nl": "Kies", "en": "Pick"},
    "tui.toggle": {"nl": "Aan/uit", "en": "Toggle"},
    "tui.back": {"nl": "Terug", "en": "Back"},
    "tui.close": {"nl": "Sluiten", "en": "Close"},
    "tui.open": {"nl": "Openen", "en": "Open"},
    "tui.finish": {"nl": "Afronden", "en": "Finish"},
    "tui.export": {"nl": "Rapport opslaan", "en": "Export report"},
    "tui.language": {"nl": "Taal: English", "en": "Language: Nederlands"},
    "tui.why": {"nl": "Waarom we dit vragen", "en": "Why we ask"},
    "tui.notes": {"nl": "Notities van het team", "en": "Team notes"},
    "tui.notes_hint": {
        "nl": "Wat besprak het team? (wordt meteen bewaard)",
        "en": "What did the team discuss? (saved at once)",
    },
    "tui.text_hint": {"nl": "Typ het antwoord", "en": "Type the answer"},
    "tui.number_hint": {"nl": "Een getal", "en": "A number"},
    "tui.saved": {"nl": "bewaard", "en": "saved"},
    "tui.save_failed": {
        "nl": "Niet bewaard: {problem}. Het antwoord blijft in het geheugen.",
        "en": "Not saved: {problem}. The answer stays in memory.",
    },
    "tui.max_choices": {"nl": "Kies er hoogstens {n}.", "en": "Choose at most {n}."},
    "tui.place": {"nl": "{section} · {n} van {m}", "en": "{section} · {n} of {m}"},
    "tui.whole": {"nl": "vraag {n} van {m}", "en": "question {n} of {m}"},
    "tui.choose_multi": {
        "nl": "Spatie of cijfer zet een keuze aan of uit",
        "en": "Space or a digit toggles a choice",
    },
    "tui.not_asked": {"nl": "niet van toepassing", "en": "does not apply"},
    "tui.status.answered": {"nl": "beantwoord", "en": "answered"},
    "tui.status.open": {"nl": "open", "en": "open"},
    "tui.review_title": {"nl": "Bijna klaar", "en": "Almost done"},
    "tui.review_all": {
        "nl": "Alle {m} vragen zijn beantwoord.",
        "en": "All {m} questions are answered.",
    },
    "tui.review_open": {
        "nl": "{n} van de {m} vragen zijn nog open. Kies er een om hem te beantwoorden, "
        "of rond af: open vragen tellen dan niet mee.",
        "en": "{n} of the {m} questions are still open. Pick one to answer it, or finish: "
        "open questions then do not count.",
    },
    "tui.review_enter": {
        "nl": "Enter rondt af en toont de resultaten.",
        "en": "Enter finishes and shows the results.",
    },
    "tui.start_title": {"nl": "Nieuwe scan", "en": "New assessment"},
    "tui.team_name": {"nl": "Teamnaam", "en": "Team name"},
    "tui.org_name": {"nl": "Organisatie", "en": "Organisation"},
    "tui.year": {"nl": "Jaar", "en": "Year"},
    "tui.lang_label": {"nl": "Taal", "en": "Language"},
    "tui.mode_label": {"nl": "Wie antwoordt", "en": "Who answers"},
    "tui.mode_team": {"nl": "Het team samen", "en": "The team together"},
    "tui.mode_individual": {"nl": "Eén respondent alleen", "en": "One respondent alone"},
    "tui.respondent": {"nl": "Naam (leeg: anoniem)", "en": "Name (empty: anonymous)"},
    "tui.start": {"nl": "Start", "en": "Start"},
    "tui.resume_title": {"nl": "Verder met een scan", "en": "Resume an assessment"},
    "tui.finished_title": {"nl": "Afgeronde scans", "en": "Finished assessments"},
    "tui.unreadable_title": {"nl": "Onleesbare bestanden", "en": "Unreadable files"},
    "tui.none_found": {"nl": "Geen.", "en": "None."},
    "tui.folder": {"nl": "Resultatenmap: {path}", "en": "Results folder: {path}"},
    "tui.need_team": {"nl": "Vul een teamnaam in.", "en": "Enter a team name."},
    "tui.bad_year": {"nl": "Vul een jaar in, bv. {year}.", "en": "Enter a year, e.g. {year}."},
    "tui.entry": {
        "nl": "{team} · {year} · {answered} beantwoord",
        "en": "{team} · {year} · {answered} answered",
    },
    "tui.results_title": {"nl": "Resultaten", "en": "Results"},
    "tui.tab_scores": {"nl": "Scores", "en": "Scores"},
    "tui.tab_benchmarks": {"nl": "Landelijke cijfers", "en": "Benchmarks"},
    "tui.tab_risks": {"nl": "Risico's", "en": "Risks"},
    "tui.change_title": {"nl": "Verandering sinds {year}", "en": "Change since {year}"},
    "tui.exported": {"nl": "Rapport opgeslagen: {path}", "en": "Report saved: {path}"},
    "tui.too_small": {
        "nl": "Het venster is te klein ({w}×{h}). innoscan heeft minstens {mw}×{mh} nodig: "
        "maak het venster groter of het lettertype kleiner.",
        "en": "The terminal is too small ({w}×{h}). innoscan needs at least {mw}×{mh}: "
        "enlarge the window or make the font smaller.",
    },
    "tui.folder_problem": {
        "nl": "Let op: {problem}. Kies een andere map met --dir.",
        "en": "Warning: {problem}. Choose another folder with --dir.",
    },
    "tui.answers_for": {"nl": "Antwoorden voor {team}, {year}", "en": "Answers for {team}, {year}"},
    "tui.readonly": {"nl": "alleen lezen", "en": "read-only"},
    "tui.results_of": {"nl": "{team} · {year}", "en": "{team} · {year}"},
    "tui.coverage": {"nl": "{n}/{m} beantwoord", "en": "{n}/{m} answered"},
    "tui.dont_know": {"nl": "Weet niet", "en": "Don't know"},
    "tui.new": {"nl": "Nieuw", "en": "New"},
    "tui.resolved": {"nl": "Opgelost", "en": "Resolved"},
    "kind.likert": {"nl": "schaal", "en": "likert"},
    "kind.yes_no": {"nl": "ja/nee", "en": "yes/no"},
    "kind.single_choice": {"nl": "enkele keuze", "en": "single choice"},
    "kind.multiple_choice": {"nl": "meerkeuze", "en": "multiple choice"},
    "kind.number": {"nl": "getal", "en": "number"},
    "kind.text": {"nl": "tekst", "en": "text"},
    **PLAIN_WORDS,
    **SERVE_WORDS,
    **PARTICIPANT_WORDS,
    # new words (tuiplumb): Textual's own keys (named by their action) and the choice toggle
    "key.focus_next": {"nl": "Volgend veld", "en": "Next field"},
    "key.focus_previous": {"nl": "Vorig veld", "en": "Previous field"},
    "key.copy_text": {"nl": "Geselecteerde tekst kopiëren", "en": "Copy selected text"},
    "key.command_palette": {"nl": "Opdrachten", "en": "Commands"},
    "key.toggle": {"nl": "Aan/uit", "en": "Toggle"},
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


def has_word(key: str) -> bool:
    return key in _WORDS
