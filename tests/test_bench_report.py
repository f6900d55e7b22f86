"""`make bench` writes its figures page for docs/ with the date and machine of the run."""

from bench import report

GOALS = [
    {"goal": "20 users: no error", "measured": "0 errors", "met": True},
    {"goal": "20 users: p95 <= 600 ms", "measured": "1923.0 ms", "met": False},
]
RUN = {
    "date": "2026-11-27T10:00+00:00",
    "commit": "abc1234",
    "machine": {"cpu": "AMD EPYC 7B13", "cores": 2, "memory_gb": 24, "load_before": 0.2},
    "phase_seconds": 30.0,
    "phases": [
        {
            "channel": "ours",
            "users": 20,
            "messages": 888,
            "errors": 0,
            "throughput": 29.6,
            "p50_ms": 33.0,
            "p95_ms": 1923.0,
            "p99_ms": 2500.0,
        }
    ],
    "memory": {
        "peak_mb": {"rasa": 966, "action_server": 383},
        "messages": 5274,
        "baseline_mb": {"rasa": 960},
        "after_mb": {"rasa": 963},
        "growth": 0.003,
    },
    "goals": GOALS,
}


def test_the_figures_page_gives_the_date_machine_and_commit_of_the_run(tmp_path):
    page = tmp_path / "chiffres-bench.md"
    report.write_markdown(RUN, page)
    text = page.read_text(encoding="utf-8")
    assert "le 2026-11-27T10:00+00:00 (commit abc1234), sur AMD EPYC 7B13 (2 cœurs, 24 Go" in text


def test_the_figures_page_says_which_goals_are_met(tmp_path):
    page = tmp_path / "chiffres-bench.md"
    report.write_markdown(RUN, page)
    rows = page.read_text(encoding="utf-8").splitlines()
    assert "| 20 users: no error | 0 errors | oui |" in rows
    assert "| 20 users: p95 <= 600 ms | 1923.0 ms | non |" in rows
    assert "| ours | 20 | 888 | 0 | 29.6 | 33.0 | 1923.0 | 2500.0 |" in rows
