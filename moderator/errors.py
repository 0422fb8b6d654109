"""Errors a user can cause. The CLI turns them into one line on stderr and a non-zero exit."""


class ModeratorError(Exception):
    """A problem with the user's input, files or settings (exit status 1)."""

    exit_code = 1


class InputError(ModeratorError):
    """An input file that cannot be read or parsed."""


class ConfigError(ModeratorError):
    """A bad policy, lexicon, config file or option combination."""


class ModelUnavailableError(ModeratorError):
    """Model weights that are not present on this machine."""
