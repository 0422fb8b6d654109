import subprocess
import sys

from click.testing import CliRunner

from moderator import __version__
from moderator.cli import main


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("parse", "score", "analyze", "evaluate", "models", "lexicon"):
        assert command in result.output


def test_help_imports_no_heavy_library():
    # `moderator --help` must stay fast: the CLI may not import these at start-up.
    code = (
        "import sys; from moderator.cli import main\n"
        "heavy = {'pandas', 'torch', 'transformers', 'matplotlib', 'sklearn', 'detoxify'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
