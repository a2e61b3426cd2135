"""`python -m reader polyphones evaluate|train`: the learned polyphone model, cross-validated and trained on CPP dev.

`evaluate` prints k-fold cross-validated accuracy on the CPP development split (strict and counted) of the engine with
the model, without it, g2pM alone (when installed) and plain pypinyin. `train` fits the model on the whole split and
writes the model file the app ships. The CPP test split is never read.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

DEFAULT_CPP = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "cpp"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the polyphones command's options."""
    parser.add_argument("action", choices=("evaluate", "train"), help="cross-validate, or train and write the model")
    parser.add_argument("--cpp", type=Path, default=DEFAULT_CPP,
                        help=f"folder of dev.sent/dev.lb (default {DEFAULT_CPP})")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (default 5)")
    parser.add_argument("--no-g2pm", action="store_true", help="leave g2pM's predictions out of the features")
    parser.add_argument("--out", type=Path, help="where `train` writes the model (default: the shipped model file)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Evaluate or train."""
    from reader.core.lang.polyphone_training import read_cpp
    from reader.core.lang.service import LanguageService

    examples = read_cpp(args.cpp)
    with tempfile.TemporaryDirectory(prefix="dubao-polyphones-") as folder:  # no user words or glossary of the user
        service = LanguageService(data_dir=Path(folder))
        return _act(args, service.engine, service.dictionary, examples)


def _act(args: argparse.Namespace, engine, dictionary, examples) -> int:
    from reader.core.lang.polyphone_model import model_path
    from reader.core.lang.polyphone_training import TrainingLayer, collect, cross_validate, plain_pypinyin, train

    layer = engine.polyphones = TrainingLayer(engine.words, dictionary, use_g2pm=not args.no_g2pm)
    started = time.perf_counter()
    if args.action == "train":
        model = train([item for item in collect(engine, layer, examples) if item is not None])
        model.meta.update({"data": "CPP dev split", "g2pm": layer.use_g2pm})
        out = args.out or model_path()
        model.save(out)
        figures = {"model": str(out), "weights": len(model.weights), "bytes": out.stat().st_size}
    else:
        figures = cross_validate(engine, layer, examples, args.folds)
        figures["plain pypinyin"] = plain_pypinyin(examples)
        figures["folds"] = args.folds
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    return 0
