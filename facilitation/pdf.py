"""Prints HTML to PDF with Debian's Chromium, and reads PDFs with poppler-utils."""

import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"  # Debian's; nothing downloads a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
POPPLER_TOOLS = ("pdfinfo", "pdftotext", "pdftoppm")


class MissingTool(RuntimeError):
    """A program the PDF tools need is not installed; the message says which."""


def check_tools() -> None:
    """Names every missing program, and the Debian packages that install them."""
    missing = {
        "chromium": [] if Path(CHROMIUM).exists() else [CHROMIUM],
        "poppler-utils": [tool for tool in POPPLER_TOOLS if shutil.which(tool) is None],
    }
    packages = [package for package, tools in missing.items() if tools]
    if packages:
        tools = ", ".join(tool for package in packages for tool in missing[package])
        raise MissingTool(f"{tools} missing: install Debian's packages {' '.join(packages)}")


@contextmanager
def chromium_page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def print_pdf(page: Page, html: str, path: Path, footer: str) -> None:
    """Prints the page on A4, with `footer` and the page number at the bottom."""
    page.set_content(html)
    page.pdf(
        path=str(path),
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=(
            '<div style="font: 7pt sans-serif; width: 100%; margin: 0 9mm; display: flex;'
            ' justify-content: space-between; color: #444">'
            f"<span>{footer}</span>"
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
        ),
        margin={"top": "8mm", "bottom": "10mm", "left": "9mm", "right": "9mm"},
    )


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def first_page_png(pdf: Path, png: Path, dpi: int = 80) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png.with_suffix(""))],
        check=True,
    )
