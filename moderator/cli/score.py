"""`moderator score`: the comments table with language and toxicity scores."""

import sys
from pathlib import Path

import click

from moderator.cli.options import input_options, scoring_options


@click.command("score")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file: .csv, .jsonl or .parquet by extension; `-` writes CSV to stdout.",
)
@input_options
@scoring_options
def command(paths, output, input_options, scoring_options):
    """Score the reader comments of PATHS (saved pages or comment dumps; `-` is stdin) for
    toxicity. Writes the comments table plus language, language_confidence, model, truncated,
    low_confidence_language, one column per label and score_evidence. The model chosen for
    each language is reported on stderr and recorded with the results."""
    from moderator.errors import ConfigError
    from moderator.outputs.tables import table_format, write_table
    from moderator.scoring import score
    from moderator.sources import combine, read_inputs

    if sum(1 for path in paths if path == "-") > 1:
        raise click.UsageError("stdin (`-`) can be given only once")
    table_format(output)  # reject a bad output name before any work is done
    if output != "-" and any(
        path != "-" and Path(path).exists() and Path(path).resolve() == Path(output).resolve()
        for path in paths
    ):
        raise ConfigError(f"refusing to overwrite the input {output} with the output")

    def echo(line):
        click.echo(line, err=True)

    parsed = read_inputs(paths, echo=echo, **input_options)
    table = score(combine(parsed), echo=echo, progress=sys.stderr.isatty(), **scoring_options)
    write_table(table, output)
    if output != "-":
        echo(f"wrote {len(table)} rows to {output}")
