"""The report's charts, drawn from the summary's figures as SVG text.

Charts draw only numbers, labels and group ids (never comment text). The SVG is deterministic
(a fixed hash salt, no date, glyphs as paths), so the same summary gives byte-identical charts,
and self-contained (no fonts or scripts to fetch). matplotlib loads only when a chart is drawn.
"""

import contextlib
import io

from moderator.outputs.summary import ACTIONS, HOSTILE_LEVEL

ACTION_COLOURS = {"remove": "#b2182b", "review": "#ef8a62", "approve": "#4d9fcf"}
LINE_COLOUR = "#555555"
STYLE = {
    "svg.hashsalt": "moderator",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def score_distributions(summary):
    """Small multiples: the histogram of each label's scores."""
    statistics = summary["label_statistics"]
    if not statistics:
        return None
    columns = min(len(statistics), 4)
    rows = -(-len(statistics) // columns)
    with _figure(2.1 * columns, 1.9 * rows) as figure:
        axes_grid = figure.subplots(rows, columns, squeeze=False, sharey=True)
        for axes, (label, figures) in zip(axes_grid.flat, statistics.items(), strict=False):
            edges = figures["histogram"]["edges"]
            axes.bar(
                edges[:-1],
                figures["histogram"]["counts"],
                width=edges[1] - edges[0],
                align="edge",
                color=LINE_COLOUR,
                edgecolor="white",
            )
            axes.axvline(0.5, color=ACTION_COLOURS["remove"], linewidth=0.8, linestyle="--")
            axes.set_title(label, fontsize=9)
            axes.set_xlim(0, 1)
            axes.set_xlabel("score")
        for axes in axes_grid[:, 0]:
            axes.set_ylabel("comments")
            axes.yaxis.set_major_locator(_whole_numbers())
        for axes in list(axes_grid.flat)[len(statistics) :]:
            axes.set_visible(False)
        return _svg(figure)


def actions(summary):
    """Horizontal bars: how many comments each action got."""
    counts = summary["counts"]["by_action"]
    names = [action for action in ACTIONS if action in counts]
    with _figure(5.0, 1.6) as figure:
        axes = figure.subplots()
        values = [counts[name] for name in names]
        bars = axes.barh(names, values, color=[ACTION_COLOURS[name] for name in names])
        axes.bar_label(bars, padding=2)
        axes.invert_yaxis()
        axes.set_xlabel("comments")
        axes.set_xlim(0, max([*values, 1]) * 1.15)
        axes.xaxis.set_major_locator(_whole_numbers())
        return _svg(figure)


def targeted_groups(summary):
    """Stacked horizontal bars: comments targeting each group, split by action."""
    groups = summary["group_targeting"]
    if not groups:
        return None
    names = [entry["group"] for entry in groups]
    with _figure(5.0, 0.9 + 0.3 * len(names)) as figure:
        axes = figure.subplots()
        left = [0] * len(names)
        for action in ACTIONS:
            values = [entry["by_action"].get(action, 0) for entry in groups]
            axes.barh(names, values, left=left, color=ACTION_COLOURS[action], label=action)
            left = [start + value for start, value in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("comments")
        axes.xaxis.set_major_locator(_whole_numbers())
        figure.legend(loc="outside upper center", ncols=3, frameon=False, fontsize=8)
        return _svg(figure)


def thread_hostility(summary):
    """Hostility by position along each article's thread; arrows mark escalations."""
    points = summary["thread"]["points"]
    if not points:
        return None
    with _figure(7.0, 2.6) as figure:
        axes = figure.subplots()
        articles = list(dict.fromkeys(point["article_id"] for point in points))
        for article_id in articles:
            line = [point for point in points if point["article_id"] == article_id]
            axes.plot(
                [point["position"] for point in line],
                [point["hostility"] for point in line],
                color=LINE_COLOUR,
                linewidth=0.8,
                zorder=1,
            )
        for action in ACTIONS:
            marked = [point for point in points if point["action"] == action]
            if marked:
                axes.scatter(
                    [point["position"] for point in marked],
                    [point["hostility"] for point in marked],
                    color=ACTION_COLOURS[action],
                    s=18,
                    label=action,
                    zorder=2,
                )
        escalations = summary["thread"]["escalations"]
        if escalations:
            # One collection of arrows: drawing thousands of annotations one by one is slow.
            starts = [escalation["from"] for escalation in escalations]
            ends = [escalation["to"] for escalation in escalations]
            axes.quiver(
                [start["position"] for start in starts],
                [start["hostility"] for start in starts],
                [
                    end["position"] - start["position"]
                    for start, end in zip(starts, ends, strict=True)
                ],
                [
                    end["hostility"] - start["hostility"]
                    for start, end in zip(starts, ends, strict=True)
                ],
                angles="xy",
                scale_units="xy",
                scale=1,
                width=0.004,
                color=ACTION_COLOURS["remove"],
                zorder=3,
            )
        axes.axhline(HOSTILE_LEVEL, color=LINE_COLOUR, linewidth=0.6, linestyle="--")
        axes.set_ylim(0, 1.05)
        axes.set_xlabel("comment position")
        axes.set_ylabel("hostility")
        axes.xaxis.set_major_locator(_whole_numbers())
        figure.legend(loc="outside upper center", ncols=3, frameon=False, fontsize=8)
        return _svg(figure)


def articles_actions(summaries):
    """Stacked horizontal bars for the index: actions per article."""
    names = [article_id for article_id, _ in summaries]
    with _figure(6.0, 0.9 + 0.3 * len(names)) as figure:
        axes = figure.subplots()
        left = [0] * len(names)
        for action in ACTIONS:
            values = [summary["counts"]["by_action"].get(action, 0) for _, summary in summaries]
            axes.barh(names, values, left=left, color=ACTION_COLOURS[action], label=action)
            left = [start + value for start, value in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("comments")
        axes.xaxis.set_major_locator(_whole_numbers())
        figure.legend(loc="outside upper center", ncols=3, frameon=False, fontsize=8)
        return _svg(figure)


@contextlib.contextmanager
def _figure(width, height):
    """A standalone Figure (no pyplot, so no global backend or figure state) in the report style."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(STYLE):
        yield Figure(figsize=(width, height), layout="constrained")


def _whole_numbers():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=5, integer=True)


def _svg(figure):
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
