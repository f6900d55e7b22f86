"""Personal data: found, masked, and kept as little as possible.

Pure Python, no Rasa import: the channels, the tracker store and the log
patches (rasa_patches.py) all call it.
- detectors.py: NIRs, phones, e-mails (spelled out too), IBANs, codes, birth
  dates, names, postal addresses.
- health.py: health details, from the lexicon sante.yml (a person can review it).
- redaction.py: `redact`, each piece of personal data replaced by a placeholder.
- minimization.py: what the database and the logs keep of a message.
"""

from privacy.health import mentions_health
from privacy.minimization import NOT_KEPT, log_text, stored_text
from privacy.redaction import Redaction, redact

__all__ = ["NOT_KEPT", "Redaction", "log_text", "mentions_health", "redact", "stored_text"]
