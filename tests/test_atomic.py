import pytest

from moderator.atomic import atomic_directory, atomic_open


def test_atomic_open_replaces_only_on_success(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as stream:
        stream.write("half")
        raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    with atomic_open(target) as stream:
        stream.write("new")
    assert target.read_text() == "new"


def test_atomic_directory_swaps_whole_folder(tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "a.txt").write_text("old")

    with pytest.raises(RuntimeError), atomic_directory(folder) as staging:
        (staging / "a.txt").write_text("half")
        raise RuntimeError("crash")
    assert (folder / "a.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]

    with atomic_directory(folder) as staging:
        (staging / "b.txt").write_text("new")
    assert sorted(p.name for p in folder.iterdir()) == ["b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_outputs_get_the_usual_permissions(tmp_path):
    import os

    mask = os.umask(0o022)
    try:
        with atomic_open(tmp_path / "f.txt") as stream:
            stream.write("x")
        with atomic_directory(tmp_path / "d") as staging:
            (staging / "g.txt").write_text("y")
    finally:
        os.umask(mask)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o755
