"""Web chat input channel: JSON messages in, bot messages out, plus the front-end files."""
from webchat import action_timeout  # noqa: F401  (applies the 5 s limit on load)
from webchat.channel import WebChatInput

__all__ = ["WebChatInput"]
