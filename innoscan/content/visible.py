"""Text that came from a file or a person, made safe to show on a terminal.

A team name, an id, a note or a path may hold control characters (ESC starts a terminal
command that clears the screen or moves the cursor; NUL, CR and others confuse a reader).
Every front end shows such text through `visible`: the characters are written as escapes
(`\\x1b`), so they are seen and do nothing. `data_safe` does the same for JSON and TOML text,
where the escape must stay valid (`\\u001b`).
"""

from __future__ import annotations

import re

# Unicode's control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # newline and tab kept
_RAW_IN_DATA = re.compile("[\x7f-\x9f]")  # what json.dumps and tomli_w leave raw


def visible(text: object, lines: bool = False) -> str:
    """`text` with every control character shown as an escape (ESC as `\\x1b`); with `lines`,
    newlines and tabs are kept as they are. Text without control characters is unchanged."""
    pattern = _CONTROL_IN_LINES if lines else _CONTROL
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def data_safe(text: str) -> str:
    """JSON or TOML text with the control characters its writer leaves raw (DEL, C1) as
    `\\u` escapes, which both formats read back as the same character."""
    return _RAW_IN_DATA.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
