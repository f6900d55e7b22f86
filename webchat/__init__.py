"""Web chat input channel: JSON messages in, bot messages out, plus the front-end files."""
# Loaded by the Rasa server through credentials.yml, before the model: these
# modules adjust Rasa on import.
from webchat import action_timeout  # noqa: F401  (5 s limit on custom actions)
from webchat import action_schema  # noqa: F401  (action responses checked faster)
from webchat.channel import WebChatInput
from webchat.rest import PrivateRestInput

__all__ = ["WebChatInput", "PrivateRestInput"]
