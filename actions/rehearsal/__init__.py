"""Rehearsal mode for facilitators: the assistant plays a hesitant person.

The objections, people, key points, synonyms and acronyms are content, in
entrainement/objections.yml (data.py reads it). language.py analyses French
text with spaCy, scorer.py marks an answer, feedback.py says the result,
session.py picks the objections of a session, actions.py holds the Rasa actions.
"""
