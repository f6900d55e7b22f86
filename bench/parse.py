"""Cost of understanding one message, against spaCy's small French model alone.

`python -m bench.parse` (run by `make bench`) parses the bench's messages with
the trained model in this process (Rasa's whole NLU graph) and with spaCy's
fr_core_news_sm alone, the same messages in the same run, and prints the median
times and their ratio. Goal: the assistant's parse <= 1.5 x spaCy's.
"""

import asyncio
import statistics
import time
from typing import Callable, List

from bench.conversations import conversations
from bench.machine import machine
from tests.evaluation import MODEL, load_agent

MAX_OVER_SPACY = 1.5
ROUNDS = 5


def median_ms(parse: Callable[[str], object], texts: List[str]) -> float:
    """Median over texts of the best of ROUNDS timings (the least disturbed by other work)."""
    for text in texts[:20]:
        parse(text)  # warm-up
    timings = []
    for text in texts:
        best = float("inf")
        for _ in range(ROUNDS):
            start = time.perf_counter()
            parse(text)
            best = min(best, time.perf_counter() - start)
        timings.append(best * 1000)
    return statistics.median(timings)


def main() -> None:
    import spacy

    texts = [t for visit in conversations() for t in visit if not t.startswith("/")]
    agent = load_agent(MODEL)
    loop = asyncio.new_event_loop()
    ours = median_ms(lambda text: loop.run_until_complete(agent.parse_message(text)), texts)
    nlp = spacy.load("fr_core_news_sm")
    alone = median_ms(nlp, texts)
    ratio = ours / alone
    print(f"\nParse of one message, median of {len(texts)} messages, {machine()['cpu']}:")
    print(f"  assistant (Rasa NLU graph, in-process): {ours:.2f} ms")
    print(f"  spaCy fr_core_news_sm alone:            {alone:.2f} ms")
    print(f"  [{'met' if ratio <= MAX_OVER_SPACY else 'NOT met'}] assistant <= {MAX_OVER_SPACY} x spaCy: {ratio:.2f} x")


if __name__ == "__main__":
    main()
