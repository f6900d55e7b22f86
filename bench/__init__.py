"""`make bench`: latency, throughput and memory of the running assistant.

`python -m bench` starts the stack (`make run`), replays conversations over
HTTP with 1 to 50 concurrent users, measures the same messages through the
loaded agent in-process (the floor) and through Rasa's stock REST channel,
and writes reports/bench/bench.json, reports/bench/latency.png and the
figures page of the docs, docs/chiffres-bench.md (with the date and machine).
"""
