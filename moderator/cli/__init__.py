"""The `moderator` command line. Thin: each command parses options and calls the Python API."""

import sys

import click

from moderator import __version__
from moderator.cli import analyze, evaluate, lexicon, models, parse, score
from moderator.errors import ModeratorError


class _Group(click.Group):
    """Turns errors a user can cause into one line on stderr and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ModeratorError as error:
            click.echo(f"moderator: error: {error}", err=True)
            ctx.exit(error.exit_code)
        except BrokenPipeError:
            # The reader of our stdout went away (e.g. `| head`): not an error worth a traceback.
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="moderator")
def main():
    """Moderate reader comments: extract them from saved article pages and comment dumps,
    score toxicity, detect slurs, identity attacks and dehumanization, and write a prioritized
    moderation queue and report."""


for _module in (parse, score, analyze, evaluate, models, lexicon):
    main.add_command(_module.command)
