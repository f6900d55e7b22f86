"""Training cost after a change to one answer's text.

Copies the training files to a temporary folder, changes the text of one
answer there, and runs `rasa train` on the copy with the project's Rasa cache
(.rasa/cache, filled by `make train`). Rasa's fingerprinting should then
restore every NLU component from the cache and retrain only the dialogue
policies. `python -m bench.training` prints the time and what was retrained.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Set

import yaml

ROOT = Path(__file__).resolve().parent.parent
TRAINING_INPUTS = ("config.yml", "domain.yml", "data")
NLU_COMPONENTS = {"LinearIntentClassifier", "MedicalAdviceGuard", "RegexEntityExtractor"}
# A dialogue answer and an FAQ answer (whose keys the classifier learns).
CHANGED_ANSWERS = ("utter_cloture", "utter_faq/hebergement_france")
MAX_FULL_SECONDS = 120
MAX_ANSWER_ONLY_SECONDS = 30
RESTORED = re.compile(r"Restored component '(\w+)' from cache")
TRAINED = re.compile(r"Starting to train component '(\w+)'")


@dataclass
class TrainingRun:
    seconds: float
    restored: Set[str]
    trained: Set[str]
    log: str


def change_answer(project: Path, response: str) -> None:
    """Adds a sentence to the first variation of `response` in the copy's domain."""
    path = project / "domain.yml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content["responses"][response][0]["text"] += "\n\nPhrase ajoutée pour mesurer l'entraînement."
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def train_after_changing(response: Optional[str]) -> TrainingRun:
    """Trains a copy of the project after changing `response`; with None, from an empty cache."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in TRAINING_INPUTS:
            source = ROOT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, project / name)
        if response:
            change_answer(project, response)
            cache = os.environ.get("RASA_CACHE_DIRECTORY", str(ROOT / ".rasa" / "cache"))
        else:
            cache = str(project / ".rasa" / "cache")
        env = dict(
            os.environ,
            RASA_CACHE_DIRECTORY=cache,
            LOG_LEVEL="INFO",
            PYTHONPATH=str(ROOT),
            RASA_TELEMETRY_ENABLED="false",
        )  # the project's components
        start = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "rasa", "train", "--domain", "domain.yml", "--out", "models"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.monotonic() - start
    log = done.stdout + done.stderr
    if done.returncode:
        raise RuntimeError(f"rasa train failed:\n{log[-3000:]}")
    return TrainingRun(seconds, set(RESTORED.findall(log)), set(TRAINED.findall(log)), log)


def main() -> None:
    full = train_after_changing(None)
    print(
        f"Full training from an empty cache: {full.seconds:.0f} s "
        f"[{'met' if full.seconds <= MAX_FULL_SECONDS else 'NOT met'} <= {MAX_FULL_SECONDS} s]"
    )
    for response in CHANGED_ANSWERS:
        run = train_after_changing(response)
        reused = sorted(NLU_COMPONENTS & run.restored)
        print(
            f"Training after one answer changed ({response}): {run.seconds:.0f} s "
            f"[{'met' if run.seconds <= MAX_ANSWER_ONLY_SECONDS else 'NOT met'} <= {MAX_ANSWER_ONLY_SECONDS} s]"
        )
        print(f"  restored from cache: {', '.join(reused) or 'none'}")
        print(f"  retrained: {', '.join(sorted(run.trained)) or 'none'}")


if __name__ == "__main__":
    main()
