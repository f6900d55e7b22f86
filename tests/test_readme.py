"""The README is the front door: short, and every link and path it gives exists."""

import re
from pathlib import Path

import pytest

from tests.content import ROOT, SHARED

README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
MAX_LINES = 250
LINK = re.compile(r"\]\(([^)#\s]+)[^)]*\)")  # [text](target) and ![image](target)
CODE = re.compile(r"`([^`\s]+)`")
FILE_ENDINGS = (".md", ".yml", ".py", ".txt", ".png", ".sh", ".js", ".html", ".css", ".json")
# Written by the commands, so absent from a fresh clone.
MADE_BY_COMMANDS = ("models/", "reports/", "var/", ".venv/")


def where(path: str) -> Path:
    if path.startswith("../shared/"):
        return SHARED / path.removeprefix("../shared/")
    return ROOT / path


def is_path(text: str) -> bool:
    return (
        ("/" in text or text.endswith(FILE_ENDINGS))
        and not text.startswith(("/", "<", "http"))
        and ":" not in text
        and "=" not in text
    )


LINKS = sorted({target for target in LINK.findall(TEXT) if "://" not in target})
PATHS = sorted({text for text in CODE.findall(TEXT) if is_path(text) and not text.startswith(MADE_BY_COMMANDS)})


def test_the_readme_is_at_most_250_lines():
    assert len(TEXT.splitlines()) <= MAX_LINES


@pytest.mark.parametrize("target", LINKS)
def test_every_relative_link_of_the_readme_exists(target):
    assert where(target).exists()


@pytest.mark.parametrize("path", PATHS)
def test_every_path_the_readme_names_exists(path):
    assert where(path).exists()
