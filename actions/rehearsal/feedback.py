"""Says the result of an answer, and the summary of a session, with the responses utter_entrainement_*.

The fixed wording is in domain.yml (utter_entrainement_*); this fills in the
variable parts. The example answer is taken from the assistant's own answer
to the objection's topic: the paragraphs of it that give a key point. Where the
answer depends on the channel, the kiosk's is used: a facilitator rehearses
what is said at a help desk, like the printed sheet (`make fiche`).
"""

from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk.executor import CollectingDispatcher

from actions.rehearsal import language
from actions.rehearsal.data import Objection, Rehearsal
from actions.rehearsal.scorer import Assessment, says
from facilitation.content import BUBBLE_BREAK, KIOSK, bubbles, topic_answer_name, variation_for


def topic_response(responses: Dict[str, Any], topic: str) -> Optional[str]:
    """The assistant's answer to a topic, as the kiosk says it; None if it has none."""
    name = topic_answer_name(responses, topic)
    return variation_for(responses[name], KIOSK).text if name else None


def example_answer(objection: Objection, rehearsal: Rehearsal, response_text: str) -> str:
    """The bubbles of the assistant's answer that give at least one key point."""
    paragraphs = bubbles(response_text)
    kept = [
        p for p in paragraphs if any(says(language.sentences(p), point, rehearsal) for point in objection.key_points)
    ]
    return BUBBLE_BREAK.join(kept or paragraphs)


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def french_number(value: float) -> str:
    """7.25 -> "7,3"; 7.0 -> "7"."""
    return f"{value:.1f}".replace(".0", "").replace(".", ",")


def send_assessment(
    dispatcher: CollectingDispatcher, assessment: Assessment, example: Optional[str], max_words: int
) -> None:
    dispatcher.utter_message(response="utter_entrainement_note", note=assessment.mark)
    if assessment.said:
        dispatcher.utter_message(response="utter_entrainement_points_dits", points=bullets(assessment.said))
    if assessment.missed:
        dispatcher.utter_message(response="utter_entrainement_points_manques", points=bullets(assessment.missed))
    else:
        dispatcher.utter_message(response="utter_entrainement_tout_dit")
    if assessment.unexplained:
        sigles = bullets([f"{a.name} : {a.meaning}" for a in assessment.unexplained])
        dispatcher.utter_message(response="utter_entrainement_sigles", sigles=sigles)
    if assessment.longest_sentence:
        dispatcher.utter_message(
            response="utter_entrainement_phrases_longues", mots=assessment.longest_sentence, maximum=max_words
        )
    if example:
        dispatcher.utter_message(response="utter_entrainement_exemple", exemple=example)


def result(objection: Objection, assessment: Assessment) -> Dict[str, Any]:
    """What the summary needs to remember of one answer (kept in a slot)."""
    return {
        "titre": f"{objection.person.name}, {objection.title}",
        "note": assessment.mark,
        "manques": list(assessment.missed),
    }


def send_summary(dispatcher: CollectingDispatcher, results: List[Dict[str, Any]]) -> None:
    average = sum(r["note"] for r in results) / len(results)
    marks = "\n".join(f"{i}. {r['titre']} : {r['note']} sur 10" for i, r in enumerate(results, 1))
    dispatcher.utter_message(response="utter_entrainement_bilan", moyenne=french_number(average), notes=marks)
    missed = list(dict.fromkeys(point for r in results for point in r["manques"]))
    if missed:
        dispatcher.utter_message(response="utter_entrainement_a_revoir", points=bullets(missed))
