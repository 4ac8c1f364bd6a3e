import csv, statistics, sys

with open(sys.argv[1]) as f:
    rows = list(csv.DictReader(f))
scores = [int(r["score"]) for r in rows]
print(f"rows: {len(rows)} mean: {statistics.mean(scores):.1f} best: {max(rows, key=lambda r: int(r['score']))['name']}")
