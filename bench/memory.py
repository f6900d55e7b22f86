"""Resident memory of the servers, read from /proc (Linux), sampled during the run."""

import threading
from pathlib import Path
from typing import Dict, Iterator, List

PROC = Path("/proc")
SAMPLE_SECONDS = 0.25
# Which server a process is, by a word of its command line.
ROLES = {"actions": "action_server", "--model": "rasa"}


def status_kb(pid: int, field: str) -> int:
    """A "kB" line of /proc/<pid>/status (VmRSS: now, VmHWM: peak since start); 0 if gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> List[int]:
    pids: List[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return pids


def descendants(pid: int) -> Iterator[int]:
    for child in children(pid):
        yield child
        yield from descendants(child)


def server_processes(root: int) -> Dict[str, int]:
    """The pid of each server (rasa, action_server) started under the process `root`."""
    found = {}
    for pid in descendants(root):
        try:
            words = (PROC / str(pid) / "cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        for word, role in ROLES.items():
            if word in words and "rasa" in " ".join(words):
                found[role] = pid
    return found


def mb(kb: int) -> float:
    return round(kb / 1024, 1)


class Sampler:
    """Samples each server's resident memory in a thread; keeps the peak per phase."""

    def __init__(self, pids: Dict[str, int]) -> None:
        self.pids = pids
        self.phase = "start"
        self.peaks: Dict[str, Dict[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss_mb(self) -> Dict[str, float]:
        return {role: mb(status_kb(pid, "VmRSS")) for role, pid in self.pids.items()}

    def lifetime_peak_mb(self) -> Dict[str, float]:
        return {role: mb(status_kb(pid, "VmHWM")) for role, pid in self.pids.items()}

    def phase_peaks_mb(self, phase: str) -> Dict[str, float]:
        return {role: mb(kb) for role, kb in self.peaks.get(phase, {}).items()}

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            peaks = self.peaks.setdefault(self.phase, {})
            for role, pid in self.pids.items():
                peaks[role] = max(peaks.get(role, 0), status_kb(pid, "VmRSS"))

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()
