"""Personal data is masked before it reaches the assistant, the database or a log."""
import asyncio
import json
import random
import sqlite3

import pytest
from stdnum.fr import nir as stdnum_nir

from tests import personal_data, stack
from tests.test_web_channel import post
from webchat import privacy, tracker_store
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

NOTICE_START = "Attention : n'écrivez pas vos numéros"


def found(spans, text):
    return [text[start:end] for start, end in spans(text)]


# NIR --------------------------------------------------------------------------

@pytest.mark.parametrize("separator", personal_data.SEPARATORS)
@pytest.mark.parametrize("department", ["75", "01", "2A", "2B"])
def test_a_valid_nir_is_found_with_any_separator(separator, department):
    number = personal_data.nir(random.Random(1), separator, department)
    assert stdnum_nir.is_valid(number.replace(separator, "") if separator else number)
    assert found(privacy.nir_spans, f"sécu {number} merci") == [number]


def test_the_key_rule_matches_stdnum():
    rng = random.Random(2)
    for _ in range(200):
        assert stdnum_nir.is_valid(personal_data.nir(rng, ""))


@pytest.mark.parametrize("text", [
    "1 85 05 75 006 084 76",   # key off by one (75 is right)
    "1 85 05 75 006 084 00",
    "1 85 05 75 006 084",      # no key
    "5 85 05 75 006 084 75",   # no such first digit
    "1 85 05 2C 006 084 35",   # no department 2C
    "11 85 05 75 006 084 75",  # inside a longer number
])
def test_an_invalid_nir_is_not_taken_for_one(text):
    assert found(privacy.nir_spans, text) == []


# Phones, e-mails, IBANs --------------------------------------------------------

@pytest.mark.parametrize("number", [
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
    "+33 6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "01 45 67 89 10",
])
def test_french_phone_numbers_are_found(number):
    assert found(privacy.phone_spans, f"appelez le {number} demain") == [number]


@pytest.mark.parametrize("text", ["appelez le 3422", "6 semaines", "le 12/03/2026", "ça coûte 12,50 €", "en 2024"])
def test_short_numbers_are_not_phones(text):
    assert found(privacy.phone_spans, text) == []


@pytest.mark.parametrize("address", ["jean.dupont@exemple.fr", "a+b_c@sous.domaine.example.org", "X9@mail.test"])
def test_e_mail_addresses_are_found(address):
    assert found(privacy.email_spans, f"écrivez à {address}, merci") == [address]


@pytest.mark.parametrize("text, expected", [
    ("RIB FR76 3000 6000 0112 3456 7890 189 merci", ["FR76 3000 6000 0112 3456 7890 189"]),
    ("FR7630006000011234567890189", ["FR7630006000011234567890189"]),
    ("DE89 3704 0044 0532 0130 00", ["DE89 3704 0044 0532 0130 00"]),
    ("FR76 3000 6000 0112 3456 7890 188", []),  # wrong check
])
def test_ibans_are_found_when_their_check_is_right(text, expected):
    assert found(privacy.iban_spans, text) == expected


# Codes and birth dates, only in context ----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("mon code c'est AB12-CD34", ["AB12-CD34"]),
    ("mon code provisoire est 482913 merci", ["482913"]),
    ("code : K7P2Q9XZ", ["K7P2Q9XZ"]),
    ("le numéro de série de ma carte Vitale est 123456789012345", ["123456789012345"]),
    ("le code provisoire ne marche pas", []),
    ("où trouver mon numéro de série ?", []),
])
def test_codes_are_found_after_the_words_that_announce_them(text, expected):
    assert found(privacy.code_spans, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("je suis né le 12/03/1985", ["12/03/1985"]),
    ("née le 3 mars 1950 à Lyon", ["3 mars 1950"]),
    ("ma date de naissance : 01.02.1960", ["01.02.1960"]),
    ("je suis ne en 1948", ["1948"]),
    ("j'ai reçu le courrier le 3 mars 2026", []),
])
def test_birth_dates_are_found_in_context_only(text, expected):
    assert found(privacy.birth_date_spans, text) == expected


# The whole filter ----------------------------------------------------------------

def test_each_kind_gets_its_placeholder_and_the_rest_is_kept():
    redaction = privacy.redact(
        "sécu 1 85 05 75 006 084 75, tel 06 12 34 56 78, mail a@b.fr, c'est sécurisé ?"
    )
    assert redaction == privacy.Redaction(
        "sécu [numéro masqué], tel [téléphone masqué], mail [e-mail masqué], c'est sécurisé ?", True
    )


def test_generated_personal_data_is_always_masked():
    for sample in personal_data.personal_samples(900):
        redaction = privacy.redact(sample.message)
        assert redaction.masked and sample.secret not in redaction.text, sample


def test_ordinary_numbers_pass_unchanged():
    for message in personal_data.ordinary_messages(300):
        assert privacy.redact(message) == privacy.Redaction(message, False)


def test_the_tracker_store_redacts_whatever_the_channel(tmp_path, monkeypatch):
    db = tmp_path / "conversations.db"
    store = tracker_store.RedactingSQLTrackerStore(db=str(db))
    tracker = DialogueStateTracker.from_events("rest-user", [
        UserUttered("mail a@b.fr", parse_data={"text": "mail a@b.fr", "intent": {"name": "x"},
                                                "entities": [{"entity": "e", "value": "a@b.fr"}]}),
        SlotSet("date_reception", "né le 12/03/1985"),
    ])
    asyncio.run(store.save(tracker))
    redacted = []  # what each later save redacts: only the events it adds
    monkeypatch.setattr(tracker_store, "redact", lambda text: redacted.append(text) or privacy.redact(text))
    tracker.update(BotUttered("Bonjour"))
    tracker.update(UserUttered("tel 06 12 34 56 78"))
    asyncio.run(store.save(tracker))
    assert set(redacted) == {"tel 06 12 34 56 78"}
    with sqlite3.connect(db) as rows:
        stored = [json.loads(data) for (data,) in rows.execute("SELECT data FROM events ORDER BY id")]
    assert [event["event"] for event in stored] == ["user", "slot", "bot", "user"]
    text = json.dumps(stored, ensure_ascii=False)
    assert "a@b.fr" not in text and "12/03/1985" not in text and "06 12 34 56 78" not in text
    assert "[e-mail masqué]" in text and "[date masquée]" in text and "[téléphone masqué]" in text


# Through the running assistant -----------------------------------------------------

@pytest.fixture(scope="module")
def debug_stack(tmp_path_factory, trained_model):
    """The assistant with every log at DEBUG level."""
    started = stack.start(tmp_path_factory.mktemp("privacy"), RASA_LOG_LEVEL="DEBUG")
    yield started
    started.stop()


def variants(secret: str):
    """The secret as typed, without its separators, and as JSON writes it (é as \\u00e9)."""
    return {secret, "".join(c for c in secret if c.isalnum()), json.dumps(secret)[1:-1]}


def test_no_personal_data_reaches_the_database_or_the_logs(debug_stack):
    samples = personal_data.personal_samples(216)
    for i, sample in enumerate(samples):
        status, replies = post(debug_stack.chat_url + "message",
                               json.dumps({"sender": f"pii-{i}", "message": sample.message}).encode())
        assert status == 200 and replies[0]["text"].startswith(NOTICE_START), (sample, replies)
    assert debug_stack.events("pii-0").count("user") == 1  # the messages were stored
    assert "DEBUG" in debug_stack.output()
    stored, logged = debug_stack.db.read_bytes(), debug_stack.output().encode()
    leaks = [secret for sample in samples for secret in variants(sample.secret)
             if secret.encode() in stored or secret.encode() in logged]
    assert leaks == []


def test_the_notice_comes_once_when_the_message_is_only_personal_data(debug_stack):
    status, replies = post(debug_stack.chat_url + "message", json.dumps(
        {"sender": "only-data", "message": "mon numéro de sécurité sociale 1 85 05 75 006 084 75"}).encode())
    texts = [reply.get("text", "") for reply in replies]
    assert status == 200 and texts[0].startswith(NOTICE_START)
    assert sum(text.startswith(NOTICE_START) for text in texts) == 1


def test_ordinary_messages_reach_the_assistant_unchanged(debug_stack):
    messages = personal_data.ordinary_messages(100)
    for i, message in enumerate(messages):
        status, replies = post(debug_stack.chat_url + "message",
                               json.dumps({"sender": f"ordinary-{i}", "message": message}).encode())
        assert status == 200 and not replies[0].get("text", "").startswith(NOTICE_START), (message, replies)
    with sqlite3.connect(debug_stack.db) as db:
        rows = db.execute("SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id LIKE 'ordinary-%'")
        stored = {sender: json.loads(data)["text"] for sender, data in rows}
    assert stored == {f"ordinary-{i}": message for i, message in enumerate(messages)}


def test_the_rest_channel_masks_too(debug_stack):
    samples = personal_data.personal_samples(9, seed=11)
    for i, sample in enumerate(samples):
        status, replies = post(f"http://127.0.0.1:{debug_stack.rasa_port}/webhooks/rest/webhook",
                               json.dumps({"sender": f"rest-{i}", "message": sample.message}).encode())
        assert status == 200 and replies
    assert debug_stack.events("rest-0").count("user") == 1
    stored, logged = debug_stack.db.read_bytes(), debug_stack.output().encode()
    assert [s for sample in samples for s in variants(sample.secret) if s.encode() in stored + logged] == []
