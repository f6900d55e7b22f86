"""Runs the bench (`make bench`); BENCH_SECONDS sets the length of a phase (30 s)."""

import asyncio
import os
import time
from datetime import datetime, timezone
from typing import Dict

from bench import load, memory, report
from bench.machine import commit, machine
from bench.conversations import conversations
from bench.floor import load_agent
from bench.load import HttpChannel, InProcessChannel, Result
from tests import stack
from tests.content import ROOT

OUT = ROOT / "reports" / "bench"
FIGURES_PAGE = ROOT / "docs" / "chiffres-bench.md"
MODEL = ROOT / os.environ.get("MODEL", "models/mes.tar.gz")
PHASE_SECONDS = float(os.environ.get("BENCH_SECONDS", "30"))
WARM_UP_USERS, WARM_UP_SECONDS = 10, 10
LOADS = (10, 20, 50)  # concurrent users, after the 1-user phase
COMPARED_LOAD = 20  # our channel and the stock one take turns at this load
SLICES = 2  # turns each
MEMORY_MESSAGES = 5000
MAX_SOAK_SECONDS = 120
# The stack runs both channels on one model: Rasa's stock REST channel next to
# our web chat channel.
CREDENTIALS = "rest:\nwebchat.WebChatInput:\n"


async def measure(running: stack.Stack, sampler: memory.Sampler) -> dict:
    """Every phase, in order; returns the run's figures."""
    texts = conversations()
    agent = await load_agent(MODEL, f"http://127.0.0.1:{running.action_port}/webhook", OUT / "floor.db")
    base = f"http://127.0.0.1:{running.rasa_port}"
    results: Dict[tuple, Result] = {}
    async with load.session() as http:
        ours = HttpChannel("ours", base + "/chat/message", http)
        stock = HttpChannel("stock", base + "/webhooks/rest/webhook", http)
        floor = InProcessChannel(agent)

        def step(name: str) -> None:
            sampler.phase = name
            print(f"  {name}...", flush=True)

        step("warm-up")
        for channel in (floor, ours, stock):
            await load.play(channel, texts[-1], Result())
        for channel in (ours, stock):
            await load.run_users(channel, texts, WARM_UP_USERS, WARM_UP_SECONDS / 2)
        await asyncio.sleep(1)
        baseline = sampler.rss_mb()

        step("1 user")
        for name, result in (await load.run_paired([floor, ours, stock], texts, 2 * PHASE_SECONDS)).items():
            results[name, 1] = result
        for users in LOADS:
            step(f"{users} users")
            compared = users == COMPARED_LOAD
            slices = SLICES if compared else 1
            for _ in range(slices):
                for channel in (ours, stock) if compared else (ours,):
                    result = await load.run_users(channel, texts, users, PHASE_SECONDS / slices)
                    results[channel.name, users] = results.get((channel.name, users), Result()).merge(result)

        def served() -> int:
            return sum(len(r.latencies) for (name, _), r in results.items() if name != "floor")

        soak = f"up to {MEMORY_MESSAGES} messages"
        step(soak)
        soak_end = time.monotonic() + MAX_SOAK_SECONDS
        while served() < MEMORY_MESSAGES and time.monotonic() < soak_end:
            extra = await load.run_users(ours, texts, COMPARED_LOAD, min(10, soak_end - time.monotonic()))
            results["soak", COMPARED_LOAD] = results.get(("soak", COMPARED_LOAD), Result()).merge(extra)
        await asyncio.sleep(1)
        after = sampler.rss_mb()

    def peak(name: str, users: int):
        if name == "floor":
            return None
        return sampler.phase_peaks_mb(soak if name == "soak" else f"{users} user{'s' * (users > 1)}")

    phases = [report.summary(name, users, result, peak(name, users)) for (name, users), result in results.items()]
    peaks = [sampler.phase_peaks_mb(name) for name in sampler.peaks if name != "start"]
    memory_figures = {
        "baseline_mb": baseline,
        "after_mb": after,
        "messages": served(),
        "growth": round(sum(after.values()) / sum(baseline.values()) - 1, 4),
        "peak_mb": {role: max(p.get(role, 0) for p in peaks) for role in baseline},
        "lifetime_peak_mb": sampler.lifetime_peak_mb(),
    }
    ratio_figures = report.ratios(phases)
    return {
        "phase_seconds": PHASE_SECONDS,
        "phases": phases,
        "memory": memory_figures,
        "ratios": ratio_figures,
        "goals": report.goals(phases, ratio_figures, memory_figures),
    }


def main() -> None:
    started = time.monotonic()
    about = {
        "date": datetime.now(timezone.utc).isoformat(timespec="minutes"),
        "commit": commit(),
        "machine": machine(),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for old in ("conversations.db", "floor.db"):
        (OUT / old).unlink(missing_ok=True)
    credentials = OUT / "credentials.yml"
    credentials.write_text(CREDENTIALS)
    print("Starting the assistant (make run)...", flush=True)
    running = stack.start(OUT, RASA_CREDENTIALS=str(credentials))
    try:
        with memory.Sampler(memory.server_processes(running.process.pid)) as sampler:
            run = {**about, **asyncio.run(measure(running, sampler))}
    finally:
        running.stop()
    run["seconds"] = round(time.monotonic() - started)
    report.write_json(run, OUT / "bench.json")
    report.write_chart(run, OUT / "latency.png")
    report.write_markdown(run, FIGURES_PAGE)
    report.print_report(run)
    print(f"\nWritten: {OUT / 'bench.json'}, {OUT / 'latency.png'}, {FIGURES_PAGE} ({run['seconds']} s in all)")


if __name__ == "__main__":
    main()
