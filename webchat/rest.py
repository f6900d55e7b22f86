"""Rasa's REST channel (/webhooks/rest/webhook), with personal data masked first."""
from typing import Any, Awaitable, Callable, Text

from sanic import Blueprint

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput

from webchat.privacy import redact


class PrivateRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def masked(message: UserMessage) -> Any:
            if message.text:
                message.text = redact(message.text).text
            return await on_new_message(message)

        return super().blueprint(masked)
