"""The web chat channel used by the kiosk page and the website widget.

Routes, under /chat (Rasa mounts channels at urljoin("/webhooks/", url_prefix)):
  POST /chat/message  {"sender": str, "message": str} -> list of bot messages
  POST /chat/end      {"sender": str}                 -> ends that conversation
  GET  /chat/         the kiosk page; other files of web/ by name
"""
import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Text, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
END_SESSION_MESSAGE = "/restart"
# Our pages run only our own files: no inline script, no other site.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(Exception):
    """A request the channel refuses; its text is shown to the user, in French."""


def read_fields(request: Request, names: Tuple[Text, ...]) -> Dict[Text, Text]:
    """Returns the named string fields of a JSON object body, or raises BadRequest."""
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("La requête doit être un objet JSON valide.")
    if not isinstance(body, dict):
        raise BadRequest("La requête doit être un objet JSON.")
    fields = {}
    for name in names:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            raise BadRequest(f"Le champ « {name} » doit être un texte non vide.")
        fields[name] = value
    return fields


class WebChatInput(InputChannel):
    """JSON chat channel, like Rasa's REST channel, that also serves web/."""

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    def url_prefix(self) -> Text:
        return "/chat"

    async def handle_message(
        self, on_new_message: OnNewMessage, sender: Text, text: Text
    ) -> List[Dict[Text, Any]]:
        """The one path every message takes to the assistant; returns its replies."""
        collector = CollectingOutputChannel()
        await on_new_message(
            UserMessage(text, collector, sender, input_channel=self.name())
        )
        return collector.messages

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        chat = Blueprint("webchat", __name__)

        async def answer(
            request: Request, names: Tuple[Text, ...], fixed_message: Text = ""
        ) -> HTTPResponse:
            """Replies to a request with the fields `names`; /end has a fixed message."""
            try:
                fields = read_fields(request, names)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)
            try:
                replies = await self.handle_message(
                    on_new_message, fields["sender"], fields.get("message", fixed_message)
                )
            except Exception:
                logger.exception("webchat: the assistant failed to answer")
                return response.json(
                    {"error": "L'assistant a un problème. Réessayez dans un moment."},
                    status=500,
                )
            return response.json(replies)

        @chat.route("/message", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            return await answer(request, ("sender", "message"))

        @chat.route("/end", methods=["POST"])
        async def end(request: Request) -> HTTPResponse:
            return await answer(request, ("sender",), END_SESSION_MESSAGE)

        @chat.route("/", methods=["GET"])
        async def kiosk(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):  # relative links need the slash
                return response.redirect(request.path + "/")
            return await web_file(request, "")

        @chat.route("/<name:str>", methods=["GET"])
        async def web_file(request: Request, name: Text) -> HTTPResponse:
            path = WEB_DIR / (name or "index.html")  # "/chat/" arrives with an empty name
            if name.startswith(".") or not path.is_file():
                return response.json({"error": "Page introuvable."}, status=404)
            headers = PAGE_HEADERS if path.suffix == ".html" else {}
            return await response.file(path, headers=headers)

        return chat
