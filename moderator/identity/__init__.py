"""Detection of slurs, identity attacks and dehumanization, naming the targeted group."""

from moderator.identity.detector import COLUMNS, IdentityDetector, detect_identity_attacks
from moderator.identity.lexicon import load_lexicon

__all__ = ["COLUMNS", "IdentityDetector", "detect_identity_attacks", "load_lexicon"]
