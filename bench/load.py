"""Users replaying conversations through a channel, concurrently and for a bounded time.

A channel answers one message: over HTTP (ours, Rasa's stock REST channel) or
in-process through the loaded agent (the floor). Each conversation gets a new
sender id, like a new visitor, so the channel's per-sender rate limit is never hit.
"""

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import aiohttp

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from webchat.channel import NO_ANSWER

REQUEST_TIMEOUT_SECONDS = 30


@dataclass
class Result:
    """Latency of every message (seconds), how many failed, and the time it took."""

    latencies: List[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    first_error: Optional[str] = None

    def add(self, latency: float, error: Optional[str]) -> None:
        self.latencies.append(latency)
        if error:
            self.errors += 1
            self.first_error = self.first_error or error

    def merge(self, other: "Result") -> "Result":
        return Result(
            self.latencies + other.latencies,
            self.errors + other.errors,
            self.seconds + other.seconds,
            self.first_error or other.first_error,
        )


class HttpChannel:
    """POSTs {"sender", "message"} to a channel's URL; an answer is a non-empty list
    of bot messages other than the web chat's "cannot answer" message."""

    def __init__(self, name: str, url: str, session: aiohttp.ClientSession) -> None:
        self.name, self.url, self.session = name, url, session

    async def send(self, sender: str, text: str) -> Optional[str]:
        """None when answered, else what went wrong."""
        async with self.session.post(self.url, json={"sender": sender, "message": text}) as reply:
            if reply.status != 200:
                return f"HTTP {reply.status}"
            messages = await reply.json()
        if not messages or any(message.get("text") == NO_ANSWER for message in messages):
            return f"no answer to {text!r}"
        return None


class InProcessChannel:
    """The loaded agent itself: no HTTP, no channel code."""

    name = "floor"

    def __init__(self, agent) -> None:
        self.agent = agent

    async def send(self, sender: str, text: str) -> Optional[str]:
        collector = CollectingOutputChannel()
        await self.agent.handle_message(UserMessage(text, collector, sender, input_channel="floor"))
        return None if collector.messages else f"no answer to {text!r}"


def session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS),
        connector=aiohttp.TCPConnector(limit=0),
    )


async def play(channel, conversation: Sequence[str], result: Result, deadline: float = float("inf")) -> None:
    """Sends a conversation's messages in turn, as a new visitor, until the deadline."""
    sender = f"bench-{uuid.uuid4().hex[:16]}"
    for text in conversation:
        if time.monotonic() >= deadline:
            return
        started = time.perf_counter()
        try:
            error = await channel.send(sender, text)
        except Exception as failure:  # any failure to answer is an error of the run
            error = f"{type(failure).__name__}: {failure}"
        result.add(time.perf_counter() - started, error)


async def run_users(channel, conversations: List[List[str]], users: int, seconds: float) -> Result:
    """`users` visitors at once, each replaying conversations back to back."""
    result = Result()
    deadline = time.monotonic() + seconds

    async def visitor(number: int) -> None:
        index = number * len(conversations) // users
        while time.monotonic() < deadline:
            await play(channel, conversations[index % len(conversations)], result, deadline)
            index += 1

    started = time.perf_counter()
    await asyncio.gather(*(visitor(number) for number in range(users)))
    result.seconds = time.perf_counter() - started
    return result


async def run_paired(channels: list, conversations: List[List[str]], seconds: float) -> Dict[str, Result]:
    """One visitor: each conversation goes through every channel in turn, so that
    the channels get the same messages under the same machine load."""
    results = {channel.name: Result() for channel in channels}
    deadline = time.monotonic() + seconds
    index = 0
    while time.monotonic() < deadline:
        for channel in channels:
            started = time.perf_counter()
            await play(channel, conversations[index % len(conversations)], results[channel.name])
            results[channel.name].seconds += time.perf_counter() - started
        index += 1
    return results
