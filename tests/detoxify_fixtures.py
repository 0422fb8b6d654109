"""Tiny detoxify checkpoints for tests: a small BERT, a vocabulary made here, random weights,
saved in detoxify's checkpoint format ({"config": {...}, "state_dict": ...}).

Every word of WORDS is one token, so a text of N known words is exactly N tokens (N + 2 with
[CLS] and [SEP]). MAX_TOKENS is the models' input limit.
"""

import json
from pathlib import Path

# The Jigsaw class names each detoxify model kind was trained with, as its checkpoint lists them.
ORIGINAL_CLASSES = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
UNBIASED_CLASSES = [
    "toxicity",
    "severe_toxicity",
    "obscene",
    "identity_attack",
    "insult",
    "threat",
    "sexual_explicit",
    "male",
    "female",
    "homosexual_gay_or_lesbian",
    "christian",
    "jewish",
    "muslim",
    "black",
    "white",
    "psychiatric_or_mental_illness",
]
CLASSES = {
    "original": ORIGINAL_CLASSES,
    "unbiased": UNBIASED_CLASSES,
    "multilingual": UNBIASED_CLASSES,
    "original-small": ORIGINAL_CLASSES,
    "unbiased-small": UNBIASED_CLASSES,
}
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = (  # noqa: SIM905 (a list literal of 51 words would be far less readable)
    "you are the a is and of to people they go home back all these those stupid idiot "
    "monkeys swine vermin cockroaches evil good nice kind welcome friends hate love "
    "russians kazakhs chinese returnees neighbours country city news article comment "
    "русские свиньи обезьяны уходите домой хорошие люди les chinois sont mechants"
).split()
MAX_TOKENS = 64


def make_hf_config(folder, num_labels=6):
    """A Hugging Face config and tokenizer folder for the tiny BERT (like --hf-config DIR).

    detoxify builds the model from this config as it is, so it must count the checkpoint's
    classes for `Detoxify(...)` to load; moderator sets the count from the checkpoint.
    """
    import transformers

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(SPECIAL + WORDS) + "\n", encoding="utf-8")
    config = transformers.BertConfig(
        vocab_size=len(SPECIAL) + len(WORDS),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=MAX_TOKENS,
        num_labels=num_labels,
    )
    config.save_pretrained(folder)
    tokenizer = transformers.BertTokenizer(str(folder / "vocab.txt"))
    tokenizer.model_max_length = MAX_TOKENS
    tokenizer.save_pretrained(folder)
    return folder


def make_roberta_hf_config(folder, num_labels=16):
    """A config and byte-level BPE tokenizer folder for a tiny RoBERTa (detoxify `unbiased`'s
    architecture). Without merges every byte is one token."""
    import transformers

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for char in _byte_level_alphabet():
        vocab.setdefault(char, len(vocab))
    vocab["<mask>"] = len(vocab)
    tokenizer = transformers.RobertaTokenizer(vocab=vocab, merges=[])
    tokenizer.model_max_length = MAX_TOKENS
    tokenizer.save_pretrained(folder)
    transformers.RobertaConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=MAX_TOKENS + 2,  # RoBERTa numbers positions after padding_idx
        pad_token_id=1,
        type_vocab_size=1,
        num_labels=num_labels,
    ).save_pretrained(folder)
    return folder


def _byte_level_alphabet():
    """The 256 characters byte-level BPE (GPT-2, RoBERTa) uses for the 256 byte values."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1)]
    printable += range(ord("®"), ord("ÿ") + 1)
    extra = [256 + i for i in range(256 - len(printable))]
    return [chr(code) for code in printable] + [chr(code) for code in extra]


def make_checkpoint(path, hf_config, kind="original", model_type="bert-base-uncased", seed=0):
    """A detoxify-format checkpoint of the tiny model of `hf_config` (BERT or RoBERTa) with
    `kind`'s classes and random weights.

    `model_type` is what the checkpoint names as its Hugging Face model: a hub name, as in real
    detoxify checkpoints, or a local folder (which detoxify itself can then load offline).
    """
    import torch
    import transformers

    classes = CLASSES[kind]
    model_type_of_config = json.loads((Path(hf_config) / "config.json").read_text())["model_type"]
    architecture = {"bert": "Bert", "roberta": "Roberta"}[model_type_of_config]
    config_class = getattr(transformers, f"{architecture}Config")
    # Wide random weights, so that different texts get clearly different scores.
    config = config_class.from_pretrained(
        str(hf_config), num_labels=len(classes), initializer_range=0.5
    )
    torch.manual_seed(seed)
    model = getattr(transformers, f"{architecture}ForSequenceClassification")(config)
    checkpoint = {
        "config": {
            "arch": {
                "args": {
                    "model_type": str(model_type),
                    "model_name": f"{architecture}ForSequenceClassification",
                    "tokenizer_name": f"{architecture}Tokenizer",
                    "num_classes": len(classes),
                }
            },
            "dataset": {"args": {"classes": list(classes)}},
        },
        "state_dict": model.state_dict(),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, path)
    return path


def words(count, start=0):
    """A text of exactly `count` tokens."""
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count))
