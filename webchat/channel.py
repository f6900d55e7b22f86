"""The web chat channel used by the kiosk page and the website widget.

Routes, under /chat (Rasa mounts channels at urljoin("/webhooks/", url_prefix)):
  POST /chat/message  {"sender": str, "message": str, "canal": str} -> list of bot messages
  POST /chat/end      {"sender": str}                 -> ends that conversation
  GET  /chat/         the kiosk page; other files of web/ by name

Limits: bodies over 64 KB get 413, more than 30 messages a minute from one
sender get 429, other bad requests 400, each with a French "error". A message
over 1,000 characters is not read: the reply is one bot message asking for a
shorter one. Personal data is masked (privacy/) before the message
goes further; the reply then starts with utter_donnees_personnelles, as it
does after health details.
The optional "canal" says where the chat runs (kiosque: a help-desk kiosk,
site: a website); it goes to the assistant as message metadata, and the
answers that depend on it read it from the slot `canal` (rasa_patches.py fills it).
"""

import json
import logging
import unicodedata
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from privacy import mentions_health, redact
from webchat.rate_limit import RateLimiter

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
END_SESSION_MESSAGE = "/restart"
MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128
MESSAGES_PER_MINUTE = 30
PRIVACY_NOTICE = "utter_donnees_personnelles"
MASKED_METADATA = {"donnees_masquees": True}
CHANNEL_FIELD = "canal"
CHANNELS = ("kiosque", "site")  # the values of the slot `canal` in domain.yml

TOO_LONG = (
    "Votre message est trop long : 1 000 caractères au plus.\n\nPosez votre question en quelques mots, s'il vous plaît."
)
NO_ANSWER = (
    "Je ne peux pas vous répondre pour le moment.\n\n"
    "Réessayez dans un moment. Vous pouvez aussi appeler le 3422, "
    "le numéro d'aide de Mon Espace Santé."
)
TOO_BIG = "La requête est trop grande."
TOO_MANY = "Vous envoyez trop de messages. Attendez une minute, puis réessayez."
# Our pages run only our own files: no inline script, no other site.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(Exception):
    """A request the channel refuses; its text is shown to the user, in French."""


def clean_text(value: Text, name: Text) -> Text:
    """Drops control characters (not line breaks); refuses lone surrogates."""
    if any(unicodedata.category(char) == "Cs" for char in value):
        raise BadRequest(f"Le champ « {name} » contient des caractères invalides.")
    return "".join(char for char in value if char in "\n\t" or unicodedata.category(char) != "Cc")


def read_fields(request: Request, names: Tuple[Text, ...]) -> Dict[Text, Text]:
    """Returns the named string fields of a JSON object body, or raises BadRequest."""
    try:
        body = json.loads((request.body or b"").decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("La requête doit être un objet JSON valide.")
    if not isinstance(body, dict):
        raise BadRequest("La requête doit être un objet JSON.")
    fields = {}
    for name in names:
        value = body.get(name)
        if isinstance(value, str):
            value = clean_text(value, name)
        if not isinstance(value, str) or not value.strip():
            raise BadRequest(f"Le champ « {name} » doit être un texte non vide.")
        fields[name] = value
    if len(fields.get("sender", "")) > MAX_SENDER_CHARS:
        raise BadRequest(f"Le champ « sender » doit avoir {MAX_SENDER_CHARS} caractères au plus.")
    if CHANNEL_FIELD in body:
        if body[CHANNEL_FIELD] not in CHANNELS:
            raise BadRequest(f"Le champ « {CHANNEL_FIELD} » doit valoir « {' » ou « '.join(CHANNELS)} ».")
        fields[CHANNEL_FIELD] = body[CHANNEL_FIELD]
    return fields


def bot_message(sender: Text, text: Text) -> Dict[Text, Any]:
    return {"recipient_id": sender, "text": text}


def response_text(request: Request, name: Text) -> Optional[Text]:
    """The text of a response of the loaded model's domain (None before a model is loaded)."""
    agent = getattr(request.app.ctx, "agent", None)
    variations = agent.domain.responses.get(name) if agent and agent.domain else None
    return variations[0].get("text") if variations else None


class WebChatInput(InputChannel):
    """JSON chat channel, like Rasa's REST channel, that also serves web/."""

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    def url_prefix(self) -> Text:
        return "/chat"

    async def handle_message(
        self,
        on_new_message: OnNewMessage,
        sender: Text,
        text: Text,
        privacy_notice: Optional[Text] = None,
        canal: Optional[Text] = None,
    ) -> List[Dict[Text, Any]]:
        """The one path every message takes to the assistant; returns its replies.

        Personal data is masked first; the replies then start with
        privacy_notice (once), also after health details. Never returns an empty list."""
        redaction = redact(text)
        metadata = dict(MASKED_METADATA) if redaction.masked else {}
        if canal:
            metadata[CHANNEL_FIELD] = canal
        collector = CollectingOutputChannel()
        await on_new_message(
            UserMessage(
                redaction.text,
                collector,
                sender,
                input_channel=self.name(),
                metadata=metadata or None,
            )
        )
        replies = collector.messages
        if (redaction.masked or mentions_health(text)) and privacy_notice:
            # Like Rasa's own messages: one per paragraph; not twice if the assistant said it.
            notice = [bot_message(sender, part) for part in privacy_notice.strip().split("\n\n")]
            if notice[0]["text"] not in (reply.get("text") for reply in replies):
                replies[:0] = notice
        return replies or [bot_message(sender, NO_ANSWER)]

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        chat = Blueprint("webchat", __name__)
        limiter = RateLimiter(MESSAGES_PER_MINUTE)

        async def answer(request: Request, names: Tuple[Text, ...], fixed_message: Text = "") -> HTTPResponse:
            """Replies to a request with the fields `names`; /end has a fixed message."""
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.json({"error": TOO_BIG}, status=413)
            try:
                fields = read_fields(request, names)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)
            sender, text = fields["sender"], fields.get("message", fixed_message)
            if not fixed_message and not limiter.allow(sender):
                return response.json({"error": TOO_MANY}, status=429)
            if len(text) > MAX_MESSAGE_CHARS:
                return response.json([bot_message(sender, TOO_LONG)])
            try:
                replies = await self.handle_message(
                    on_new_message,
                    sender,
                    text,
                    response_text(request, PRIVACY_NOTICE),
                    fields.get(CHANNEL_FIELD),
                )
            except Exception:
                logger.exception("webchat: the assistant failed to answer")
                replies = [bot_message(sender, NO_ANSWER)]
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
