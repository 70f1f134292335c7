#!/usr/bin/env python3
"""Regenerates the reference files of pipelines/reference/ from the public code lists.

    python3 pipelines/reference/make_reference.py [--shared DIR]

DIR is the shared data folder (default: ../shared/data beside the repository), holding reference/ (see its
SOURCES.md: the HS nomenclature in every edition, the UNSD/WCO correlation tables between consecutive
editions, INEGI's municipalities, SCIAN 2018) and real/faostat/item.csv (FAOSTAT's item definitions).
It writes, next to this script:

  hs_products.csv.gz     every HS code (2, 4, 6 digits) of every edition: hs_vintage,code,description
  hs_concordance.csv.gz  the UNSD/WCO correlation tables of consecutive editions chained through the editions in
                         between (HS92 -> HS96 -> ... -> HS22), for every pair of editions, older first (the
                         pipeline adds the reverse): from_vintage,from_code,to_vintage,to_code,relationship
                         (1:1, 1:n, n:1, n:n read from:to); a code linked to itself alone (unchanged) has no row
  mx_geo.csv             INEGI's 32 states and every municipality: inegi_key,level,name,state_key
  scian.csv              SCIAN 2018 at every level: code,title_es,parent_code,note
  fao_items.csv          FAOSTAT's item definitions, one row per item code (the first listed), in FAOSTAT's layout

A new HS edition, a new Marco Geoestadístico or a new FAOSTAT item list is one re-run. Only parses and reshapes:
no code or title is typed here. Deterministic (gzip without timestamps): running it twice gives identical bytes.
Standard library only.
"""
import argparse, csv, gzip, io, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
VINTAGES = ["HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22"]


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write(name, header, rows, compress=False, bom=False, quote_all=False):
    buffer = io.StringIO(newline="")
    if bom:
        buffer.write("\ufeff")
    w = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    path = os.path.join(HERE, name)
    if compress:
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
            z.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    print(f"{name}: {len(rows)} rows, {os.path.getsize(path)} bytes")


def hs(reference):
    order = {v: i for i, v in enumerate(VINTAGES)}
    products = read(os.path.join(reference, "hs_nomenclature.csv"))
    rows = sorted(((p["hs_vintage"], p["code"], p["description"]) for p in products), key=lambda r: (order[r[0]], r[1]))
    write("hs_products.csv.gz", ["hs_vintage", "code", "description"], rows, compress=True)

    pairs = read(os.path.join(reference, "hs_concordance.csv"))
    following = {}  # (edition, code) -> codes of the next edition
    for p in pairs:
        if order[p["to_vintage"]] != order[p["from_vintage"]] + 1:
            sys.exit(f"not a pair of consecutive editions: {p}")
        following.setdefault((p["from_vintage"], p["from_code"]), set()).add(p["to_code"])
    # Chains through every edition in between: HS92 030212 -> HS96 030212 -> ... -> HS12 030213.
    chains = []
    for i, start in enumerate(VINTAGES[:-1]):
        reached = {code: {code} for (vintage, code) in following if vintage == start}
        for j in range(i + 1, len(VINTAGES)):
            reached = {code: {t for c in codes for t in following.get((VINTAGES[j - 1], c), ())} for code, codes in reached.items()}
            reached = {code: codes for code, codes in reached.items() if codes}
            chains += [(start, code, VINTAGES[j], t) for code, codes in reached.items() for t in codes]
    # Both directions, with the relationship read from:to (how many codes each side links to the other's code).
    both = chains + [(c, d, a, b) for a, b, c, d in chains]
    targets, sources = {}, {}
    for a, b, c, d in both:
        targets[(a, b, c)] = targets.get((a, b, c), 0) + 1
        sources[(c, d, a)] = sources.get((c, d, a), 0) + 1
    rows = []
    for a, b, c, d in both:
        n_from, n_to = sources[(c, d, a)], targets[(a, b, c)]
        if n_from == 1 and n_to == 1 and b == d:
            continue  # unchanged between the two editions: no row
        if order[a] > order[c]:
            continue  # newer -> older rows are the older -> newer ones reversed: the pipeline adds them
        rows.append((a, b, c, d, ("1" if n_from == 1 else "n") + ":" + ("1" if n_to == 1 else "n")))
    rows.sort(key=lambda r: (order[r[0]], r[1], order[r[2]], r[3]))
    write("hs_concordance.csv.gz", ["from_vintage", "from_code", "to_vintage", "to_code", "relationship"], rows, compress=True)


def mexico(reference):
    municipalities = read(os.path.join(reference, "mx_municipios_inegi.csv"))
    states = sorted({(m["cve_ent"], m["nom_ent"]) for m in municipalities})
    if len({s[0] for s in states}) != len(states):
        sys.exit("a state key with two names")
    rows = [(key, "state", name, key) for key, name in states]
    rows += sorted(((m["cvegeo"], "municipality", m["nom_mun"], m["cve_ent"]) for m in municipalities))
    write("mx_geo.csv", ["inegi_key", "level", "name", "state_key"], rows)

    scian = read(os.path.join(reference, "scian_2018.csv"))
    write("scian.csv", ["code", "title_es", "parent_code", "note"], [(s["code"], s["title"], s["parent"], "") for s in scian])


def fao_items(real):
    path = os.path.join(real, "faostat", "item.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        item = header.index("Item Code")
        seen, rows = set(), []
        for r in reader:
            if r[item] in seen:
                continue  # FAOSTAT lists an item once per domain; the pipeline reads the first
            seen.add(r[item])
            rows.append(r)
    write("fao_items.csv", header, rows, bom=True, quote_all=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared", "data"),
                        help="the shared data folder holding reference/ and real/faostat/item.csv")
    args = parser.parse_args()
    reference = os.path.join(args.shared, "reference")
    if not os.path.isdir(reference):
        sys.exit(f"{reference} not found: pass --shared DIR")
    hs(reference)
    mexico(reference)
    fao_items(os.path.join(args.shared, "real"))


if __name__ == "__main__":
    main()
