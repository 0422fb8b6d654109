"""`moderator parse`: extract reader comments into the comments table."""

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
    text, glosses, kind and source."""
    from moderator.outputs.tables import table_format, write_table
    from moderator.sources import combine, read_inputs

    table_format(output)  # reject a bad output name before any work is done
    parsed = read_inputs(paths, **input_options)
    write_table(combine(parsed), output)
