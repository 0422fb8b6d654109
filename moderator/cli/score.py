"""`moderator score` (being built; see its issue)."""

import click

from moderator.errors import ModeratorError


@click.command("score")
def command():
    """Not built yet."""
    raise ModeratorError("`moderator score` is not built yet")
