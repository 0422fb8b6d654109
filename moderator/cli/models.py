"""`moderator models`: which toxicity models this machine can run, and where their files are."""

import click


@click.command("models")
def command():
    """List the toxicity models: whether each is available on this machine, where its files
    are (or would be), and what is missing. Needs no network."""
    from moderator.scoring import describe_models

    for entry in describe_models():
        state = "available" if entry["available"] else "missing"
        click.echo(f"{entry['name']}: {state}")
        click.echo(f"  files: {entry['checkpoint']}")
        if entry["hf_config"]:
            click.echo(f"  config and tokenizer: {entry['hf_config']}")
        if entry["languages"]:
            click.echo(f"  trained on: {', '.join(entry['languages'])}")
        if entry["labels"]:
            click.echo(f"  labels: {', '.join(entry['labels'])}")
        if entry["missing"]:
            click.echo(f"  missing: {entry['missing']}")
