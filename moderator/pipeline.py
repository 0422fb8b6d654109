"""`analyze`: every stage joined, from input files to one report folder per article.

source files -> comments table -> language and toxicity scores -> identity attacks -> policy
-> DIR/<article_id>/ (queue.csv, queue.jsonl, scores.csv, scores.parquet, summary.json,
report.md, report.html) and, for several articles, DIR/index.md and DIR/index.html.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from moderator import __version__
from moderator.atomic import atomic_directory
from moderator.errors import ConfigError, InputError

# The file that marks a folder as a moderator report: only such folders are ever replaced.
REPORT_MARKER = "summary.json"


@dataclass
class AnalysisResult:
    table: object  # the decided DataFrame: every comment of every input, every column
    report_dirs: list = field(default_factory=list)  # one Path per article, in input order


def analyze(
    paths,
    output_dir="reports",
    policy=None,
    lexicons=None,
    *,
    format="auto",
    text_col=None,
    id_col=None,
    parent_col=None,
    author_col=None,
    time_col=None,
    model="auto",
    checkpoint=None,
    hf_config=None,
    device="auto",
    batch_tokens=None,
    quantize=False,
    long_text="truncate",
    echo=None,
    progress=False,
):
    """Analyze `paths` (a path, `-` for stdin, or a list of them) and write the reports.

    The input options are those of `moderator.sources.read_input`, the scoring options those of
    `moderator.scoring.score`. `policy` is a Policy, a policy file or None (the shipped default);
    `lexicons` a list of lexicon files for the identity detector, or None (the shipped ones).
    `echo` receives warnings and summary lines (the CLI prints them to stderr); `progress` shows
    progress bars. Returns AnalysisResult(table, report_dirs).

    Each article gets DIR/<article_id>/, built in a temporary folder and swapped in only when
    complete; an existing folder there is replaced only if it is a moderator report (holds
    summary.json), so no folder a user made is ever overwritten.

    The contract with the report renderers (moderator.outputs.summary, .report, .index):
    `build_summary(decided, run)` gets one article's rows of the decided table and `run`:
        {"tool_version": str,
         "created_at": ISO 8601 UTC time (the only field that differs between identical runs),
         "inputs": [{"path", "sha256" (None for stdin), "format"}] (the inputs of this article),
         "articles": [article metadata dicts from moderator.sources (this article's)],
         "models": the scored table's attrs["models"],
         "lexicon": {"version": IdentityDetector.lexicon_version, "files": [str]},
         "policy": {"name", "path", "sha256"},
         "settings": {input and scoring option name: value}}
    and its dict is written as summary.json; `write_report(decided, summary, folder)` writes
    report.md and report.html into the article's folder; with several articles,
    `write_index(entries, output_dir)` writes the index, `entries` being one tuple per article in
    input order: (article_id, that article's summary dict, its folder relative to output_dir).
    """
    from moderator.identity import IdentityDetector
    from moderator.policy import Policy, decide, load_policy
    from moderator.scoring import score
    from moderator.sources import combine, read_inputs

    paths = [paths] if isinstance(paths, str | Path) else list(paths)
    # The same file given twice would count its comments twice.
    paths = list(dict.fromkeys(str(path) for path in paths))
    if not paths:
        raise InputError("no input given")
    policy = policy if isinstance(policy, Policy) else load_policy(policy)
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise ConfigError(f"cannot write reports to {output_dir}: it is a file")
    input_options = {
        "format": format,
        "text_col": text_col,
        "id_col": id_col,
        "parent_col": parent_col,
        "author_col": author_col,
        "time_col": time_col,
    }
    scoring_options = {
        "model": model,
        "checkpoint": checkpoint,
        "hf_config": hf_config,
        "device": device,
        "batch_tokens": batch_tokens,
        "quantize": quantize,
        "long_text": long_text,
    }
    detector = IdentityDetector(lexicons=lexicons)
    parsed = read_inputs(paths, echo=echo, **input_options)
    comments = combine(parsed)
    articles = _articles(parsed, comments)
    folders = {article_id: _report_folder(output_dir, article_id) for article_id in articles}

    scored = score(comments, echo=echo, progress=progress, **scoring_options)
    identity = detector.detect(scored["text"].fillna("").astype(str).tolist())
    decided = decide(_join(scored, identity), policy)

    run_common = {
        "tool_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "models": scored.attrs.get("models", []),
        "lexicon": {
            "version": detector.lexicon_version,
            "files": _lexicon_files(detector, lexicons),
        },
        "policy": {"name": policy.name, "path": policy.path, "sha256": policy.sha256},
        "settings": {
            key: _plain(value) for key, value in (input_options | scoring_options).items()
        },
    }
    entries = []
    for article_id in _progress(articles, progress, "reports"):
        rows = decided[decided["article_id"].astype(str) == article_id].reset_index(drop=True)
        rows.attrs = {}
        run = {
            "tool_version": run_common["tool_version"],
            "created_at": run_common["created_at"],
            "inputs": [_input_record(item) for item in articles[article_id]["inputs"]],
            "articles": [articles[article_id]["metadata"]],
            **{key: run_common[key] for key in ("models", "lexicon", "policy", "settings")},
        }
        summary = _write_article(rows, run, folders[article_id])
        entries.append((article_id, summary, folders[article_id].name))
    if len(entries) > 1:
        from moderator.outputs.index import write_index

        write_index(entries, output_dir)
    decided.attrs["models"] = run_common["models"]
    decided.attrs["articles"] = [articles[article_id]["metadata"] for article_id in articles]
    return AnalysisResult(table=decided, report_dirs=[folders[key] for key in articles])


def _articles(parsed, comments):
    """article_id -> {"metadata", "inputs"}, in order of first appearance."""
    articles = {}
    for item in parsed:
        ids = [str(article.get("article_id")) for article in item.articles]
        ids += [str(value) for value in item.comments["article_id"].dropna().unique()]
        for article_id in dict.fromkeys(ids):
            entry = articles.setdefault(article_id, {"metadata": None, "inputs": []})
            entry["inputs"].append(item)
            if entry["metadata"] is None:
                matching = [a for a in item.articles if str(a.get("article_id")) == article_id]
                entry["metadata"] = matching[0] if matching else None
    for article_id, entry in articles.items():
        if entry["metadata"] is None:
            entry["metadata"] = {"article_id": article_id}
        entry["metadata"] = {key: _plain(value) for key, value in entry["metadata"].items()}
    if not articles:
        raise InputError("no comments found in the input")
    return articles


def _report_folder(output_dir, article_id):
    if article_id in ("", ".", "..") or Path(article_id).name != article_id:
        raise InputError(f"article id {article_id!r} cannot name a report folder")
    folder = output_dir / article_id
    if folder.exists() and not (folder.is_dir() and (folder / REPORT_MARKER).is_file()):
        raise ConfigError(
            f"{folder} exists and is not a moderator report; "
            "move it away or choose another output folder"
        )
    return folder


def _join(scored, identity):
    import pandas as pd

    scored = scored.reset_index(drop=True)
    identity = identity.reset_index(drop=True)
    joined = pd.concat([scored.drop(columns=identity.columns, errors="ignore"), identity], axis=1)
    joined.attrs = dict(scored.attrs)
    return joined


def _write_article(rows, run, folder):
    from moderator.outputs.queue import write_queue, write_scores
    from moderator.outputs.report import write_report
    from moderator.outputs.summary import build_summary

    summary = build_summary(rows, run)
    with atomic_directory(folder) as staging:
        write_queue(rows, staging)
        write_scores(rows, staging)
        (staging / REPORT_MARKER).write_text(
            json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        write_report(rows, summary, staging)
    return summary


def _input_record(parsed):
    source = str(parsed.source)
    digest = getattr(parsed, "sha256", None)
    if digest is None and source != "-" and Path(source).is_file():
        digest = _sha256(Path(source))
    return {"path": source, "sha256": digest, "format": parsed.format}


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _lexicon_files(detector, lexicons):
    """The lexicon files the detector loaded, as it names them ("shipped: en.csv, ...")."""
    files = getattr(detector.lexicon, "sources", None) or lexicons or ["shipped"]
    return [str(path) for path in files]


def _plain(value):
    """A JSON-ready value: paths become text, numpy scalars Python numbers."""
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    return value


def _progress(items, enabled, description):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit="article", leave=False)
