"""`make relecture`: one card per topic, with its facts, sources, answer and checks in green or red."""

import copy
import re
import subprocess

import pytest
from markupsafe import escape

from common.french import MAX_WORDS_PER_BUBBLE, MAX_WORDS_PER_SENTENCE
from facilitation import checks, forbidden_claims, relecture
from facilitation.content import KIOSK, facts, answer_name, variation_for
from tests import content

TOPICS = content.load_topics()
RESPONSES = content.load_responses()
ACRONYMS = checks.load_acronyms()
CARD = re.compile(
    r'<article class="card (?P<colour>\w+)" id="[^"]*" data-topic="(?P<topic>[^"]+)">(?P<body>.*?)</article>', re.S
)
CHECK = re.compile(r'<li class="(?P<state>ok|ko)" data-check="(?P<check>\w+)">')


def page(tmp_path, responses=RESPONSES):
    """The page built from these responses: {topic id: (colour, card html)}."""
    output = tmp_path / "index.html"
    relecture.build(output, responses)
    return {m["topic"]: (m["colour"], m["body"]) for m in CARD.finditer(output.read_text(encoding="utf-8"))}


def checks_of(card_html):
    return {m["check"]: m["state"] for m in CHECK.finditer(card_html)}


def shown(text):
    """As the page writes a text (Jinja's escaping)."""
    return str(escape(text))


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    return page(tmp_path_factory.mktemp("relecture"))


def test_the_page_has_one_card_per_topic_of_the_contract(cards):
    assert list(cards) == [t["id"] for t in TOPICS]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t["id"])
def test_a_card_shows_the_question_the_facts_the_sources_and_the_verify_flag(cards, topic):
    _, body = cards[topic["id"]]
    assert shown(topic["question"]) in body
    assert all(shown(fact) in body for fact in facts(topic))
    assert all(shown(s) in body for s in topic.get("sources", []) if s != "seed")
    assert f'data-verify="{"oui" if topic.get("verify") else "non"}"' in body


@pytest.mark.parametrize("topic", [t for t in TOPICS if answer_name(t) in RESPONSES], ids=lambda t: t["id"])
def test_a_card_shows_the_answer_bubble_by_bubble_with_its_checks(cards, topic):
    _, body = cards[topic["id"]]
    answer = variation_for(RESPONSES[answer_name(topic)], None)
    assert all(f'<p class="bubble">{shown(b)}</p>' in body for b in answer.bubbles)
    assert all(f'<span class="button">{shown(b)}</span>' in body for b in answer.buttons)
    expected = {"mentions", "phrases", "bulles", "sigles", "affirmations"} | (
        {"prudence"} if topic.get("verify") else set()
    )
    assert set(checks_of(body)) == expected


def test_a_broken_answer_shows_red_and_says_why(tmp_path):
    claim = next(c for c in forbidden_claims.load_claims() if not c.responses and not c.allowed_channel)
    responses = copy.deepcopy(RESPONSES)
    responses["utter_faq/gratuit"] = [
        {
            "text": (
                "Votre DMP est protégé, et vous pouvez donc y mettre tout ce que vous voulez sans jamais vous poser "
                f"la moindre question sur sa sécurité ou sur celle de vos proches.\n\n{claim.false_example}"
            )
        }
    ]
    cards = page(tmp_path, responses)
    colour, body = cards["gratuit"]
    assert colour == "red"
    assert checks_of(body) == {"mentions": "ko", "phrases": "ko", "bulles": "ok", "sigles": "ko", "affirmations": "ko"}
    assert "il manque : <code>gratuit</code>" in body
    assert "DMP n'est pas expliqué (Dossier Médical Partagé)" in body
    assert f"<code>{shown(claim.id)}</code>" in body and shown(claim.reason) in body


def test_without_the_forbidden_claims_file_the_page_says_the_check_is_not_done(tmp_path, monkeypatch):
    monkeypatch.setattr(forbidden_claims, "CLAIMS_FILE", tmp_path / "absent.yml")
    output = tmp_path / "index.html"
    relecture.build(output, RESPONSES)
    text = output.read_text(encoding="utf-8")
    assert "cette vérification n'est pas faite" in text
    assert 'data-check="affirmations"' not in text


def test_both_channel_variants_are_shown_each_with_its_checks(tmp_path):
    responses = copy.deepcopy(RESPONSES)
    responses["utter_parler_humain"] = [
        {
            "text": "Un accompagnant peut vous aider ici, à l'accueil.\n\nVous pouvez aussi appeler le 3422.",
            "condition": [{"type": "slot", "name": "canal", "value": KIOSK}],
        },
        {"text": "Un conseiller peut vous aider dans un espace France services.\n\nOu appelez le 3422."},
        {"text": "Un accompagnant peut vous aider ici, à l'accueil."},
    ]
    _, body = page(tmp_path, responses)["parler_humain"]
    kiosk, default, wrong = body.split('<section class="variant"')[1:]
    assert "Sur la borne d&#39;un point d&#39;accueil" in kiosk and "ici, à l&#39;accueil" in kiosk
    assert "Partout ailleurs, dont le site internet" in default and "espace France services" in default
    assert (
        checks_of(kiosk)
        == checks_of(default)
        == {"mentions": "ok", "phrases": "ok", "bulles": "ok", "sigles": "ok", "affirmations": "ok"}
    )
    assert checks_of(wrong)["affirmations"] == "ko"  # the kiosk's wording, outside the kiosk


def test_a_topic_without_an_answer_is_red_and_names_the_response_to_write(tmp_path):
    responses = {name: r for name, r in RESPONSES.items() if name != "utter_faq/gratuit"}
    colour, body = page(tmp_path, responses)["gratuit"]
    assert colour == "red" and "Pas encore de réponse" in body and "utter_faq/gratuit" in body


def test_make_relecture_writes_the_page():
    done = subprocess.run(
        ["make", "--no-print-directory", "relecture"], cwd=content.ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert len(CARD.findall(relecture.OUTPUT.read_text(encoding="utf-8"))) == len(TOPICS)
    assert f"{len(TOPICS)} sujets" in done.stdout


def test_the_page_needs_nothing_from_elsewhere(tmp_path):
    output = tmp_path / "index.html"
    relecture.build(output, RESPONSES)
    assert not re.search(r"<(script|link|img)\b|src=|@import|url\(", output.read_text(encoding="utf-8"))


# --- the checks themselves (facilitation/checks.py) ------------------------------


def test_an_acronym_is_explained_before_or_after_it_and_known_ones_need_nothing():
    assert checks.unexplained_acronyms("Le Dossier Médical Partagé (DMP). Code par SMS.", ACRONYMS) == []
    assert checks.unexplained_acronyms("L'hébergeur est HDS : Hébergeur de Données de Santé.", ACRONYMS) == []
    assert [f.subject for f in checks.unexplained_acronyms("Le DMP et la CNAM.", ACRONYMS)] == ["DMP", "CNAM"]
    assert [f.note for f in checks.unexplained_acronyms("Le DMP et la CNAM.", ACRONYMS)] == [
        "Dossier Médical Partagé",
        None,
    ]


def test_sentences_and_bubbles_are_counted_in_words():
    sentence = " ".join(["mot"] * (MAX_WORDS_PER_SENTENCE + 1)) + "."
    assert [f.words for f in checks.long_sentences(f"Court. {sentence} « Court » !")] == [MAX_WORDS_PER_SENTENCE + 1]
    bubble = "Une phrase de six mots ici. " * 8
    assert [f.words for f in checks.long_bubbles(f"Court.\n\n{bubble}")] == [48]
    assert MAX_WORDS_PER_BUBBLE < 48
