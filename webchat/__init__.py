"""Web chat input channel: JSON messages in, bot messages out, plus the front-end files."""
from webchat import action_timeout  # noqa: F401  (applies the 5 s limit on load)
from webchat.channel import WebChatInput
from webchat.rest import PrivateRestInput

__all__ = ["WebChatInput", "PrivateRestInput"]
