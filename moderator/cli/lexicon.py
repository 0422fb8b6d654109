"""`moderator lexicon` (being built; see its issue)."""

import click

from moderator.errors import ModeratorError


@click.command("lexicon")
def command():
    """Not built yet."""
    raise ModeratorError("`moderator lexicon` is not built yet")
