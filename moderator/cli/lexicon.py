"""`moderator lexicon`: show the loaded slur and identity-attack lexicons, and test a text."""

import click

from moderator.identity.lexicon import CATEGORIES

_LEXICON_OPTION = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="FILE",
    help="Extra lexicon CSV (same columns as the shipped ones) that adds or overrides terms; "
    "repeatable, later files win.",
)


@click.group("lexicon")
def command():
    """Show the slur and identity-attack lexicons, and what a text triggers."""


@command.command("list")
@_LEXICON_OPTION
@click.option("--groups", is_flag=True, help="List the target groups instead of the terms.")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only terms of this category.")
@click.option("--group", help="Only terms of this group id (e.g. russians).")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file: .csv, .jsonl or .parquet by extension; `-` writes CSV to stdout.",
)
def list_command(lexicons, groups, category, group, output):
    """List the loaded terms (or groups) as a table, with the file and line each comes from."""
    import pandas as pd

    from moderator.identity import load_lexicon
    from moderator.outputs.tables import write_table

    lexicon = load_lexicon(lexicons)
    if group is not None and group not in lexicon.groups:
        raise click.BadParameter(f"unknown group '{group}'", param_hint="--group")
    if groups:
        table = pd.DataFrame(lexicon.group_rows(), columns=["id", "kind", "description"])
    else:
        rows = [
            (
                term.term,
                term.language,
                term.script,
                term.group,
                term.category,
                term.severity,
                term.match,
                term.note,
                term.source,
            )
            for term in lexicon.terms
            if (category is None or term.category == category)
            and (group is None or term.group == group)
        ]
        columns = ["term", "language", "script", "group", "category", "severity", "match"]
        table = pd.DataFrame(rows, columns=[*columns, "note", "source"])
    write_table(table, output)
    click.echo(
        f"lexicon {lexicon.version}: {len(lexicon.terms)} terms, {len(lexicon.groups)} groups "
        f"({'; '.join(lexicon.sources)})",
        err=True,
    )


@command.command("check")
@click.argument("text")
@_LEXICON_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the finding as one JSON object.")
def check_command(text, lexicons, as_json):
    """Show what TEXT triggers: attack type, target groups, matched terms, severity, spans and
    a one-line explanation per hit. `-` reads the text from stdin."""
    import json
    import sys

    from moderator.errors import InputError
    from moderator.identity import IdentityDetector

    if text == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the text on stdin is not UTF-8") from None
    finding = IdentityDetector(lexicons).check(text)
    if as_json:
        click.echo(json.dumps(finding, ensure_ascii=False))
        return
    if not finding["attack_type"]:
        click.echo("no identity attack or insult found")
        return
    for name in ("attack_type", "target_groups", "slur_terms", "identity_severity"):
        click.echo(f"{name}: {finding[name]}")
    for line in finding["identity_explanation"].split("; "):
        click.echo(f"  {line}")
    for span in finding["identity_spans"]:
        group = f" group {span['group']}" if span["group"] else ""
        click.echo(
            f"  [{span['start']}:{span['end']}] {span['category']}: "
            f"{text[span['start'] : span['end']]!r}{group}"
        )
