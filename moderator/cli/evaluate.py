"""`moderator evaluate` (being built; see its issue)."""

import click

from moderator.errors import ModeratorError


@click.command("evaluate")
def command():
    """Not built yet."""
    raise ModeratorError("`moderator evaluate` is not built yet")
