"""`moderator parse`: extract reader comments into the comments table."""

import click

from moderator.cli.options import check_table_command, input_options, table_output_option


@click.command("parse")
@click.argument("paths", nargs=-1, required=True)
@table_output_option
@input_options
def command(paths, output, input_options):
    """Extract the reader comments of saved article pages and comment dumps (PATHS; `-` is
    stdin) into one table with article_id, comment_id, position, parent_id, author, posted_at,
    text, glosses, kind and source. A one-line summary per input goes to stderr."""
    from moderator.outputs.tables import write_table
    from moderator.sources import combine, read_inputs

    check_table_command(paths, output)
    parsed = read_inputs(paths, echo=lambda line: click.echo(line, err=True), **input_options)
    table = combine(parsed)
    write_table(table, output)
    if output != "-":
        click.echo(f"wrote {len(table)} rows to {output}", err=True)
