"""The channels: our web chat (kiosk, widget, rehearsal pages) in channel.py.

Loaded by the Rasa server through credentials.yml, before the model: the
patches of Rasa (rasa_patches.py) are applied here.
"""

import rasa_patches
from webchat.channel import WebChatInput

rasa_patches.apply()

__all__ = ["WebChatInput"]
