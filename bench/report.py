"""Figures of a bench run: per-phase summaries, goals, JSON, chart, printed table and the docs page."""

import json
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np

from bench.load import Result

# The goals of the performance work (2 cores).
MAX_OURS_OVER_FLOOR = 1.3
MIN_THROUGHPUT_20_USERS = 40.0
MAX_P95_20_USERS_MS = 600.0
MAX_OURS_OVER_STOCK = 1.10
MAX_RESIDENT_MB = 1024.0
MAX_MEMORY_GROWTH = 0.10


def summary(channel: str, users: int, result: Result, peak_mb: Optional[Dict[str, float]]) -> dict:
    latencies_ms = np.array(result.latencies) * 1000
    p50, p95, p99 = np.percentile(latencies_ms, [50, 95, 99]).round(1).tolist() if len(latencies_ms) else [None] * 3
    return {
        "channel": channel,
        "users": users,
        "messages": len(result.latencies),
        "errors": result.errors,
        "first_error": result.first_error,
        "seconds": round(result.seconds, 1),
        "throughput": round(len(result.latencies) / result.seconds, 1) if result.seconds else None,
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": p99,
        "peak_rss_mb": peak_mb,
    }


def phase(phases: List[dict], channel: str, users: int) -> dict:
    return next(p for p in phases if p["channel"] == channel and p["users"] == users)


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 2) if a and b else None


def ratios(phases: List[dict]) -> dict:
    ours1, floor1, stock1 = (phase(phases, name, 1) for name in ("ours", "floor", "stock"))
    ours20, stock20 = phase(phases, "ours", 20), phase(phases, "stock", 20)
    return {
        "ours_over_floor_p50_1_user": ratio(ours1["p50_ms"], floor1["p50_ms"]),
        "ours_over_stock_p50_1_user": ratio(ours1["p50_ms"], stock1["p50_ms"]),
        "ours_over_stock_p50_20_users": ratio(ours20["p50_ms"], stock20["p50_ms"]),
        "stock_over_ours_throughput_20_users": ratio(stock20["throughput"], ours20["throughput"]),
    }


def goals(phases: List[dict], ratio_figures: dict, memory: dict) -> List[dict]:
    ours20 = phase(phases, "ours", 20)
    resident = sum(memory["peak_mb"].values())

    def goal(text: str, measured: str, met: bool) -> dict:
        return {"goal": text, "measured": measured, "met": bool(met)}

    def at_most(value: Optional[float], limit: float) -> bool:
        return value is not None and value <= limit

    return [
        goal(
            f"1 user: HTTP p50 <= {MAX_OURS_OVER_FLOOR} x in-process floor",
            f"{ratio_figures['ours_over_floor_p50_1_user']} x",
            at_most(ratio_figures["ours_over_floor_p50_1_user"], MAX_OURS_OVER_FLOOR),
        ),
        goal(
            f"20 users: >= {MIN_THROUGHPUT_20_USERS:.0f} messages/s",
            f"{ours20['throughput']} messages/s",
            (ours20["throughput"] or 0) >= MIN_THROUGHPUT_20_USERS,
        ),
        goal(
            f"20 users: p95 <= {MAX_P95_20_USERS_MS:.0f} ms",
            f"{ours20['p95_ms']} ms",
            at_most(ours20["p95_ms"], MAX_P95_20_USERS_MS),
        ),
        goal("20 users: no error", f"{ours20['errors']} errors", ours20["errors"] == 0),
        goal(
            "our channel <= 10 % slower than stock REST (p50, 1 user)",
            f"{ratio_figures['ours_over_stock_p50_1_user']} x",
            at_most(ratio_figures["ours_over_stock_p50_1_user"], MAX_OURS_OVER_STOCK),
        ),
        goal(
            "our channel <= 10 % slower than stock REST (throughput, 20 users)",
            f"stock / ours = {ratio_figures['stock_over_ours_throughput_20_users']}",
            at_most(ratio_figures["stock_over_ours_throughput_20_users"], MAX_OURS_OVER_STOCK),
        ),
        goal(
            f"Rasa + action server <= {MAX_RESIDENT_MB:.0f} MB resident (peak under load)",
            f"{resident:.0f} MB",
            resident <= MAX_RESIDENT_MB,
        ),
        goal(
            f"memory growth <= {MAX_MEMORY_GROWTH:.0%} over {memory['messages']} messages",
            f"{memory['growth']:+.1%}",
            memory["growth"] <= MAX_MEMORY_GROWTH,
        ),
    ]


def write_json(run: dict, path: Path) -> None:
    path.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_chart(run: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, (latency, throughput) = pyplot.subplots(1, 2, figsize=(12, 4.5))
    for channel, style in (("ours", "-o"), ("stock", "--s"), ("floor", ":^")):
        points = [p for p in run["phases"] if p["channel"] == channel]
        users = [p["users"] for p in points]
        for key, colour in (("p50_ms", "tab:blue"), ("p95_ms", "tab:orange"), ("p99_ms", "tab:red")):
            latency.plot(users, [p[key] for p in points], style, color=colour, label=f"{channel} {key[:3]}")
        throughput.plot(users, [p["throughput"] for p in points], style, label=channel)
    latency.set(
        xscale="log", yscale="log", xlabel="concurrent users", ylabel="latency (ms)", title="Latency per message"
    )
    throughput.set(xscale="log", xlabel="concurrent users", ylabel="messages / s", title="Throughput")
    for axes in (latency, throughput):
        axes.set_xticks([1, 10, 20, 50], ["1", "10", "20", "50"])
        axes.grid(True, which="both", alpha=0.3)
        axes.legend(fontsize=7, ncol=3 if axes is latency else 1)
    figure.suptitle(f"{run['machine']['cpu']} ({run['machine']['cores']} cores), {run['date']}", fontsize=9)
    figure.tight_layout()
    figure.savefig(path, dpi=100)


def write_markdown(run: dict, path: Path) -> None:
    """The figures page of the docs (docs/chiffres-bench.md), with the date and machine of the run."""
    machine, memory = run["machine"], run["memory"]
    lines = [
        "# Chiffres de `make bench`",
        "",
        f"Écrit par `make bench` le {run['date']} (commit {run['commit']}), sur {machine['cpu']} "
        f"({machine['cores']} cœurs, {machine['memory_gb']} Go ; charge moyenne au départ "
        f"{machine['load_before']}). Ne pas corriger à la main : relancer `make bench`.",
        "",
        "## Objectifs",
        "",
        "| objectif | mesuré | atteint |",
        "| --- | --- | --- |",
        *(f"| {g['goal']} | {g['measured']} | {'oui' if g['met'] else 'non'} |" for g in run["goals"]),
        "",
        f"## Par phase ({run['phase_seconds']:.0f} s chacune)",
        "",
        "| canal | utilisateurs | messages | erreurs | messages/s | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(
            f"| {p['channel']} | {p['users']} | {p['messages']} | {p['errors']} | {p['throughput']} "
            f"| {p['p50_ms']} | {p['p95_ms']} | {p['p99_ms']} |"
            for p in run["phases"]
        ),
        "",
        "`ours` : notre canal web ; `stock` : le canal REST d'origine de Rasa ; `floor` : le plancher, "
        "les mêmes messages sans HTTP.",
        "",
        "## Mémoire",
        "",
        f"Maximum sous charge : {memory['peak_mb']} Mo. Avant et après {memory['messages']} messages : "
        f"{memory['baseline_mb']} → {memory['after_mb']} Mo ({memory['growth']:+.1%}).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def print_report(run: dict) -> None:
    print(
        f"\nMachine: {run['machine']['cpu']}, {run['machine']['cores']} cores, "
        f"{run['machine']['memory_gb']} GB; load average before the run: {run['machine']['load_before']}"
    )
    print(
        f"{'channel':8} {'users':>5} {'messages':>8} {'errors':>6} {'msg/s':>7} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  peak RSS MB (rasa / actions)"
    )
    for p in run["phases"]:
        peak = p["peak_rss_mb"]
        memory = f"{peak.get('rasa', 0):.0f} / {peak.get('action_server', 0):.0f}" if peak else "-"
        print(
            f"{p['channel']:8} {p['users']:>5} {p['messages']:>8} {p['errors']:>6} "
            f"{p['throughput']:>7} {p['p50_ms']:>8} {p['p95_ms']:>8} {p['p99_ms']:>8}  {memory}"
        )
        if p["first_error"]:
            print(f"{'':15} first error: {p['first_error'][:200]}")
    memory = run["memory"]
    print(
        f"\nMemory: peak under load {memory['peak_mb']} MB; peak since start (VmHWM) "
        f"{memory['lifetime_peak_mb']} MB; {memory['baseline_mb']} -> {memory['after_mb']} MB "
        f"over {memory['messages']} messages ({memory['growth']:+.1%})"
    )
    print("Ratios: " + ", ".join(f"{name} = {value}" for name, value in run["ratios"].items()))
    print("\nGoals:")
    for goal in run["goals"]:
        print(f"  [{'met' if goal['met'] else 'NOT met'}] {goal['goal']}: {goal['measured']}")
