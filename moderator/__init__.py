"""moderator: comment-section moderation and toxicity analysis.

The public API mirrors the command line. Heavy dependencies (pandas, torch) load on first use,
so that `import moderator` and `moderator --help` stay fast.
"""

__version__ = "0.1.0"

_API = {
    "load_comments": "moderator.sources",
    "detect_languages": "moderator.language",
    "score": "moderator.scoring",
    "detect_identity_attacks": "moderator.identity",
    "decide": "moderator.policy",
    "analyze": "moderator.pipeline",
    "evaluate": "moderator.evaluation",
}

__all__ = ["__version__", *_API]


def __getattr__(name):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'moderator' has no attribute {name!r}")
