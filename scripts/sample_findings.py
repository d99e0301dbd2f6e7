#!/usr/bin/env python3
"""Pick N findings at random, with a fixed seed, from `manaudit audit --format json` output.

Usage: scripts/sample_findings.py FINDINGS.json [-n 25] [--seed 4] [--table]
Prints one line per finding: page:line: [check] message
With --table, prints instead the count of findings per check and per arch: a
finding counts for each arch its message names as where the fact holds or
differs (the arches after "but not on" in a struct message are the
unremarkable rest and do not count).
"""
import argparse
import collections
import json
import random
import re
import sys


def arches_named(message, arches):
    """The arch ids a finding's message names, in the order of `arches`."""
    message = message.split(" but not on ")[0]
    return [a for a in arches if re.search(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", message)]


def print_table(doc):
    findings = doc["findings"]
    arches = doc.get("arches") or sorted({e["arch"] for x in findings for e in x.get("evidence", [])})
    per_check = collections.Counter(x["check"] for x in findings)
    pages = collections.defaultdict(set)
    for x in findings:
        pages[x["check"]].add(x["page"])
    width = max([len(c) for c in per_check] + [len("check")])
    print(f"{'check':{width}}  findings  pages")
    for check, count in sorted(per_check.items()):
        print(f"{check:{width}}  {count:8}  {len(pages[check]):5}")
    print(f"{'total':{width}}  {len(findings):8}  {len({x['page'] for x in findings}):5}")
    print()
    checks = sorted(per_check)
    short = [c.split("-")[0][:6] + "-" + c.split("-")[-1][:4] for c in checks]
    header = f"{'arch':12}" + "".join(f"{s:>13}" for s in short) + f"{'all':>7}"
    print(header)
    cells = collections.defaultdict(collections.Counter)
    for x in findings:
        for a in arches_named(x["message"], arches):
            cells[a][x["check"]] += 1
    for a in arches:
        row = cells[a]
        print(f"{a:12}" + "".join(f"{row[c]:13}" for c in checks) + f"{sum(row.values()):7}")
    print()
    print("columns: " + ", ".join(f"{s} = {c}" for s, c in zip(short, checks)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("findings", help="JSON written by manaudit audit --format json")
    parser.add_argument("-n", type=int, default=25, help="how many findings (default 25)")
    parser.add_argument("--seed", type=int, default=4, help="random seed (default 4)")
    parser.add_argument("--table", action="store_true", help="print findings per check and per arch instead")
    args = parser.parse_args()

    with open(args.findings, encoding="utf-8") as f:
        doc = json.load(f)
    if args.table:
        print_table(doc)
        return 0
    findings = doc["findings"]
    # Sort first so the sample depends only on the findings, not on their order.
    findings.sort(key=lambda x: (x["page"], x["line"], x["check"], x["subject"]))
    picked = random.Random(args.seed).sample(findings, min(args.n, len(findings)))
    for i, x in enumerate(picked, 1):
        print(f"{i:2}. {x['page']}:{x['line']}: [{x['check']}] {x['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
