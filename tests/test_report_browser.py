"""report.html in a real headless browser: comment text that looks like markup stays inert text."""

import re
import shutil
import subprocess

import pytest
from test_summary import synthetic_decided, synthetic_run

from moderator.outputs.report import write_report
from moderator.outputs.summary import build_summary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs it)")
def test_injected_markup_stays_text_in_chromium(tmp_path):
    decided = synthetic_decided()
    write_report(decided, build_summary(decided, synthetic_run()), tmp_path / "report")
    page = tmp_path / "report" / "report.html"
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    dom = completed.stdout
    assert "</html>" in dom, completed.stderr[-2000:]
    # The page's own title, not one a comment's script or onerror handler set.
    assert (
        "<title>Moderation report: Returnees &lt;script&gt;alert(1)&lt;/script&gt;</title>" in dom
    )
    assert "pwned</title>" not in dom
    # No element was created from comment text: no script at all, every image a chart.
    assert "<script" not in dom.lower()
    assert not re.search(r"<[a-z][^>]*\bonerror\b", dom, re.IGNORECASE)
    images = re.findall(r"<img\b[^>]*>", dom)
    assert images and all('src="data:image/svg+xml;base64,' in image for image in images)
    assert "<b>bold</b>" not in dom
    # The hostile text is there, as text.
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=\"document.title='pwned'\"&gt;" in dom
    assert "bob &lt;b&gt;bold&lt;/b&gt;" in dom
