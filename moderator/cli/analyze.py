"""`moderator analyze`: comments -> scores -> decisions -> a queue and report per article."""

import sys

import click

from moderator.cli.options import input_options, scoring_options

# Exit status when --fail-on is reached, distinct from errors (1) and usage errors (2).
EXIT_FLAGGED = 3
_ACTION_ORDER = ("remove", "review", "approve")


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default="reports",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the reports: one sub-folder per article, plus an index for several.",
)
@click.option(
    "--policy",
    type=click.Path(dir_okay=False),
    help="Policy file (TOML) with thresholds and rules; default: the shipped policy.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Identity-attack lexicon file (CSV); repeat for several. Default: the shipped ones.",
)
@click.option(
    "--fail-on",
    type=click.Choice(("remove", "review")),
    help="Exit with status 3 (after writing the reports) when any comment reaches this action "
    "(`review` also counts removals).",
)
@input_options
@scoring_options
def command(paths, output, policy, lexicons, fail_on, input_options, scoring_options):
    """Analyze articles and comment dumps (PATHS; `-` is stdin): extract the comments, score
    toxicity, detect identity attacks, decide remove / review / approve per comment, and write
    OUTPUT/<article>/ with queue.csv, queue.jsonl (flagged comments, worst first), scores.csv,
    scores.parquet (every comment, every column), summary.json, report.md and report.html."""
    from moderator.pipeline import analyze

    def echo(line):
        click.echo(line, err=True)

    result = analyze(
        paths,
        output_dir=output,
        policy=policy,
        lexicons=list(lexicons) or None,
        echo=echo,
        progress=sys.stderr.isatty(),
        **input_options,
        **scoring_options,
    )
    counts = _action_counts(result.table)
    reached = False
    for folder in result.report_dirs:
        actions = counts.get(folder.name, {})
        total = sum(actions.values())
        tally = ", ".join(f"{actions.get(action, 0)} {action}" for action in _ACTION_ORDER)
        noun = "comment" if total == 1 else "comments"
        echo(f"{folder.name}: {total} {noun}: {tally} -> {folder}/")
        if fail_on:
            failing = _ACTION_ORDER[: _ACTION_ORDER.index(fail_on) + 1]
            reached = reached or any(actions.get(action, 0) for action in failing)
    if reached:
        click.get_current_context().exit(EXIT_FLAGGED)


def _action_counts(table):
    """article_id -> action -> number of reader comments (quoted posts are not moderated)."""
    from moderator.table import KIND_QUOTED_POST

    counts = {}
    for article_id, kind, action in zip(
        table["article_id"].astype(str), table["kind"], table["action"], strict=True
    ):
        if kind != KIND_QUOTED_POST:
            article = counts.setdefault(article_id, {})
            article[action] = article.get(action, 0) + 1
    return counts
