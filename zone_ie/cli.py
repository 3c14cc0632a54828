"""The ``zone-ie`` command: setup, extract, eval."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .io import InputError, Record, iter_records


def _add_segmenter(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--segmenter", choices=("auto", "char", "pkuseg"), default="auto",
        help="word segmenter (auto: pkuseg when installed, else char)",
    )


def cmd_setup(args: argparse.Namespace) -> int:
    from .setup_model import install_pkuseg_model

    path = install_pkuseg_model(force=args.force, sdist=Path(args.sdist) if args.sdist else None)
    print(f"pkuseg model ready in {path}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import load, make_doc
    from .result import doc_result

    nlp = load(segmenter=args.segmenter)
    errors: list[InputError] = []
    n = 0
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    try:
        for rec in iter_records(args.inputs):
            if isinstance(rec, InputError):
                errors.append(rec)
                print(f"error: {rec.source}: {rec.reason}", file=sys.stderr)
                continue
            try:
                doc = nlp(make_doc(nlp, rec.text, rec.doc_id, rec.date))
                out.write(doc_result(doc).to_jsonl() + "\n")
                n += 1
            except Exception as e:  # one bad document never stops the batch
                errors.append(InputError(rec.doc_id, rec.source, f"{type(e).__name__}: {e}"))
                print(f"error: {rec.source}: {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{n} documents extracted, {len(errors)} failed", file=sys.stderr)
    return 1 if errors else 0


def predict_records(records: Sequence[Record], segmenter: str) -> list[dict]:
    from .pipeline import load, make_doc
    from .result import doc_result

    nlp = load(segmenter=segmenter)
    return [doc_result(nlp(make_doc(nlp, r.text, r.doc_id, r.date))).to_json_dict() for r in records]


def cmd_eval(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate, load_jsonl
    from .report import print_table, read_texts, render_html

    gold = load_jsonl(args.gold)
    texts: dict[str, str] = {}
    if args.pred:
        preds = load_jsonl(args.pred)
        for d in args.docs:
            texts.update(read_texts(d))
    else:
        if not args.docs:
            print("error: give --pred PRED.jsonl or documents to run the pipeline on", file=sys.stderr)
            return 2
        records = [r for r in iter_records(args.docs) if isinstance(r, Record)]
        texts = {r.doc_id: r.text for r in records}
        preds = predict_records(records, args.segmenter)
    result = evaluate(gold, preds)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print_table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")
    if args.html:
        Path(args.html).write_text(render_html(result, gold, texts or None), encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zone-ie", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", help="download and convert the pkuseg model")
    p.add_argument("--force", action="store_true", help="reinstall even if present")
    p.add_argument("--sdist", help="use this local pkuseg-0.0.25.tar.gz instead of downloading")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("extract", help="extract SPEC JSONL from documents")
    p.add_argument("inputs", nargs="+", help=".txt files, directories, or .jsonl files")
    p.add_argument("-o", "--output", default="-", help="output JSONL (default: stdout)")
    _add_segmenter(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score predictions against gold (SPEC section 9)")
    p.add_argument("--gold", required=True)
    p.add_argument("--pred", help="predictions JSONL; otherwise run the pipeline on DOCS")
    p.add_argument("docs", nargs="*", help=".txt / .jsonl documents or directories "
                   "(with --pred: only read to show evidence text in the HTML report)")
    p.add_argument("--json", help="write the scores as JSON here")
    p.add_argument("--html", help="write an HTML report here")
    _add_segmenter(p)
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
