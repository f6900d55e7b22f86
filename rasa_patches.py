"""Every change this project makes to Rasa's internals, in one place.

Rasa 3.6 has no setting for any of them. Each patch replaces a function or a
constant of Rasa's own code, so it is written for one Rasa version: `apply`
checks that version and says at start-up, in the log, when another one runs.
The Rasa server applies them when it loads our channels (webchat/__init__.py),
before the model.

- Personal data is masked before Rasa reads a message, whatever the channel
  (MessageProcessor.handle_message and log_message), and every log line is
  masked again, health details too (the log record factory, and a processor
  of Rasa's structured logs).
- The page's channel (metadata "canal": kiosque or site) fills the slot
  `canal` before the message is understood
  (MessageProcessor._handle_message_with_tracker), without an action call.
- An event's class is found by its name in a table built once, instead of
  among every subclass of Event for each event of each conversation read
  (Event.resolve_by_type): an eighth of the time a message takes.
- The rule policy first sets aside the rules whose last turn names another
  action or intent than the conversation's, before Rasa checks the others turn
  by turn (RulePolicy._get_possible_keys): a third of a message's time went to
  checking every rule.
- At most 4 messages are in progress at once in one process, the others wait
  their turn in order (MessageProcessor.handle_message): a message that waits
  for the action server no longer comes back behind every other one (p95 at 20
  users: 673 -> 295 ms, docs/chiffres-bench.md).
- Custom actions get 5 seconds to answer instead of 5 minutes.
- Action server responses are checked with a schema validator built once.
"""

import asyncio
import functools
import json
import logging
import weakref
from typing import Any, Dict, List, Optional, Set, Text, Tuple

import rasa
import rasa.core.actions.action
import rasa.utils.endpoints
import structlog
from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.policies.rule_policy import RulePolicy
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.utils.common import all_subclasses
from rasa.shared.core.trackers import DialogueStateTracker

from privacy import log_text, redact

logger = logging.getLogger(__name__)

WRITTEN_FOR = "3.6.21"
ACTION_TIMEOUT_SECONDS = 5

_applied = False


# Personal data -----------------------------------------------------------------


def masked_message(message: UserMessage) -> UserMessage:
    """The message with its personal data masked, in place."""
    if message.text:
        message.text = redact(message.text).text
    return message


_handle_message = MessageProcessor.handle_message
_log_message = MessageProcessor.log_message


# Messages handled at once by one process: the others wait their turn, in order.
MESSAGES_AT_ONCE = 4
_turns: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = weakref.WeakKeyDictionary()


async def handle_message(self: MessageProcessor, message: UserMessage) -> Any:
    """Masked first; then at most MESSAGES_AT_ONCE messages in progress. One process has
    one core's worth of work to share: a message that waits for the action server
    otherwise lets every other message in, and comes back behind all of them."""
    loop = asyncio.get_running_loop()
    turn = _turns.setdefault(loop, asyncio.Semaphore(MESSAGES_AT_ONCE))
    async with turn:
        return await _handle_message(self, masked_message(message))


async def log_message(self: MessageProcessor, message: UserMessage, should_save_tracker: bool = True) -> Any:
    return await _log_message(self, masked_message(message), should_save_tracker)


# Where the assistant runs --------------------------------------------------------

CHANNEL_SLOT = "canal"  # the metadata key the web pages send, and the slot it fills
_handle_message_with_tracker = MessageProcessor._handle_message_with_tracker


async def handle_message_with_tracker(
    self: MessageProcessor, message: UserMessage, tracker: DialogueStateTracker
) -> None:
    """Sets the slot `canal` from the message's metadata (kiosque or site), before the
    message is understood: answers vary with it, and no action server is asked."""
    channel = (message.metadata or {}).get(CHANNEL_SLOT)
    slot = tracker.slots.get(CHANNEL_SLOT)
    if slot and channel in slot.values and channel != slot.value:
        tracker.update(SlotSet(CHANNEL_SLOT, channel))
    await _handle_message_with_tracker(self, message, tracker)


# Reading conversations -----------------------------------------------------------

_resolve_by_type = Event.resolve_by_type
_event_classes: Dict[Text, type] = {}


def resolve_by_type(type_name: Text, default: Any = None) -> Any:
    """Event.resolve_by_type, from a table: the first subclass with that name, as Rasa's loop."""
    if not _event_classes:
        for cls in reversed(all_subclasses(Event)):
            _event_classes[cls.type_name] = cls
    found = _event_classes.get(type_name)
    return found if found is not None else _resolve_by_type(type_name, default)


# Finding the rules that apply -----------------------------------------------------

_get_possible_keys = RulePolicy._get_possible_keys


@functools.lru_cache(maxsize=None)
def rule_ending(rule_key: Text) -> Tuple[Optional[Text], Optional[Text]]:
    """The previous action and the intent that the last turn of a rule requires (None: any)."""
    last = json.loads(rule_key)[-1]
    if not last.get(PREVIOUS_ACTION):  # a conversation start: Rasa matches it otherwise
        return None, None
    action = last[PREVIOUS_ACTION].get("action_name")
    intent = last.get(USER, {}).get("intent")
    return tuple(None if value in (None, "", SHOULD_NOT_BE_SET) else value for value in (action, intent))


def get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]) -> Set[Text]:
    """RulePolicy._get_possible_keys on the rules that can end on the conversation's last turn."""
    if states and states[-1].get(PREVIOUS_ACTION):
        action = states[-1][PREVIOUS_ACTION].get("action_name")
        intent = states[-1].get(USER, {}).get("intent")
        lookup = {
            key: value
            for key, value in lookup.items()
            if rule_ending(key)[0] in (None, action) and rule_ending(key)[1] in (None, intent)
        }
    return _get_possible_keys(self, lookup, states)


_make_record = logging.getLogRecordFactory()


def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    """Every log record of the process, its message masked once it is formatted."""
    record = _make_record(*args, **kwargs)
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # a badly formatted call: logging reports it itself
        return record
    record.msg, record.args = log_text(message), None
    return record


def mask_structured_log(_logger: Any, _method: Text, event_dict: Dict[Text, Any]) -> Dict[Text, Any]:
    """A processor of Rasa's structured logs (processor.message.parse…): every value
    masked before it is rendered, which may escape accents (\\u00e9) out of reach."""
    return {
        key: value
        if key == "event" or isinstance(value, (bool, int, float, type(None)))
        else log_text(value if isinstance(value, str) else repr(value))
        for key, value in event_dict.items()
    }


def mask_structured_logs() -> None:
    """Puts mask_structured_log right after the level filter: skipped logs cost nothing.

    Rasa caches its loggers on first use, each holding structlog's list of
    processors: the list is changed in place, so that those loggers mask too."""
    processors = structlog.get_config()["processors"]
    filter_by_level = structlog.stdlib.filter_by_level
    processors.insert(
        processors.index(filter_by_level) + 1 if filter_by_level in processors else 0, mask_structured_log
    )


# Speed -------------------------------------------------------------------------

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = validators.validator_for(_SCHEMA)(_SCHEMA)


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """Rasa's check of an action server response, without checking the schema each time (70 ms)."""
    error = best_match(_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += ". Failed to validate Action server response from API."
        raise error
    return True


# Start-up ----------------------------------------------------------------------


def apply() -> None:
    """Applies every patch, once; warns if Rasa is not the version they were written for."""
    global _applied
    if _applied:
        return
    _applied = True
    if rasa.__version__ != WRITTEN_FOR:
        logger.warning(
            f"rasa_patches.py was written for Rasa {WRITTEN_FOR} and Rasa {rasa.__version__} is running: "
            "check each patch (personal data masking, channel slot, event classes, rule look-up, action timeout, "
            "schema check) "
            "against the new Rasa code, then update WRITTEN_FOR."
        )
    else:
        logger.info(f"Patches of Rasa {WRITTEN_FOR} applied (rasa_patches.py).")
    MessageProcessor.handle_message = handle_message
    MessageProcessor.log_message = log_message
    MessageProcessor._handle_message_with_tracker = handle_message_with_tracker
    Event.resolve_by_type = staticmethod(resolve_by_type)
    RulePolicy._get_possible_keys = get_possible_keys
    logging.setLogRecordFactory(masked_record)
    mask_structured_logs()
    rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
    rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
    RemoteAction._validate_action_result = validate_action_result
