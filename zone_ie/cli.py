"""The ``zone-ie`` command: setup, extract, eval, show."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .io import Record, iter_records


def _add_segmenter(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--segmenter", choices=("char", "pkuseg", "auto"), default="char",
        help="word segmenter (default char: fast, same facts; pkuseg only on request; "
             "auto: pkuseg when installed, else char)",
    )


def cmd_setup(args: argparse.Namespace) -> int:
    from .setup_model import install_pkuseg_model

    path = install_pkuseg_model(force=args.force, sdist=Path(args.sdist) if args.sdist else None)
    print(f"pkuseg model ready in {path}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .batch import run_extract

    if args.resume and not (args.db or (args.output and args.output != "-")):
        print("error: --resume needs --db or an -o file to resume from", file=sys.stderr)
        return 2
    summary = run_extract(
        args.inputs,
        segmenter=args.segmenter,
        output=args.output,
        db=args.db,
        errors=args.errors,
        resume=args.resume,
        replace=args.replace,
        n_process=args.n_process,
        batch_size=args.batch_size,
        chunk_chars=args.chunk_chars or None,
        max_chars=args.max_chars or None,
        progress=not args.quiet,
    )
    for line in summary.lines():
        print(line, file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


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


def _add_extract_arguments(p: argparse.ArgumentParser) -> None:
    from .batch import DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_CHARS, DEFAULT_MAX_CHARS

    p.add_argument("inputs", nargs="+",
                   help=".txt files, directories, glob patterns ('corpus/**/*.txt'), .jsonl files, "
                        "or - for a JSONL stream on stdin")
    p.add_argument("-o", "--output", default=None,
                   help="output SPEC JSONL (default: stdout, unless --db is given)")
    p.add_argument("--db", help="SQLite fact store to write (created if missing; idempotent by doc_id)")
    p.add_argument("--errors", help="errors JSONL {doc_id, source, reason, severity: error|warning} "
                   "(default: OUTPUT.errors.jsonl, else DB.errors.jsonl, next to it)")
    p.add_argument("--resume", action="store_true",
                   help="skip documents already stored (same doc_id and content hash in --db, "
                        "else doc_id in -o) and append")
    p.add_argument("--replace", action="store_true",
                   help="replace documents that --db holds under the same doc_id with other content "
                        "(without it they are refused with an error)")
    p.add_argument("--n-process", type=int, default=1, metavar="N",
                   help="worker processes for nlp.pipe (default 1)")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="documents per nlp.pipe batch")
    p.add_argument("--chunk-chars", type=int, default=DEFAULT_CHUNK_CHARS,
                   help="cut longer documents at paragraph breaks into chunks of at most this many "
                        "characters (0: never)")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="documents longer than this are recorded as errors, unread (0: no limit)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_segmenter(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zone-ie", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", help="download and convert the pkuseg model")
    p.add_argument("--force", action="store_true", help="reinstall even if present")
    p.add_argument("--sdist", help="use this local pkuseg-0.0.25.tar.gz instead of downloading")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("extract", help="extract SPEC JSONL / a SQLite fact store from documents")
    _add_extract_arguments(p)
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

    from .show import add_show_parser

    add_show_parser(sub)
    from .kb.cli import add_kb_parser

    add_kb_parser(sub)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
