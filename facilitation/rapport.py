"""`make rapport`: what people asked, and what the assistant could not answer.

Reads the user messages of the tracker store: the SQLite file SQLITE_TRACKER_DB,
or the database at TRACKER_STORE_URL when it is set (PostgreSQL…). Writes a
self-contained HTML report, reports/rapport/rapport.html: conversations and
messages per day (with a chart), the topics asked most, and the messages that
fell to fallback, hors_sujet or hors_liste, grouped by similarity, most
frequent first. The store keeps only the texts of those messages, masked, and
none with health details (storage/tracker_store.py); the report applies the
same rule again, for conversations saved before it.
"""

import base64
import collections
import datetime
import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from jinja2 import Environment, FileSystemLoader
from rasa.shared.core.constants import DEFAULT_INTENTS

from facilitation.content import REJECTED, ROOT, fold, topic_of
from facilitation.similar import group_similar
from privacy import NOT_KEPT, stored_text

OUTPUT = ROOT / "reports" / "rapport" / "rapport.html"
TEMPLATES = Path(__file__).with_name("templates")
TIMEZONE = ZoneInfo("Europe/Paris")
# Messages the channels send by themselves (/restart ends a conversation).
CONTROL_INTENTS = set(DEFAULT_INTENTS) - REJECTED
REJECTION_LABELS = {
    "nlu_fallback": "pas compris",
    "hors_sujet": "hors sujet",
    "hors_liste": "sujet pas encore traité",
}


class StoreUnavailable(RuntimeError):
    """The tracker store cannot be read; the message names the setting."""


@dataclass
class Message:
    sender: str
    day: datetime.date
    text: str
    topic: str  # topic id, or the intent when it is not a topic

    @property
    def rejected(self) -> bool:
        return self.topic in REJECTED


@dataclass
class Day:
    day: datetime.date
    conversations: int
    messages: int
    rejected: int


@dataclass
class Report:
    source: str
    messages: List[Message]

    @property
    def asked(self) -> List[Message]:
        return [m for m in self.messages if not m.rejected]

    @property
    def rejected(self) -> List[Message]:
        return [m for m in self.messages if m.rejected]

    @property
    def not_kept(self) -> int:
        """Unanswered messages whose text was not kept (health details)."""
        return sum(m.text == NOT_KEPT for m in self.rejected)

    @property
    def conversations(self) -> int:
        return len({m.sender for m in self.messages})

    def days(self) -> List[Day]:
        """Every day from the first message to the last, empty days included."""
        if not self.messages:
            return []
        by_day = collections.defaultdict(list)
        for message in self.messages:
            by_day[message.day].append(message)
        first, last = min(by_day), max(by_day)
        days = [first + datetime.timedelta(n) for n in range((last - first).days + 1)]
        return [
            Day(
                day,
                len({m.sender for m in by_day[day]}),
                len(by_day[day]),
                sum(m.rejected for m in by_day[day]),
            )
            for day in days
        ]

    def topics(self) -> List[tuple]:
        """(topic, count), most asked first."""
        counts = collections.Counter(m.topic for m in self.asked)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def rejected_groups(self) -> List[dict]:
        """Similar unanswered messages together, the largest group first."""
        kept = [m for m in self.rejected if m.text != NOT_KEPT]
        reasons: Dict[str, set] = collections.defaultdict(set)
        for message in kept:
            reasons[message.text].add(REJECTION_LABELS[message.topic])
        groups = group_similar([m.text for m in kept], key=fold)
        return [
            {
                "count": group.count,
                "variants": [(text, count, sorted(reasons[text])) for text, count in group.variants],
            }
            for group in groups
        ]


def store_url() -> str:
    url = os.environ.get("TRACKER_STORE_URL")
    if url:
        return url
    db = Path(os.environ.get("SQLITE_TRACKER_DB") or "var/conversations.db")
    if not db.exists():
        raise StoreUnavailable(f"no conversation database at '{db}': set SQLITE_TRACKER_DB or TRACKER_STORE_URL")
    return f"sqlite:///{db}"


def safe(url: str) -> str:
    """The database address without its password."""
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def read_messages(url: str) -> List[Message]:
    """The users' messages, oldest first, with the topic the assistant understood."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return []
            rows = connection.execute(
                sa.text("SELECT sender_id, timestamp, data FROM events WHERE type_name = 'user' ORDER BY timestamp, id")
            ).fetchall()
    except sa.exc.SQLAlchemyError as error:
        raise StoreUnavailable(
            f"cannot read the conversations at {safe(url)} ({str(error).splitlines()[0]}): "
            "check TRACKER_STORE_URL or SQLITE_TRACKER_DB"
        ) from None
    finally:
        engine.dispose()
    messages = []
    for sender, timestamp, data in rows:
        event = json.loads(data)
        parse = event.get("parse_data") or {}
        if not parse.get("intent", {}).get("name") or parse["intent"]["name"] in CONTROL_INTENTS:
            continue
        day = datetime.datetime.fromtimestamp(timestamp, TIMEZONE).date()
        topic = topic_of(parse)
        text = stored_text(event.get("text") or "", answered=topic not in REJECTED)
        messages.append(Message(sender, day, text, topic))
    return messages


def chart(days: List[Day]) -> str:
    """Messages per day, answered and not, as an SVG data URI."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    pyplot.rcParams.update({"svg.hashsalt": "rapport", "font.size": 9})  # same SVG for the same data
    labels = [d.day.strftime("%d/%m") for d in days]
    answered = [d.messages - d.rejected for d in days]
    figure, axes = pyplot.subplots(figsize=(min(12.0, max(4.0, 0.45 * len(days) + 1.5)), 2.8))
    axes.bar(labels, answered, color="#0b4f8a", label="messages compris")
    axes.bar(labels, [d.rejected for d in days], bottom=answered, color="#d9822b", label="messages sans réponse")
    axes.set_ylabel("messages")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, ncol=2, loc="lower left", bbox_to_anchor=(0, 1))
    if len(days) > 10:
        axes.tick_params(axis="x", labelrotation=90)
    figure.tight_layout()
    svg = io.StringIO()
    figure.savefig(svg, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue().encode()).decode()


def render_html(report: Report, generated: datetime.datetime) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    days = report.days()
    return environment.get_template("rapport.html").render(
        report=report,
        days=days,
        chart=chart(days) if days else None,
        topics=report.topics(),
        groups=report.rejected_groups(),
        generated=generated,
    )


def build(url: Optional[str] = None, output: Path = OUTPUT) -> Report:
    url = url or store_url()
    report = Report(safe(url), read_messages(url))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_html(report, datetime.datetime.now(TIMEZONE)), encoding="utf-8")
    return report


def main() -> None:
    try:
        report = build()
    except StoreUnavailable as error:
        sys.exit(f"error: {error}")
    print(
        f"Rapport : {OUTPUT.relative_to(ROOT)} ({len(report.messages)} message(s), "
        f"{len(report.rejected)} sans réponse, {report.conversations} conversation(s))"
    )


if __name__ == "__main__":
    main()
