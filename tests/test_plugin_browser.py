"""The site in a real browser: Debian's chromium driven by Playwright, on a build of the seeds.

Skipped, saying why, when Playwright or a chromium binary is missing (`.ci/run` installs
chromium with apt-get; Playwright's own browser download is never used).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.pipeline import build
from tests.conftest import SEEDS

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in [
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chromium() -> str:
    """The system browser's path; skips, saying what to install, when there is none."""
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no chromium found: install it with `apt-get install chromium` (.ci/run does)")
    return executable


@pytest.fixture(scope="module")
def site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Datasette serving a seeds build on a free port, as `make serve` does."""
    path = tmp_path_factory.mktemp("browser") / "quotes.db"
    build([SEEDS], path)
    port = free_port()
    datasette = Path(sys.executable).parent / "datasette"
    server = subprocess.Popen(
        [str(datasette), "serve", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_reader_follows_a_quotation_from_home_to_speaker_and_article(
    chromium: str, site: str, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site + "/")
        assert page.get_by_text("What you are looking at").is_visible()
        assert page.locator("svg.quotes-timeline circle").count() > 0
        page.screenshot(path=tmp_path / "home.png", full_page=True)

        # The Columbian changed "as an angry mob" to "than an angry mob".
        page.goto(site + "/quotes/substantive_alterations")
        than = page.locator("td.col-variant", has_text=re.compile(r"^\s*than\s*$"))
        page.locator("tr", has=than).locator("td.col-cluster_id a").first.click()
        assert "/-/quotes/quotes/cluster/" in page.url
        substitution = page.locator("ins.quotes-substitution", has_text="than")
        assert substitution.is_visible()
        assert page.locator("del.quotes-substitution", has_text="as").is_visible()
        timeline = page.locator("svg.quotes-timeline")
        assert timeline.is_visible() and timeline.locator("circle.quotes-first-mark").count() == 1
        assert timeline.bounding_box()["height"] > 50
        page.screenshot(path=tmp_path / "cluster.png", full_page=True)
        cluster = page.url

        page.locator("p", has_text="by most articles").locator("a").first.click()
        assert "/-/quotes/quotes/speaker/" in page.url
        assert page.locator("h2", has_text="Outlets quoting").is_visible()
        page.screenshot(path=tmp_path / "speaker.png", full_page=True)

        page.goto(cluster)
        page.locator("details.quotes-appearances summary").last.click()
        page.locator("details.quotes-appearances[open] li a").first.click()
        assert "/-/quotes/quotes/article/" in page.url
        marked = page.locator(".quotes-article-text mark")
        assert marked.count() > 0 and marked.first.is_visible()
        page.screenshot(path=tmp_path / "article.png", full_page=True)
        browser.close()
        assert not errors
    assert all((tmp_path / f"{n}.png").stat().st_size > 0 for n in ["home", "cluster", "article"])
