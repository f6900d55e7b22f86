"""`make fiche` prints the bot's own answers and the workshop timeline on at most two A4 pages."""

import re
import shutil
import struct
import subprocess
import time

import pytest
import yaml

from facilitation import fiche, pdf
from facilitation.content import KIOSK, answer_name, variation_for
from tests import content

SEED_SHEET = content.SHARED / "seed" / "000_05f79325a83e6d4f.txt"
RESPONSES = content.load_responses()
LAYOUT = yaml.safe_load(fiche.SHEET_FILE.read_text(encoding="utf-8"))
TOPICS = [t for t in content.load_topics() if t["group"] in LAYOUT["themes"]]


def squeezed(text: str) -> str:
    """Lower case, no accents, spaces or hyphens: how PDF text and YAML text compare
    (pdftotext joins a word cut at the end of a line and drops its hyphen)."""
    return re.sub(r"[\s-]+", "", content.fold(text))


@pytest.fixture(scope="module")
def built(chromium_executable):
    started = time.time()
    done = subprocess.run(["make", "--no-print-directory", "fiche"], cwd=content.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return started, squeezed(pdf.text_of(fiche.OUTPUT))


def test_the_sheet_has_at_most_two_pages(built):
    assert 1 <= pdf.page_count(fiche.OUTPUT) <= fiche.MAX_PAGES


def test_every_reassuring_topic_is_printed():
    assert "rassurer" in LAYOUT["themes"]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t["id"])
def test_every_answer_is_on_the_sheet_as_the_kiosk_says_it(built, topic):
    _, text = built
    answer = variation_for(RESPONSES[answer_name(topic)], KIOSK)
    assert squeezed(topic["question"]) in text
    for bubble in answer.bubbles:
        assert squeezed(bubble) in text, bubble


def test_a_topic_without_an_answer_stops_the_sheet_and_is_named():
    responses = {name: r for name, r in RESPONSES.items() if name != "utter_faq/gratuit"}
    with pytest.raises(fiche.MissingAnswers, match="utter_faq/gratuit"):
        fiche.load_sheet(responses=responses)


def test_the_3422_and_the_timeline_are_on_the_sheet(built):
    _, text = built
    assert "3422" in text
    for step in LAYOUT["timeline"]:
        assert squeezed(step["title"]) in text
    minutes = sum(step.get("minutes") or 0 for step in LAYOUT["timeline"])
    assert squeezed(f"Total des durées indiquées : {minutes} min") in text


def test_the_timeline_follows_the_workshop_sheet():
    seed = {}
    for number, title in re.findall(r"^Étape (\d+) - (.*)$", SEED_SHEET.read_text(), re.M):
        minutes = re.search(r"\((\d+) minutes\)", title)
        seed.setdefault(int(number), int(minutes.group(1)) if minutes else None)
    ours = {}
    for step in LAYOUT["timeline"]:
        first, _, last = step["step"].partition("–")
        for number in range(int(first), int(last or first) + 1):
            ours[number] = step.get("minutes")
    assert seed and {n: ours[n] for n in seed} == seed


def test_page_one_is_drawn_for_the_readme(built):
    started, _ = built
    png = fiche.PREVIEW.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and fiche.PREVIEW.stat().st_mtime >= started
    width, height = struct.unpack(">II", png[16:24])
    a4_at_80_dpi = (210 / 25.4 * 80, 297 / 25.4 * 80)
    assert (width, height) == pytest.approx(a4_at_80_dpi, abs=4)


def test_missing_pdf_tools_are_named(tmp_path):
    make = shutil.which("make")
    done = subprocess.run(
        [make, "--no-print-directory", "fiche"],
        cwd=content.ROOT,
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path), "HOME": str(tmp_path)},
    )
    assert done.returncode != 0 and "poppler-utils" in done.stderr


def test_a_missing_chromium_and_poppler_are_named_together(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.MissingTool, match="install Debian's packages chromium poppler-utils$"):
        pdf.check_tools()
