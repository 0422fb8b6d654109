"""`moderator score`: the comments table with language and toxicity scores."""

import sys

import click

from moderator.cli.options import (
    check_table_command,
    input_options,
    scoring_options,
    table_output_option,
)


@click.command("score")
@click.argument("paths", nargs=-1, required=True)
@table_output_option
@input_options
@scoring_options
def command(paths, output, input_options, scoring_options):
    """Score the reader comments of PATHS (saved pages or comment dumps; `-` is stdin) for
    toxicity. Writes the comments table plus language, language_confidence, model, truncated,
    low_confidence_language, one column per label and score_evidence. The model chosen for
    each language is reported on stderr and recorded with the results."""
    from moderator.outputs.tables import write_table
    from moderator.scoring import score
    from moderator.sources import combine, read_inputs

    check_table_command(paths, output)

    def echo(line):
        click.echo(line, err=True)

    parsed = read_inputs(paths, echo=echo, **input_options)
    table = score(combine(parsed), echo=echo, progress=sys.stderr.isatty(), **scoring_options)
    write_table(table, output)
    if output != "-":
        echo(f"wrote {len(table)} rows to {output}")
