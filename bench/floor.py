"""The floor: the trained agent loaded in this process, with the stack's endpoints
(same action server, same kind of tracker store), so that only HTTP and the
channel code separate it from a message sent to the server."""

import logging
import os
from pathlib import Path

from tests.content import ROOT


async def load_agent(model: Path, action_endpoint_url: str, db: Path):
    from rasa.core.agent import load_agent as rasa_load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    import rasa_patches

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    rasa_patches.apply()  # the server's adjustments of Rasa, after its logging set-up
    os.environ.update(ACTION_ENDPOINT_URL=action_endpoint_url, SQLITE_TRACKER_DB=str(db))
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    return await rasa_load_agent(model_path=str(model), endpoints=endpoints)
