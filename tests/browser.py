"""Drives Debian's Chromium with Playwright, and checks pages with axe-core."""

from pathlib import Path
from typing import List

from playwright.sync_api import Page

from facilitation.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (Debian's; never downloaded)
from tests.content import ROOT

AXE_SCRIPT = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "reports" / "screenshots"  # `make screenshots` copies them to docs/
ANSWER_SECONDS = 30_000  # milliseconds, Playwright's unit


def accessibility_violations(page: Page) -> List[str]:
    """WCAG 2.1 A/AA rules that axe-core finds broken on the page, with the culprits."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make browser-deps`")
    page.evaluate(AXE_SCRIPT.read_text())  # evaluated by the driver: our pages allow no inline script
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA_TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def has_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    return path
