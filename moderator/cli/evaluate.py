"""`moderator evaluate`: measure a model on a labelled file."""

from pathlib import Path

import click

from moderator.cli.options import MODELS


@click.command("evaluate")
@click.argument("data")
@click.option("--text-col", default="text", show_default=True, help="Column with the text.")
@click.option("--label-col", default="label", show_default=True, help="Column with the true label.")
@click.option(
    "--positive",
    help="The label value that means toxic (e.g. `hate`); by default numbers >= 0.5 and "
    "true/yes are positive.",
)
@click.option(
    "--model",
    type=click.Choice([name for name in MODELS if name != "auto"] + ["auto"]),
    default="moderator-lite",
    show_default=True,
    help="The model to measure.",
)
@click.option("--by", help="Break the figures down by this column (a target group, a function).")
@click.option(
    "--label",
    "labels",
    multiple=True,
    help="Model label(s) to measure (repeatable); default: every label the model has.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    help="Flag at this score instead of the default policy's review threshold per label.",
)
@click.option("--language-col", help="Column with ISO language codes (default: detected).")
@click.option(
    "-o",
    "--output",
    help="Also write the figures table here (.csv, .jsonl or .parquet; `-`: CSV on stdout).",
)
@click.option("--scores", "scores_path", help="Write every row with its scores and truth here.")
def command(
    data,
    text_col,
    label_col,
    positive,
    model,
    by,
    labels,
    threshold,
    language_col,
    output,
    scores_path,
):
    """Score the labelled file DATA (CSV, TSV, JSONL, JSON or Parquet; `-`: CSV on stdin) with a
    model and print, per model label, ROC-AUC, precision, recall and F1 at the policy's
    threshold, the confusion matrix (tp, fp, fn, tn) and a calibration summary."""
    from moderator.errors import ConfigError
    from moderator.evaluation import evaluate
    from moderator.outputs.tables import table_format, write_table

    for target in (output, scores_path):
        if target is None:
            continue
        table_format(target)
        if target != "-" and data != "-" and Path(target).resolve() == Path(data).resolve():
            raise ConfigError(f"refusing to overwrite the input {data} with an output")
    result = evaluate(
        data,
        text_col=text_col,
        label_col=label_col,
        positive=positive,
        model=model,
        by=by,
        labels=list(labels) or None,
        threshold=threshold,
        language_col=language_col,
    )
    if output == "-":
        write_table(result.figures, "-")
    else:
        click.echo(result.to_text())
        if output is not None:
            write_table(result.figures, output)
    if scores_path is not None:
        write_table(result.scores, scores_path)
