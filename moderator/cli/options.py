"""Options shared by several commands, so `parse`, `score` and `analyze` accept the same ones."""

import functools

import click

FORMATS = ("auto", "caravanserai", "html", "csv", "tsv", "json", "jsonl", "parquet")
MODELS = (
    "auto",
    "original",
    "unbiased",
    "multilingual",
    "original-small",
    "unbiased-small",
    "moderator-lite",
)

_INPUT_OPTIONS = (
    click.option(
        "--format",
        "format",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        help="Input format; `auto` detects it from the content.",
    ),
    click.option("--text-col", help="Column holding the comment text (tabular inputs)."),
    click.option("--id-col", help="Column holding the comment id (tabular inputs)."),
    click.option("--parent-col", help="Column holding the replied-to comment id (tabular inputs)."),
    click.option("--author-col", help="Column holding the author (tabular inputs)."),
    click.option("--time-col", help="Column holding the posting time (tabular inputs)."),
)
_INPUT_NAMES = ("format", "text_col", "id_col", "parent_col", "author_col", "time_col")

_SCORING_OPTIONS = (
    click.option(
        "--model",
        type=click.Choice(MODELS),
        default="auto",
        show_default=True,
        help="Toxicity model. `auto` routes by language to detoxify when its weights are "
        "present and to the shipped `moderator-lite` model otherwise.",
    ),
    click.option(
        "--checkpoint",
        type=click.Path(dir_okay=False),
        help="Local detoxify checkpoint file (.ckpt) for air-gapped machines.",
    ),
    click.option(
        "--hf-config",
        type=click.Path(file_okay=False),
        help="Local Hugging Face config and tokenizer folder for the checkpoint.",
    ),
    click.option(
        "--device",
        type=click.Choice(("auto", "cpu", "cuda")),
        default="auto",
        show_default=True,
        help="Where detoxify models run.",
    ),
    click.option(
        "--batch-tokens",
        type=click.IntRange(min=1),
        help="Token budget per batch (default: 8192 on CPU, 65536 on GPU).",
    ),
    click.option("--quantize", is_flag=True, help="int8 dynamic quantization on CPU (faster)."),
    click.option(
        "--long-text",
        type=click.Choice(("truncate", "window")),
        default="truncate",
        show_default=True,
        help="Comments longer than the model's limit: truncate (flagged) or score overlapping "
        "windows and keep the maximum per label.",
    ),
)
_SCORING_NAMES = (
    "model",
    "checkpoint",
    "hf_config",
    "device",
    "batch_tokens",
    "quantize",
    "long_text",
)


def _grouped(options, names, group):
    """Apply `options` and hand the command their values as one dict named `group`."""

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            kwargs[group] = {name: kwargs.pop(name) for name in names}
            return function(*args, **kwargs)

        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate


table_output_option = click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file: .csv, .jsonl or .parquet by extension; `-` writes CSV to stdout.",
)


def check_table_command(paths, output):
    """Reject, before any work is done, stdin given twice, a bad output name, and an output
    that would overwrite one of the inputs."""
    from pathlib import Path

    from moderator.errors import ConfigError
    from moderator.outputs.tables import table_format

    if sum(1 for path in paths if path == "-") > 1:
        raise click.UsageError("stdin (`-`) can be given only once")
    table_format(output)
    if output != "-" and any(
        path != "-" and Path(path).exists() and Path(path).resolve() == Path(output).resolve()
        for path in paths
    ):
        raise ConfigError(f"refusing to overwrite the input {output} with the output")


input_options = _grouped(_INPUT_OPTIONS, _INPUT_NAMES, "input_options")
scoring_options = _grouped(_SCORING_OPTIONS, _SCORING_NAMES, "scoring_options")
