"""`moderator analyze` (being built; see its issue)."""

import click

from moderator.errors import ModeratorError


@click.command("analyze")
def command():
    """Not built yet."""
    raise ModeratorError("`moderator analyze` is not built yet")
