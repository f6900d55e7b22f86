"""No answer makes a claim of content/affirmations_interdites.yml, in any variation."""

import pytest

from facilitation.forbidden_claims import claims_in, load_claims
from tests import content

CLAIMS = load_claims()
RESPONSES = content.load_responses()


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_the_pattern_catches_the_claim_and_spares_the_correct_sentence(claim):
    assert claim.found_in(claim.false_example)
    assert not claim.found_in(claim.correct_example)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_a_claim_limited_to_some_answers_names_existing_ones(claim):
    assert set(claim.responses) <= set(RESPONSES)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_no_answer_makes_a_forbidden_claim(name):
    made = [
        (index, claim.id)
        for index, variation in enumerate(RESPONSES[name])
        for claim in claims_in(name, variation, CLAIMS)
    ]
    assert not made


def test_kiosk_wording_is_allowed_in_the_kiosk_variation_only():
    kiosk_only = next(c for c in CLAIMS if c.allowed_channel)
    kiosk = {"text": kiosk_only.false_example, "condition": [{"type": "slot", "name": "canal", "value": "kiosque"}]}
    website = {"text": kiosk_only.false_example}
    assert not claims_in("utter_parler_humain", kiosk, [kiosk_only])
    assert claims_in("utter_parler_humain", website, [kiosk_only]) == [kiosk_only]
