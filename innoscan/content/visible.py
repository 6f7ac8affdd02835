"""Text that came from a file or a person, made safe to show on a terminal.

A team name, an id, a note or a path may hold control characters (ESC starts a terminal
command that sets the clipboard, the title, clears the screen or moves the cursor; NUL, CR and
others confuse a reader) or bidi formatting characters (U+202E turns the text after it around,
so that what is shown is not what is there). Every front end shows such text through `visible`:
the characters are written as escapes (`\\x1b`, `\\u202e`), so they are seen and do nothing.
Letters of any script (Arabic, Chinese, ...) stay as they are. `data_safe` does the same for
JSON and TOML text, where the escape must stay valid and read back as the same character
(`\\u001b`, `\\u202e`): the data is unchanged. `stripped` drops them, for the TUI's last guard
before the terminal, where each cell is already counted. `hidden` lists them, for the bank's
checks, which refuse them.
"""

from __future__ import annotations

import re

# Unicode's control characters (category Cc): C0, DEL and C1.
_C0_DEL_C1 = "\x00-\x1f\x7f-\x9f"
_C0_BUT_LINES = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # newline and tab kept
# Bidi formatting: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), and the
# marks (U+200E, U+200F, U+061C). Each takes no cell, and changes how the text around it reads.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"

_UNSHOWN = re.compile(f"[{_C0_DEL_C1}{_BIDI}]")
_UNSHOWN_IN_LINES = re.compile(f"[{_C0_BUT_LINES}{_BIDI}]")
_RAW_IN_DATA = re.compile(f"[\x7f-\x9f{_BIDI}]")  # what json.dumps and tomli_w leave raw


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, lines: bool = False) -> str:
    """`text` with every control and bidi formatting character shown as an escape (ESC as
    `\\x1b`, U+202E as `\\u202e`); with `lines`, newlines and tabs are kept as they are. Text
    without such characters is unchanged (so `visible` of visible text is the same text)."""
    pattern = _UNSHOWN_IN_LINES if lines else _UNSHOWN
    return pattern.sub(_escape, str(text))


def stripped(text: str) -> str:
    """`text` without the characters `visible` would escape (newlines and tabs too): what may
    be sent to a terminal in a place whose width is already counted (each takes no cell)."""
    return _UNSHOWN.sub("", text)


def hidden(text: str, lines: bool = False) -> list[str]:
    """The characters of `text` that `visible` would escape, each once, as their escapes."""
    pattern = _UNSHOWN_IN_LINES if lines else _UNSHOWN
    return list(dict.fromkeys(_escape(m) for m in pattern.finditer(text)))


def data_safe(text: str) -> str:
    """JSON or TOML text with the control characters its writer leaves raw (DEL, C1) and the
    bidi formatting characters as `\\u` escapes, which both formats read back as the same
    character."""
    return _RAW_IN_DATA.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
