"""moderator-lite load time and throughput on one core.

    taskset -c 0 python benchmarks/shipped_speed.py [--comments 20000]

Scores a mix of real-length English and Russian comments (the Caravanserai reference comments
and sentences built from them, repeated) and prints load seconds, comments per second and the
ratio to the targets (load < 1 s, >= 5,000 comments/s on one core).
"""

import argparse
import os
import time

LOAD_TARGET_SECONDS = 1.0
THROUGHPUT_TARGET = 5000

SAMPLES = (
    "Kazakhs, Russians, don't argue. The Chinese will do all of you. They abuse the local "
    "Russians in Siberia. These scoundrels will fuck you over. So come together",
    "It is simply necessary to introduce a Kazakh ID card as soon as possible. It's going to be "
    "easier to get documents and citizenship then.",
    "What do Russian monkeys have to do with it? )))",
    "I support this decision. It's a very good, correct one.",
    "Кандасы плодятся как тараканы, а работать никто не хочет, только пособия получают.",
    "Спасибо за статью, очень интересно было узнать про программу переселения.",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=20000)
    args = parser.parse_args()
    if hasattr(os, "sched_getaffinity"):
        print(f"cores available to this process: {len(os.sched_getaffinity(0))}")

    started = time.perf_counter()
    from moderator.scoring.shipped import load_shipped_model

    model = load_shipped_model()
    load_seconds = time.perf_counter() - started
    texts = [SAMPLES[i % len(SAMPLES)] + f" #{i}" for i in range(args.comments)]
    languages = ["ru" if "а" in t else "en" for t in texts]
    model.score(texts[:100], languages[:100])  # warm-up

    started = time.perf_counter()
    model.score(texts, languages)
    score_seconds = time.perf_counter() - started
    rate = len(texts) / score_seconds

    flagged = texts[:1000]
    started = time.perf_counter()
    model.explain(flagged, languages[:1000])
    explain_rate = len(flagged) / (time.perf_counter() - started)

    mean_length = sum(map(len, texts)) / len(texts)
    print(f"model: {model.name} {model.version}")
    print(
        f"load: {load_seconds:.3f} s (target < {LOAD_TARGET_SECONDS} s, ratio "
        f"{load_seconds / LOAD_TARGET_SECONDS:.2f})"
    )
    print(
        f"score: {len(texts)} comments (mean {mean_length:.0f} chars) in {score_seconds:.2f} s "
        f"= {rate:,.0f} comments/s (target {THROUGHPUT_TARGET:,}, ratio "
        f"{rate / THROUGHPUT_TARGET:.1f}x)"
    )
    print(f"explain: {explain_rate:,.0f} comments/s")


if __name__ == "__main__":
    main()
