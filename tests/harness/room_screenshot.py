"""`innoscan serve --host 0.0.0.0` in tmux at 80x24, photographed: the QR code decoded back.

.venv/bin/python tests/harness/room_screenshot.py [--out DIR] [--participants 5]

What a team lead does in the room, with real programs: tmux runs `serve` (the room view),
an xterm under Xvfb shows that tmux session, ImageMagick's `import` takes a screenshot and
zbar's `zbarimg` decodes the QR code in it, which must be the address written beneath it.
Then participants join with that address over the websocket (as a browser does) and answer,
the room view is photographed as it updates, M merges and the disagreements open to settle.
The same for `serve --plain` (the QR code printed, lines beneath) and under NO_COLOR, in
Dutch. Screenshots land in DIR:
look at them. Needs: apt-get install tmux xvfb xterm imagemagick zbar-tools fonts-dejavu-core
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from serve_client import Participant, free_port  # noqa: E402

NEEDED = ["tmux", "Xvfb", "xterm", "import", "convert", "zbarimg"]
SOCKET = f"innoscan-room-{os.getpid()}"


def tmux(*args: str) -> str:
    run = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    return run.stdout


class Screen:
    """An X display with an xterm of 80x24 that shows a tmux session."""

    def __init__(self, command: str) -> None:
        self.display = f":{100 + os.getpid() % 800}"
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1024x768x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        tmux("new-session", "-d", "-x", "80", "-y", "24", command)
        tmux("set-option", "-g", "status", "off")  # the whole 80x24 is innoscan's
        time.sleep(1)
        env = {**os.environ, "DISPLAY": self.display}
        self.xterm = subprocess.Popen(
            ["xterm", "-geometry", "80x24+0+0", "-fa", "DejaVu Sans Mono", "-fs", "12"]
            + ["-bg", "black", "-fg", "grey90", "-e", "tmux", "-L", SOCKET, "attach"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def text(self) -> str:
        return tmux("capture-pane", "-p", "-J")

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.text())
            if found:
                return found
            time.sleep(0.2)
        raise TimeoutError(f"{pattern!r} not on the screen:\n{self.text()}")

    def shot(self, path: Path) -> Path:
        time.sleep(0.5)
        env = {**os.environ, "DISPLAY": self.display}
        subprocess.run(
            ["import", "-window", "root", "-crop", "820x500+0+0", str(path)], env=env, check=True
        )
        print(f"screenshot: {path}")
        return path

    def keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", "0", *keys)

    def close(self) -> None:
        tmux("kill-server")
        for proc in (self.xterm, self.xvfb):
            proc.terminate()
            proc.wait()


def decoded(picture: Path) -> list[str]:
    """The QR codes zbar finds in a picture."""
    run = subprocess.run(["zbarimg", "-q", "--raw", str(picture)], capture_output=True, text=True)
    return run.stdout.split()


def check_qr(screen: Screen, picture: Path) -> str:
    """The address beneath the QR code, which the QR code in the screenshot must decode to."""
    shown = screen.wait_for(r"http://\S+/\?code=[a-z0-9]{8}").group(0)
    found = decoded(screen.shot(picture))
    print(f"on the screen: {shown}\nzbarimg reads: {found}")
    if found != [shown]:
        raise SystemExit("the QR code does not decode to the address shown")
    photo = picture.with_name(picture.stem + "-as-a-photo.png")  # a phone across the room
    subprocess.run(
        ["convert", str(picture), "-resize", "35%", "-blur", "0x1.2", "-rotate", "6", str(photo)],
        check=True,
    )
    print(f"as a photo (a third of the size, blurred, tilted): {decoded(photo)}")
    if decoded(photo) != [shown]:
        raise SystemExit("the QR code does not decode from a photo of the screen")
    return shown


async def answer(address: str, port: int, picks: list[str]) -> list[Participant]:
    """Participants open the decoded address (as on loopback here) and answer two questions."""
    local = re.sub(r"^http://[^/]+", f"http://127.0.0.1:{port}", address)
    code = local.rsplit("=", 1)[1]
    people = []
    for pick in picks:
        person = Participant(local.split("/?")[0], code=code)
        await person.open_page()
        await person.connect()
        await person.wait_for("Your name")
        await person.type("\r")
        chosen = "(•) 1. Yes" if pick == "1" else "(•) 2. No"
        await person.wait_for("products")
        await person.type(pick)
        await person.wait_for(chosen)
        await person.type("\x1b[6~")  # PageDown: the next question
        await person.wait_for("services")
        person.screen = b""
        await person.type(pick)
        await person.wait_for(chosen)
        people.append(person)
    return people


async def main(out: Path, count: int) -> int:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)} (see this script's docstring)")
    folder = Path(tempfile.mkdtemp(prefix="innoscan-room-"))
    port = free_port()
    command = (
        f"cd {folder} && {sys.executable} -m innoscan --lang en serve --team 'Team Data' "
        f"--host 0.0.0.0 --port {port}; sleep 600"
    )
    screen = Screen(command)
    people: list[Participant] = []
    try:
        address = check_qr(screen, out / "room-1-join.png")
        picks = ["12"[i % 2] for i in range(count)]  # yes, no, yes, ...: they differ
        people = await answer(address, port, picks)
        screen.wait_for(rf"{count} joined")
        screen.wait_for("answered")
        screen.shot(out / "room-2-answers.png")
        screen.keys("c")
        screen.shot(out / "room-3-without-code.png")
        screen.keys("c", "m")
        screen.wait_for("Discuss each question")  # the team differs: questions to settle
        screen.keys("Tab", "Space")  # the first disagreement settled: the highlighted answer
        screen.shot(out / "room-4-merge.png")
        screen.keys("Tab", "Space", "Tab", "Enter")  # the second one too, then save
        screen.wait_for("Team result saved")
        screen.shot(out / "room-5-results.png")
        screen.keys("Escape")  # back to the room view
        screen.wait_for(rf"{count} joined")
        screen.keys("C-q")
        screen.wait_for("Stopped. The participants' answers are in")
        print(f"result files: {sorted(p.name for p in (folder / 'innoscan-results').glob('*'))}")
    finally:
        for person in people:
            await person.close()
        screen.close()
    port = free_port()
    plain = Screen(f"cd {folder} && {sys.executable} -m innoscan --lang en serve --team T "
                   f"--host 0.0.0.0 --port {port} --plain; sleep 600")
    try:
        check_qr(plain, out / "room-6-plain.png")
    finally:
        plain.close()
    port = free_port()
    bare = Screen(f"cd {folder} && NO_COLOR=1 {sys.executable} -m innoscan --lang nl serve "
                  f"--team T --host 0.0.0.0 --port {port}; sleep 600")
    try:
        check_qr(bare, out / "room-7-no-color-dutch.png")  # the code is drawn, not coloured
    finally:
        bare.close()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("."))
    parser.add_argument("--participants", type=int, default=5)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sys.exit(asyncio.run(main(args.out, args.participants)))
