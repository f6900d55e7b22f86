"""Custom actions of the Mon Espace Santé assistant (run by `rasa run actions`)."""
