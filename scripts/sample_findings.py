#!/usr/bin/env python3
"""Pick N findings at random, with a fixed seed, from `manaudit audit --format json` output.

Usage: scripts/sample_findings.py FINDINGS.json [-n 25] [--seed 4]
Prints one line per finding: page:line: [check] message
"""
import argparse
import json
import random
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("findings", help="JSON written by manaudit audit --format json")
    parser.add_argument("-n", type=int, default=25, help="how many findings (default 25)")
    parser.add_argument("--seed", type=int, default=4, help="random seed (default 4)")
    args = parser.parse_args()

    with open(args.findings, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    # Sort first so the sample depends only on the findings, not on their order.
    findings.sort(key=lambda x: (x["page"], x["line"], x["check"], x["subject"]))
    picked = random.Random(args.seed).sample(findings, min(args.n, len(findings)))
    for i, x in enumerate(picked, 1):
        print(f"{i:2}. {x['page']}:{x['line']}: [{x['check']}] {x['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
