"""Open `innoscan serve` in headless Chromium at phone size, answer, reload, screenshot.

.venv/bin/python tests/harness/phone_screenshot.py [--out DIR] [--chromium PATH]

Drives a real browser over the DevTools protocol: a 390x844 phone, the participant types a
name and answers the first question (checked in the result file), the page is reloaded (as
after a phone slept) and must resume at the second question with no new file. Screenshots
land in DIR: look at them. (The terminal is drawn on a canvas, so there is no page text to
check; with an emulated device scale above 1, headless Chromium's screenshot shows the
canvas enlarged, so the phone is emulated at scale 1.)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).parents[1]))
from serve_client import free_port, start_server, stop_server  # noqa: E402

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


class Browser:
    """Just enough of the DevTools protocol: send a command, wait for its answer."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.next_id = ws, 0

    async def send(self, method: str, **params) -> dict:
        self.next_id += 1
        await self.ws.send_str(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads((await self.ws.receive()).data)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def type(self, text: str) -> None:
        await self.send("Input.insertText", text=text)

    async def key(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=key,
                windowsVirtualKeyCode=code,
                text="\r" if key == "Enter" and kind == "keyDown" else "",
            )

    async def shot(self, path: Path) -> None:
        data = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))
        print(f"screenshot: {path}")


async def until(results: Path, holds, timeout: float = 20) -> dict:
    """The one result file's contents, once `holds` is true of them."""
    for _ in range(int(timeout * 10)):
        files = list(results.glob("*.toml"))
        if len(files) == 1:
            saved = tomllib.loads(files[0].read_text())
            if holds(saved):
                return saved
        await asyncio.sleep(0.1)
    raise TimeoutError(f"the result file never got there: {[f.name for f in files]}")


async def main(out: Path, chromium: str) -> int:
    results = Path(tempfile.mkdtemp(prefix="innoscan-phone-")) / "results"
    port, devtools = free_port(), free_port()
    server = start_server(results, port)
    profile = tempfile.mkdtemp(prefix="innoscan-chromium-")
    browser = subprocess.Popen(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={devtools}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                try:
                    async with http.get(f"http://127.0.0.1:{devtools}/json/list") as r:
                        pages = [p for p in await r.json() if p["type"] == "page"]
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                b = Browser(ws)
                await b.send("Emulation.setDeviceMetricsOverride", **PHONE)
                await b.send("Page.enable")
                await b.send("Runtime.enable")
                await b.send("Page.navigate", url=f"http://127.0.0.1:{port}/?code={server.code}")
                await asyncio.sleep(6)  # the app draws on a canvas: no text to wait for
                await b.shot(out / "phone-1-name.png")
                await b.send(
                    "Runtime.evaluate",
                    expression="document.querySelector('.xterm-helper-textarea').focus()",
                )
                await b.type("Ann")
                await b.key("Enter", 13)
                saved = await until(results, lambda r: r["meta"]["respondent"] == "Ann")
                await asyncio.sleep(1)
                await b.type("1")
                await until(results, lambda r: r["answers"] == {"activity.products": "yes"})
                await asyncio.sleep(1)
                await b.shot(out / "phone-2-question.png")
                await b.send("Page.reload")
                await asyncio.sleep(6)
                await b.shot(out / "phone-3-resumed.png")
                print(f"saved for {saved['meta']['respondent']}")
        files = sorted(results.glob("*.toml"))
        print("result files:", ", ".join(f.name for f in files))
        return 0 if len(files) == 1 else 1
    finally:
        browser.kill()
        stop_server(server)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("."))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sys.exit(asyncio.run(main(args.out, args.chromium)))
