"""Web chat input channel: JSON messages in, bot messages out, plus the front-end files."""
from webchat.channel import WebChatInput

__all__ = ["WebChatInput"]
