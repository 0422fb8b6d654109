"""`moderator parse`: extract reader comments into the comments table."""

from pathlib import Path

import click

from moderator.cli.options import input_options


@click.command("parse")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file: .csv, .jsonl or .parquet by extension; `-` writes CSV to stdout.",
)
@input_options
def command(paths, output, input_options):
    """Extract the reader comments of saved article pages and comment dumps (PATHS; `-` is
    stdin) into one table with article_id, comment_id, position, parent_id, author, posted_at,
    text, glosses, kind and source. A one-line summary per input goes to stderr."""
    from moderator.errors import ConfigError
    from moderator.outputs.tables import table_format, write_table
    from moderator.sources import combine, read_inputs

    if sum(1 for path in paths if path == "-") > 1:
        raise click.UsageError("stdin (`-`) can be given only once")
    table_format(output)  # reject a bad output name before any work is done
    if output != "-" and any(
        path != "-" and Path(path).exists() and Path(path).resolve() == Path(output).resolve()
        for path in paths
    ):
        raise ConfigError(f"refusing to overwrite the input {output} with the output")
    parsed = read_inputs(paths, echo=lambda line: click.echo(line, err=True), **input_options)
    table = combine(parsed)
    write_table(table, output)
    if output != "-":
        click.echo(f"wrote {len(table)} rows to {output}", err=True)
