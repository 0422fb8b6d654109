"""`moderator models` (being built; see its issue)."""

import click

from moderator.errors import ModeratorError


@click.command("models")
def command():
    """Not built yet."""
    raise ModeratorError("`moderator models` is not built yet")
