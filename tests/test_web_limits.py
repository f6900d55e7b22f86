"""Bad input, abuse and odd shapes: the web channel never fails and never stays silent."""

import json
import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from tests.test_web_channel import post
from webchat.channel import MAX_BODY_BYTES, MESSAGES_PER_MINUTE, TOO_LONG
from webchat.rate_limit import RateLimiter


def say(web_stack, sender, message):
    return post(web_stack.chat_url + "message", json.dumps({"sender": sender, "message": message}).encode())


def test_the_rate_limiter_counts_per_session_over_a_sliding_minute():
    now = [0.0]
    limiter = RateLimiter(3, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")
    now[0] = 61.0
    assert limiter.allow("a")


def test_a_long_message_gets_a_clear_answer_and_is_not_read(web_stack):
    status, replies = say(web_stack, "long", "Mes données sont où ? " * 60)
    assert status == 200 and replies == [{"recipient_id": "long", "text": TOO_LONG}]
    assert "user" not in web_stack.events("long")


def test_a_message_of_exactly_1000_characters_is_answered(web_stack):
    status, replies = say(web_stack, "limit", ("Mes données sont où ? " * 50)[:1000])
    assert status == 200 and replies[0]["text"] != TOO_LONG


def test_a_body_over_64_kb_gets_413(web_stack):
    body = json.dumps({"sender": "big", "message": "x" * MAX_BODY_BYTES}).encode()
    status, answer = post(web_stack.chat_url + "message", body)
    assert status == 413 and answer["error"] == "La requête est trop grande."


def test_more_than_30_messages_a_minute_get_429(web_stack):
    statuses = [say(web_stack, "flood", "Bonjour")[0] for _ in range(MESSAGES_PER_MINUTE)]
    status, answer = say(web_stack, "flood", "Bonjour")
    assert statuses == [200] * MESSAGES_PER_MINUTE
    assert status == 429 and "trop de messages" in answer["error"]
    assert say(web_stack, "someone-else", "Bonjour")[0] == 200


@pytest.mark.parametrize(
    "message",
    [
        "<script>alert('x')</script> c'est sécurisé ?",
        "🙂👍",
        "Mes données\x00 sont\x07 où\x1b ?",
    ],
)
def test_odd_messages_get_an_answer(web_stack, message):
    status, replies = say(web_stack, "odd", message)
    assert status == 200 and replies and all(reply.get("text") or reply.get("buttons") for reply in replies)


def test_control_characters_are_stripped_before_storage(web_stack):
    # A message the assistant cannot answer: the only kind whose text is kept (privacy/minimization.py).
    say(web_stack, "control", "zzq\x00 wwx\x07 krr")
    with sqlite3.connect(web_stack.db) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = 'control' AND type_name = 'user'")
        assert [json.loads(data)["text"] for (data,) in rows] == ["zzq wwx krr"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"sender": "s", "message": "\xff\xfe caf\xe9"}',  # not UTF-8
        b'{"sender": "s", "message": "\\ud800"}',  # lone surrogate
        b'{"sender": "s", "message": "\x00\x07"}',  # nothing left
        json.dumps({"sender": "s" * 200, "message": "Bonjour"}).encode(),
    ],
)
def test_invalid_text_gets_400_in_french(web_stack, body):
    status, answer = post(web_stack.chat_url + "message", body)
    assert status == 400 and answer["error"].startswith(("La requête", "Le champ"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
bodies = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    json_values.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries({"sender": json_values, "message": json_values}).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"sender": st.text(min_size=1, max_size=20), "message": st.text(max_size=1100)}).map(
        lambda v: json.dumps(v).encode()
    ),
)


@settings(max_examples=100, deadline=None)
@given(body=bodies)
def test_any_body_gets_a_reply_or_a_clear_4xx_never_a_5xx(web_stack, body):
    status, answer = post(web_stack.chat_url + "message", body)
    assert status < 500
    if status == 200:
        assert isinstance(answer, list) and answer
        assert all(isinstance(reply, dict) and (reply.get("text") or reply.get("buttons")) for reply in answer)
    else:
        assert 400 <= status < 500 and isinstance(answer["error"], str) and answer["error"]
