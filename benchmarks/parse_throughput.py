"""Throughput and peak memory of `moderator.sources.read_input` on large comment dumps.

Writes synthetic dumps of about SIZE_MB (default 50) MB to a temporary folder (CSV, cp1251 CSV,
JSONL, a JSON array) and parses each in a fresh subprocess, printing seconds, MB/s, the peak
resident memory, and that peak as a ratio of the file size (the dumps stream: the ratio stays
well below what holding the raw bytes, the decoded text and a parsed copy at once would need).
Also times the reference Caravanserai page. Usage: python benchmarks/parse_throughput.py [SIZE_MB]
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "comments" / "caravanserai-kazakhstan-eases-citizenship-for-ethnic-kazakhs.txt"
COMMENT = (
    "Why the hell are they needed at all? Native-born people don't think of them as people; "
    "Русские свиньи, убирайтесь домой! Понаехали, плодятся как тараканы)))"
)

MEASURE = """
import resource, sys, time
from moderator.sources import read_input
start = time.perf_counter()
parsed = read_input(sys.argv[1])
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(parsed.comments), seconds, peak_kib)
"""
BASELINE = (
    "import resource, moderator.sources, pandas; "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def write_dumps(folder, size_mb):
    rows = int(size_mb * 1024 * 1024 / (len(COMMENT.encode()) + 60))
    csv_text = "id,parent_id,author,posted_at,text\n" + "".join(
        f'{n},{n - 1 if n % 3 else ""},user{n % 997},2022-01-11 12:{n % 60:02d},"{COMMENT} {n}"\n'
        for n in range(rows)
    )
    (folder / "dump.csv").write_text(csv_text, encoding="utf-8")
    (folder / "dump-cp1251.csv").write_bytes(csv_text.encode("cp1251", "replace"))
    records = [
        {"id": n, "author": {"name": f"user{n % 997}"}, "message": COMMENT} for n in range(rows)
    ]
    (folder / "dump.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    (folder / "dump.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return ["dump.csv", "dump-cp1251.csv", "dump.jsonl", "dump.json"]


def measure(path):
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(output[0]), float(output[1]), int(output[2]) / 1024


def main():
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 50
    baseline = (
        int(subprocess.run([sys.executable, "-c", BASELINE], capture_output=True, text=True).stdout)
        / 1024
    )
    print(f"baseline (python + pandas + moderator.sources imported): {baseline:.0f} MiB")
    rows, seconds, peak = measure(SAMPLE)
    print(f"{SAMPLE.name}: {rows} comments in {seconds * 1000:.0f} ms, peak {peak:.0f} MiB")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print(
            f"{'file':18} {'MB':>6} {'rows':>8} {'s':>6} {'MB/s':>6} {'peak MiB':>9} "
            f"{'above baseline / file':>22}"
        )
        for name in write_dumps(folder, size_mb):
            megabytes = (folder / name).stat().st_size / 2**20
            rows, seconds, peak = measure(folder / name)
            ratio = (peak - baseline) / megabytes
            print(
                f"{name:18} {megabytes:6.1f} {rows:8d} {seconds:6.1f} {megabytes / seconds:6.1f} "
                f"{peak:9.0f} {ratio:22.2f}"
            )


if __name__ == "__main__":
    main()
