"""`make fiche`: the printable sheet "Clés de langage – Mon Espace Santé".

The answers are the assistant's own (domain.yml), under the questions
and themes of the content contract; facilitation/fiche.yml gives the layout and
the workshop's timeline. Where an answer depends on the channel, the sheet
prints the kiosk's wording: the sheet is for facilitators at a help desk.
Writes reports/fiche/cles-de-langage.pdf (at most two A4 pages) and
reports/screenshots/fiche.png (page 1; `make screenshots` copies it to docs/
for the README).
"""

import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import yaml
from jinja2 import Environment, FileSystemLoader

from facilitation import pdf
from facilitation.content import KIOSK, ROOT, answer_name, load_responses, load_topics, variation_for

SHEET_FILE = Path(__file__).with_name("fiche.yml")
TEMPLATES = Path(__file__).with_name("templates")
OUTPUT = ROOT / "reports" / "fiche" / "cles-de-langage.pdf"
PREVIEW = ROOT / "reports" / "screenshots" / "fiche.png"
MAX_PAGES = 2
FONT_SIZES_PT = (9, 8.5, 8, 7.5, 7)  # the largest one that fits MAX_PAGES is used
FOOTER = "Les réponses de l'assistant Mon Espace Santé (domain.yml)."


class SheetTooLong(RuntimeError):
    """Even the smallest type does not fit the answers on MAX_PAGES pages."""


class MissingAnswers(RuntimeError):
    """Topics to print have no answer in the domain; the message names their responses."""


@dataclass
class Entry:
    topic: str
    question: str
    bubbles: List[str]


@dataclass
class Theme:
    title: str
    entries: List[Entry]


@dataclass
class Sheet:
    title: str
    subtitle: str
    highlight: Entry
    themes: List[Theme]
    timeline: List[dict]

    @property
    def total_minutes(self) -> int:
        return sum(step.get("minutes") or 0 for step in self.timeline)


def entry(topic: dict, responses: Dict[str, List[dict]]) -> Entry:
    answer = variation_for(responses[answer_name(topic)], KIOSK)
    return Entry(topic["id"], topic["question"], answer.bubbles)


def load_sheet(layout_file: Path = SHEET_FILE, responses: Optional[Dict[str, List[dict]]] = None) -> Sheet:
    layout = yaml.safe_load(layout_file.read_text(encoding="utf-8"))
    topics, titles = load_topics(), layout["themes"]
    responses = load_responses() if responses is None else responses
    missing = [answer_name(t) for t in topics if t["group"] in titles and answer_name(t) not in responses]
    if missing:
        raise MissingAnswers(f"no answer in domain.yml for: {', '.join(missing)}")
    highlight = next(t for t in topics if t["id"] == layout["highlight"])
    themes = [
        Theme(title, [entry(t, responses) for t in topics if t["group"] == group and t is not highlight])
        for group, title in titles.items()
    ]
    timeline = [dict(step, theme_title=titles.get(step.get("theme"))) for step in layout["timeline"]]
    return Sheet(layout["title"], layout["subtitle"], entry(highlight, responses), themes, timeline)


def render_html(sheet: Sheet, font_size_pt: float) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return environment.get_template("fiche.html").render(sheet=sheet, font_size=font_size_pt)


def build(output: Path = OUTPUT, preview: Optional[Path] = PREVIEW) -> float:
    """Prints the sheet in the largest type that fits; returns that size in points."""
    pdf.check_tools()
    sheet = load_sheet()
    output.parent.mkdir(parents=True, exist_ok=True)
    with pdf.chromium_page() as page:
        for size in FONT_SIZES_PT:
            pdf.print_pdf(page, render_html(sheet, size), output, html.escape(FOOTER))
            if pdf.page_count(output) <= MAX_PAGES:
                break
        else:
            raise SheetTooLong(
                f"the answers need more than {MAX_PAGES} pages even in {size} pt type: "
                f"shorten them or print fewer themes ({SHEET_FILE.relative_to(ROOT)})"
            )
    if preview:
        pdf.first_page_png(output, preview)
    return size


def main() -> None:
    try:
        size = build()
    except (pdf.MissingTool, SheetTooLong, MissingAnswers) as error:
        sys.exit(f"error: {error}")
    pages = pdf.page_count(OUTPUT)
    print(f"Fiche : {OUTPUT.relative_to(ROOT)} ({pages} page{'s' if pages > 1 else ''}, texte en {size:g} pt)")
    print(f"Aperçu de la page 1 : {PREVIEW.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
