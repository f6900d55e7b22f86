"""Personal data is masked before it reaches the assistant, the database or a log,
and the database keeps the least: see docs/donnees-personnelles.md."""

import asyncio
import json
import logging
import random
import re
import sqlite3
import uuid

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from stdnum.fr import nir as stdnum_nir

import rasa_patches
from privacy import NOT_KEPT, detectors, health, log_text, mentions_health, redact, stored_text
from privacy.redaction import Redaction
from storage.tracker_store import RedactingSQLTrackerStore
from tests import personal_data, stack
from tests.content import ROOT
from tests.stack import POSTGRESQL_URL as POSTGRES
from tests.test_web_channel import post

NOTICE_START = "Attention : n'écrivez pas vos numéros"


def found(spans, text):
    return [text[start:end] for start, end in spans(text)]


# NIR --------------------------------------------------------------------------


@pytest.mark.parametrize("separator", personal_data.NIR_SEPARATORS)
@pytest.mark.parametrize("department", ["75", "01", "2A", "2B"])
@pytest.mark.parametrize("key", ["right", "wrong", "none"])
def test_a_nir_is_found_with_any_separator_and_any_key(separator, department, key):
    number = personal_data.nir(random.Random(1), separator, department, key)
    assert found(detectors.nir_spans, f"sécu {number} merci") == [number]


def test_the_key_rule_matches_stdnum():
    rng = random.Random(2)
    for _ in range(200):
        assert stdnum_nir.is_valid(personal_data.nir(rng, ""))
        assert not stdnum_nir.is_valid(personal_data.nir(rng, "", key="wrong"))


def test_a_mistyped_nir_is_still_masked():
    assert redact("mon numero de securite sociale 167071955412129 ca marche pas").text == (
        "mon numero de securite sociale [numéro masqué] ca marche pas"
    )


@pytest.mark.parametrize(
    "text",
    [
        "5 85 05 75 006 084 75",  # no such first digit
        "1 85 00 75 006 084 75",  # no month 00
        "1 85 05 2C 006 084 35",  # no department 2C
        "11 85 05 75 006 084 75",  # inside a longer number
        "1 85 05 75 006 08",  # too short
        "appelez le 3422",
        "il y a 6 semaines",
        "le 12/03/2026",
        "en 2024",
    ],
)
def test_what_is_not_nir_shaped_is_not_taken_for_one(text):
    assert found(detectors.nir_spans, text) == []


# Phones, e-mails, IBANs --------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "01 45 67 89 10",
    ],
)
def test_french_phone_numbers_are_found(number):
    assert found(detectors.phone_spans, f"appelez le {number} demain") == [number]


@pytest.mark.parametrize("text", ["appelez le 3422", "6 semaines", "le 12/03/2026", "ça coûte 12,50 €", "en 2024"])
def test_short_numbers_are_not_phones(text):
    assert found(detectors.phone_spans, text) == []


@pytest.mark.parametrize("address", ["jean.dupont@exemple.fr", "a+b_c@sous.domaine.example.org", "X9@mail.test"])
def test_e_mail_addresses_are_found(address):
    assert found(detectors.email_spans, f"écrivez à {address}, merci") == [address]


@pytest.mark.parametrize(
    "address",
    [
        "jean point dupont arobase gmail point com",
        "jean.dupont arobase orange.fr",
        "colette tiret vasseur arrobase free point fr",
        "vasseur44 @ laposte point net",
    ],
)
def test_e_mail_addresses_spelled_out_are_found(address):
    assert found(detectors.email_spans, f"mon mail c'est {address} merci") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "je n'ai pas d'adresse mail, c'est grave ?",
        "il faut mettre un point à la fin ?",
        "c'est quoi une arobase ?",
    ],
)
def test_talking_about_e_mail_is_not_an_address(text):
    assert found(detectors.email_spans, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RIB FR76 3000 6000 0112 3456 7890 189 merci", ["FR76 3000 6000 0112 3456 7890 189"]),
        ("FR7630006000011234567890189", ["FR7630006000011234567890189"]),
        ("DE89 3704 0044 0532 0130 00", ["DE89 3704 0044 0532 0130 00"]),
        ("FR76 3000 6000 0112 3456 7890 188", []),  # wrong check
    ],
)
def test_ibans_are_found_when_their_check_is_right(text, expected):
    assert found(detectors.iban_spans, text) == expected


# Codes and birth dates, only in context ----------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mon code c'est AB12-CD34", ["AB12-CD34"]),
        ("mon code provisoire est 482913 merci", ["482913"]),
        ("code : K7P2Q9XZ", ["K7P2Q9XZ"]),
        ("le numéro de série de ma carte Vitale est 123456789012345", ["123456789012345"]),
        ("le code provisoire ne marche pas", []),
        ("où trouver mon numéro de série ?", []),
    ],
)
def test_codes_are_found_after_the_words_that_announce_them(text, expected):
    assert found(detectors.code_spans, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("je suis né le 12/03/1985", ["12/03/1985"]),
        ("née le 3 mars 1950 à Lyon", ["3 mars 1950"]),
        ("ma date de naissance : 01.02.1960", ["01.02.1960"]),
        ("je suis ne en 1948", ["1948"]),
        ("j'ai reçu le courrier le 3 mars 2026", []),
    ],
)
def test_birth_dates_are_found_in_context_only(text, expected):
    assert found(detectors.birth_date_spans, text) == expected


# Names and addresses ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("je m'appelle Colette Vasseur", ["Colette Vasseur"]),
        ("bonjour je m appelle jean et j'ai une question", ["jean"]),
        ("mon nom est Perrin, j'ai reçu la lettre", ["Perrin"]),
        ("Mon nom de famille c'est Le Goff", ["Le Goff"]),
        ("je suis Mme Lefebvre", ["Lefebvre"]),
        ("je suis M. Dupuis et je voudrais refuser", ["Dupuis"]),
        ("c'est pour Madame Vasseur, elle a pas internet", ["Vasseur"]),
        ("c'est pour madame vasseur elle a pas internet", ["vasseur"]),
        ("Monsieur De Sousa a reçu la lettre", ["De Sousa"]),
    ],
)
def test_names_are_found_after_an_introduction_or_a_title(text, expected):
    assert found(detectors.name_spans, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Madame, est-ce que c'est gratuit ?",
        "Bonjour Madame",
        "bonjour monsieur je voudrais refuser",
        "Monsieur le maire nous en a parlé",
        "mon nom de famille a changé",
        "Mon nom est mal écrit.",
        "mon nom est faux sur le site",
        "comment je m'appelle sur le site ?",
        "c'est pour ma voisine, elle a pas internet",
    ],
)
def test_a_title_or_a_name_question_without_a_name_is_left_alone(text):
    assert found(detectors.name_spans, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 rue des Lilas 44000 Nantes", ["12 rue des Lilas", "44000 Nantes"]),
        ("j'habite au 3 bis avenue du Général de Gaulle, à Lyon", ["3 bis avenue du Général de Gaulle"]),
        ("envoyez à 7, place Pasteur 29200 Brest svp", ["7, place Pasteur", "29200 Brest"]),
        ("c'est à 01000 Bourg-en-Bresse", ["01000 Bourg-en-Bresse"]),
        ("20000 Ajaccio", ["20000 Ajaccio"]),
    ],
)
def test_addresses_are_found(text, expected):
    assert found(detectors.address_spans, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "je suis dans la rue, je peux le faire sur mon téléphone ?",
        "la pharmacie de la rue principale m'en a parlé",
        "il reste 3 places à l'atelier ?",
        "il faut payer 12000 euros ?",
        "j'habite à Nantes",
        "on a 6 semaines pour refuser ?",
    ],
)
def test_a_street_or_a_number_alone_is_not_an_address(text):
    assert found(detectors.address_spans, text) == []


# Health details -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("j'ai un cancer du sein et je suis sous chimiothérapie", ["cancer", "chimiothérapie"]),
        ("je suis séropositif depuis 2010", ["séropositif"]),
        ("JE SUIS SEROPOSITIVE", ["SEROPOSITIVE"]),
        ("j'ai fait une dépression", ["dépression"]),
        ("j'ai avorté il y a deux ans", ["avorté"]),
        ("une IVG en 2019", ["IVG"]),
        ("ma femme a une sclérose en plaques", ["sclérose en plaques"]),
        ("j'ai fait une fausse-couche", ["fausse-couche"]),
        ("il est diabétique", ["diabétique"]),
    ],
)
def test_health_details_are_found_in_any_form(text, expected):
    assert found(health.health_spans, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "mes ordonnances de Doliprane seront dans Mon Espace Santé ?",
        "est-ce que mon médecin traitant peut voir mon dossier ?",
        "mes vaccins sont dans le carnet ?",
        "les résultats d'analyses arrivent quand ?",
        "je veux fermer mon espace",
        "l'histoire du cancre de la classe",  # a word that starts like one
        "c'est la chimie du site ?",
    ],
)
def test_a_question_about_the_service_has_no_health_details(text):
    assert not mentions_health(text)


def test_every_lexicon_term_is_found_as_written():
    for term in health.lexicon_terms():
        written = term.rstrip("*")
        assert found(health.health_spans, f"j'ai {written} voilà") == [written], term


# The whole filter ----------------------------------------------------------------


def test_each_kind_gets_its_placeholder_and_the_rest_is_kept():
    redaction = redact("sécu 1 85 05 75 006 084 75, tel 06 12 34 56 78, mail a@b.fr, c'est sécurisé ?")
    assert redaction == Redaction(
        "sécu [numéro masqué], tel [téléphone masqué], mail [e-mail masqué], c'est sécurisé ?", True
    )


def test_a_name_and_an_address_together():
    assert redact("je m'appelle Colette Vasseur, 12 rue des Lilas 44000 Nantes").text == (
        "je m'appelle [nom masqué], [adresse masquée] [adresse masquée]"
    )


def test_generated_personal_data_never_survives_in_what_is_kept_or_logged():
    for sample in personal_data.personal_samples(1600):
        for answered in (True, False):
            assert sample.secret not in stored_text(sample.message, answered), sample
        assert sample.secret not in log_text(sample.message), sample


def test_ordinary_messages_pass_unchanged():
    for message in personal_data.ordinary_messages(400):
        assert redact(message) == Redaction(message, False)
        assert log_text(message) == message


def test_only_an_unanswered_message_keeps_its_text_masked_and_never_with_health_details():
    assert stored_text("c'est payant ?", answered=True) == NOT_KEPT
    assert stored_text("la recette des crêpes, tel 06 12 34 56 78", answered=False) == (
        "la recette des crêpes, tel [téléphone masqué]"
    )
    assert stored_text("j'ai un cancer, je peux avoir des crêpes ?", answered=False) == NOT_KEPT


def test_the_logs_show_health_details_masked():
    assert log_text("Mme Vasseur est séropositive") == "Mme [nom masqué] est [santé masqué]"


# The tracker store ------------------------------------------------------------------


def user(text, intent, entities=()):
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)}
    return UserUttered(text, parse["intent"], list(entities), parse)


def stored_rows(db):
    with sqlite3.connect(db) as rows:
        return [json.loads(data) for (data,) in rows.execute("SELECT data FROM events ORDER BY id")]


def test_the_tracker_store_keeps_intents_entities_and_only_unanswered_texts(tmp_path):
    db = tmp_path / "conversations.db"
    domain = Domain.load(str(ROOT / "domain.yml"))
    date_text = "je l'ai reçu le 3 mars, je suis M. Perrin"
    tracker = DialogueStateTracker.from_events(
        "visitor",
        slots=domain.slots,
        evts=[
            ActionExecuted("action_listen"),
            user(
                "je veux refuser, je suis séropositif",
                "refus_ou_cloture",
                [{"entity": "demarche", "value": "refuser", "start": 3, "end": 10}],
            ),
            BotUttered("Quand avez-vous reçu la lettre ?"),
            ActionExecuted("action_listen"),
            user(date_text, "donner_date"),
            SlotSet("date_reception", date_text),  # a from_text slot
            SlotSet("date_reception", "2026-03-03"),  # as the form's validation sets it
            ActionExecuted("action_listen"),
            user("vous avez la recette des crêpes ? mail a@b.fr", "hors_sujet"),
            user("j'ai une dépression, la recette des crêpes ?", "hors_sujet"),
        ],
    )
    in_memory = [event.as_dict() for event in tracker.events]
    asyncio.run(RedactingSQLTrackerStore(domain=domain, db=str(db)).save(tracker))
    assert [event.as_dict() for event in tracker.events] == in_memory  # the dialogue is not touched

    rows = stored_rows(db)
    users = [row for row in rows if row["event"] == "user"]
    assert [row["text"] for row in users] == [
        NOT_KEPT,
        NOT_KEPT,
        "vous avez la recette des crêpes ? mail [e-mail masqué]",
        NOT_KEPT,
    ]
    assert [row["parse_data"]["text"] for row in users] == [row["text"] for row in users]
    assert [row["parse_data"]["intent"]["name"] for row in users] == [
        "refus_ou_cloture",
        "donner_date",
        "hors_sujet",
        "hors_sujet",
    ]
    assert users[0]["parse_data"]["entities"][0]["value"] == "refuser"
    assert [row["value"] for row in rows if row["event"] == "slot"] == [NOT_KEPT, "2026-03-03"]
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("conversations.db-*"))
    for secret in ("séropositif", "Perrin", "3 mars", "a@b.fr", "dépression"):
        assert secret.encode() not in raw and json.dumps(secret)[1:-1].encode() not in raw, secret

    # A restart mid-conversation: the conversation read back goes on where it was.
    again = asyncio.run(RedactingSQLTrackerStore(domain=domain, db=str(db)).retrieve("visitor"))
    assert again.current_slot_values() == tracker.current_slot_values()
    assert again.get_slot("date_reception") == "2026-03-03"
    assert again.latest_message.intent_name == "hors_sujet"
    assert [e.intent_name for e in again.events if isinstance(e, UserUttered)] == [
        "refus_ou_cloture",
        "donner_date",
        "hors_sujet",
        "hors_sujet",
    ]


def test_a_later_save_writes_only_the_new_events(tmp_path):
    db = tmp_path / "conversations.db"
    store = RedactingSQLTrackerStore(db=str(db))
    tracker = DialogueStateTracker.from_events("visitor", [user("bonjour", "bonjour")])
    asyncio.run(store.save(tracker))
    tracker.update(BotUttered("Bonjour !"))
    tracker.update(user("tel 06 12 34 56 78 et la météo ?", "hors_sujet"))
    asyncio.run(store.save(tracker))
    assert [(row["event"], row.get("text")) for row in stored_rows(db)] == [
        ("user", NOT_KEPT),
        ("bot", "Bonjour !"),
        ("user", "tel [téléphone masqué] et la météo ?"),
    ]


# The patches of Rasa -----------------------------------------------------------------


def test_every_log_record_is_masked_once_the_patches_are_applied(caplog):
    rasa_patches.apply()
    with caplog.at_level(logging.DEBUG, logger="rasa.core.processor"):
        logging.getLogger("rasa.core.processor").debug(
            "Received user message '%s'", "je m'appelle Colette Vasseur, j'ai un cancer"
        )
    assert caplog.messages[-1] == "Received user message 'je m'appelle [nom masqué], j'ai un [santé masqué]'"


def test_structured_logs_are_masked_before_they_are_rendered():
    event = rasa_patches.mask_structured_log(
        None,
        "debug",
        {
            "event": "processor.message.parse",
            "parse_data_text": "je suis séropositif",
            "parse_data_entities": [{"value": "Mme Vasseur"}],
            "confidence": 0.5,
        },
    )
    assert event["event"] == "processor.message.parse" and event["confidence"] == 0.5
    assert "séropositif" not in json.dumps(event) and "Vasseur" not in json.dumps(event)


def test_a_rasa_version_other_than_the_patched_one_is_reported(monkeypatch, caplog):
    monkeypatch.setattr(rasa_patches, "_applied", False)
    monkeypatch.setattr(rasa_patches.rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.WARNING, logger="rasa_patches"):
        rasa_patches.apply()
    assert "written for Rasa 3.6.21 and Rasa 3.7.0 is running" in caplog.text


# The notice tells the truth -------------------------------------------------------------


def test_the_notice_states_the_retention_the_makefile_sets():
    days = re.search(r"RETENTION_DAYS\s*\?=\s*(\d+)", (ROOT / "Makefile").read_text()).group(1)
    notice = (ROOT / "domain.yml").read_text(encoding="utf-8").split("utter_donnees_personnelles:")[1]
    assert f"{days} jours" in notice.split("\n  utter_")[0]


# False positives: the same answer before and after masking ----------------------------


def answer_of(parse):
    intent = parse["intent"]["name"]
    selected = parse.get("response_selector", {}).get(intent, {}).get("response", {})
    return intent, selected.get("intent_response_key")


def test_ordinary_messages_get_the_same_answer_once_masked(agent):
    messages = personal_data.ordinary_messages(300)

    async def answers(texts):
        return [answer_of(await agent.parse_message(text)) for text in texts]

    before = asyncio.run(answers(messages))
    after = asyncio.run(answers([redact(message).text for message in messages]))
    assert [m for m, b, a in zip(messages, before, after) if b != a] == []


# Through the running assistant, SQLite and PostgreSQL, every log at DEBUG --------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def debug_stack(request, tmp_path_factory, trained_model):
    """The assistant with every log at DEBUG level, and a function returning the
    raw bytes of its conversation database."""
    folder = tmp_path_factory.mktemp(f"privacy-{request.param}")
    if request.param == "sqlite":
        started = stack.start(folder, RASA_LOG_LEVEL="DEBUG")
        yield started, lambda: b"".join(path.read_bytes() for path in folder.glob("conversations.db*"))
        started.stop()
        return
    schema = f"privacy_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES)
    with admin.begin() as db:
        db.execute(sa.text(f"CREATE SCHEMA {schema}"))

    def stored() -> bytes:
        with admin.connect() as db:
            rows = db.execute(
                sa.text(
                    "SELECT concat_ws(' ', id, sender_id, type_name, timestamp, intent_name, "
                    f"action_name, data) FROM {schema}.events"
                )
            ).scalars()
            return "\n".join(rows).encode()

    started = stack.start(folder, RASA_LOG_LEVEL="DEBUG", TRACKER_STORE_URL=POSTGRES, POSTGRESQL_SCHEMA=schema)
    try:
        yield started, stored
    finally:
        started.stop()
        with admin.begin() as db:
            db.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def variants(secret: str):
    """The secret as typed, without its separators, and as JSON writes it (é as \\u00e9)."""
    return {secret, "".join(c for c in secret if c.isalnum()), json.dumps(secret)[1:-1]}


def leaks(samples, stored: bytes, logged: bytes):
    return [
        secret
        for sample in samples
        for secret in variants(sample.secret)
        if secret.encode() in stored or secret.encode() in logged
    ]


def test_no_personal_data_reaches_the_database_or_the_logs(debug_stack):
    started, stored = debug_stack
    samples = personal_data.personal_samples(224)
    for i, sample in enumerate(samples):
        status, replies = post(
            started.chat_url + "message", json.dumps({"sender": f"pii-{i}", "message": sample.message}).encode()
        )
        assert status == 200 and replies[0]["text"].startswith(NOTICE_START), (sample, replies)
    assert b"pii-0" in stored() and b'"event": "user"' in stored()  # the messages were stored
    assert "DEBUG" in started.output() and "processor.message.parse" in started.output()
    assert leaks(samples, stored(), started.output().encode()) == []


def test_the_notice_comes_once_when_the_message_is_only_personal_data(debug_stack):
    started, _ = debug_stack
    status, replies = post(
        started.chat_url + "message",
        json.dumps({"sender": "only-data", "message": "mon numéro de sécurité sociale 1 85 05 75 006 084 75"}).encode(),
    )
    texts = [reply.get("text", "") for reply in replies]
    assert status == 200 and texts[0].startswith(NOTICE_START)
    assert sum(text.startswith(NOTICE_START) for text in texts) == 1


def test_ordinary_messages_get_no_notice(debug_stack):
    started, _ = debug_stack
    for i, message in enumerate(personal_data.ordinary_messages(40)):
        status, replies = post(
            started.chat_url + "message", json.dumps({"sender": f"ordinary-{i}", "message": message}).encode()
        )
        assert status == 200 and not replies[0].get("text", "").startswith(NOTICE_START), (message, replies)


def test_the_rest_channel_masks_too(debug_stack):
    started, stored = debug_stack
    samples = personal_data.personal_samples(16, seed=11)
    for i, sample in enumerate(samples):
        status, replies = post(
            f"http://127.0.0.1:{started.rasa_port}/webhooks/rest/webhook",
            json.dumps({"sender": f"rest-{i}", "message": sample.message}).encode(),
        )
        assert status == 200 and replies
    assert b"rest-0" in stored()
    assert leaks(samples, stored(), started.output().encode()) == []
