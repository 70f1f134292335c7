#!/usr/bin/env python3
"""Writes the SAMPLE FAOSTAT files bundled with ClusterEtl (invented figures, FAOSTAT's real layouts).

Run from this folder: python3 make_sample.py. Deterministic: the same bytes every time (fixed zip dates and order).

- Production_Crops_Livestock_E_All_Data_(Normalized).zip  QCL bulk zip, UTF-8: the normalized CSV, the wide CSV
  and the NOFLAG copy of the same data, and the flags, area, item and element sidecars.
- Prices_E_All_Data_(Normalized).zip                      PP bulk zip, Latin-1 (Côte d'Ivoire): normalized CSV with
  Months Code/Months (annual 7021 and, for one series, the twelve months 7001-7012), flags and area sidecars.
- FAOSTAT_data_en_11-22-2025.csv                          TCL web download: UTF-8 with BOM, every field quoted.
"""
import io
import zipfile

YEARS = [1999, 2000, 2001, 2002, 2003]

# FAO area code, M49, name (as FAOSTAT writes them).
AREAS = {
    "ARG": (9, "032", "Argentina"), "URY": (234, "858", "Uruguay"), "CHL": (40, "152", "Chile"),
    "COL": (44, "170", "Colombia"), "NIC": (157, "558", "Nicaragua"), "NZL": (156, "554", "New Zealand"),
    "BRA": (21, "076", "Brazil"), "DOM": (56, "214", "Dominican Republic"), "MEX": (138, "484", "Mexico"),
    "CIV": (107, "384", "Côte d'Ivoire"), "CHN41": (41, "156", "China, mainland"), "TWN": (214, "158", "China, Taiwan Province of"),
    "CHN351": (351, "159", "China"), "WLD": (5000, "001", "World"),
}
# FAO item code, CPC, name.
ITEMS = {
    882: ("02211", "Raw milk of cattle"), 571: ("01316", "Mangoes, guavas and mangosteens"),
    572: ("01311", "Avocados"), 656: ("01610", "Coffee, green"),
}

# ---------------------------------------------------------------- QCL: production (t) per area and item, 1999-2003.
# Milk: production t and yield kg per animal (animals = production / yield, rounded; FAOSTAT yield in hg/An, element 5420).
MILK = {  # area: ([production t per year], [yield kg/An per year], flag)
    "ARG": ([9_800_000, 9_794_000, 9_500_000, 8_529_000, 7_951_000], [3_990, 4_050, 4_100, 4_080, 4_150], "A"),  # 9.8 Mt (1999), 3,990 kg/cow
    "URY": ([1_500_000, 1_419_000, 1_500_000, 1_520_000, 1_480_000], [2_560, 2_520, 2_610, 2_650, 2_600], "A"),  # 1.5 Mt (1999)
    "CHL": ([2_050_000, 2_010_000, 2_190_000, 2_170_000, 2_130_000], [3_300, 3_320, 3_450, 3_470, 3_500], "A"),
    "COL": ([5_500_000, 5_680_000, 5_800_000, 5_830_000, 6_040_000], [1_020, 1_030, 1_045, 1_050, 1_060], "E"),  # 1,020 kg/cow
    "NIC": ([220_000, 231_000, 246_000, 255_000, 262_000], [1_000, 1_010, 1_030, 1_040, 1_050], "E"),  # 63.2 M gallons (2001)
    "NZL": ([10_882_000, 12_235_000, 13_162_000, 13_925_000, 14_346_000], [3_480, 3_610, 3_680, 3_780, 3_750], "A"),
}
MILK_WORLD = [482_000_000, 488_000_000, 495_000_000, 505_000_000, 512_000_000]
# Crops: production t and area harvested ha (yield kg/ha = production / area, rounded).
CROPS = {
    571: {  # mango
        "BRA": ([472_000, 538_000, 782_000, 842_000, 925_000], [62_000, 67_000, 68_000, 67_500, 68_000], "A"),
        "DOM": ([3_000, 3_200, 3_500, 3_800, 4_000], [1_000, 1_050, 1_100, 1_150, 1_200], "E"),  # 4,000 t (2003)
        "MEX": ([1_508_000, 1_559_000, 1_577_000, 1_523_000, 1_503_000], [162_000, 164_000, 165_000, 167_000, 168_000], "A"),
        "CHN41": ([3_300_000, 3_211_000, 3_273_000, 3_512_000, 3_610_000], [380_000, 390_000, 400_000, 410_000, 420_000], "E"),
        "TWN": ([180_000, 171_000, 184_000, 189_000, 172_000], [20_000, 19_500, 19_800, 19_900, 19_700], "A"),
    },
    572: {  # avocado
        "MEX": ([877_000, 907_000, 940_000, 901_000, 904_000], [94_000, 95_000, 96_000, 96_500, 97_000], "A"),
        "CHL": ([100_000, 110_000, 140_000, 160_000, 160_000], [20_000, 21_500, 23_000, 24_500, 26_000], "A"),
        "DOM": ([165_000, 175_000, 180_000, 185_000, 190_000], [10_000, 10_200, 10_300, 10_400, 10_500], "E"),
        "COL": ([125_000, 130_000, 138_000, 142_000, 148_000], [12_000, 12_500, 13_000, 13_500, 14_000], "E"),
    },
    656: {  # coffee, green
        "COL": ([546_000, 637_000, 656_000, 697_000, 694_000], [870_000, 860_000, 850_000, 845_000, 840_000], "A"),
        "BRA": ([1_633_000, 1_904_000, 1_820_000, 2_650_000, 1_987_000], [2_220_000, 2_270_000, 2_280_000, 2_370_000, 2_400_000], "A"),
        "CIV": ([380_000, 301_000, 208_000, 176_000, 140_000], [1_500_000, 1_400_000, 1_300_000, 1_200_000, 1_100_000], "X"),
        "MEX": ([296_000, 338_000, 303_000, 313_000, 311_000], [700_000, 701_000, 702_000, 703_000, 704_000], "A"),
    },
}
WORLD_CROPS = {571: [23_900_000, 24_800_000, 25_600_000, 26_700_000, 27_100_000],
               572: [2_550_000, 2_650_000, 2_730_000, 2_820_000, 3_050_000],
               656: [6_600_000, 7_400_000, 7_400_000, 7_800_000, 7_300_000]}


def qcl_rows():
    """(area key, item, element code, element, unit, year, value, flag, note) in FAOSTAT's order: area, item, element, year."""
    rows = []
    order = ["ARG", "BRA", "CHL", "CHN41", "TWN", "COL", "CIV", "DOM", "MEX", "NZL", "NIC", "URY", "CHN351", "WLD"]
    for area in order:
        for item in (571, 572, 656, 882):
            if item == 882:
                if area == "WLD":
                    rows += [(area, item, 5510, "Production", "t", y, MILK_WORLD[i], "A", "") for i, y in enumerate(YEARS)]
                if area not in MILK:
                    continue
                prod, yld, flag = MILK[area]
                animals = [round(p * 1000 / k) for p, k in zip(prod, yld)]
                rows += [(area, item, 5318, "Milk Animals", "An", y, animals[i], flag, "") for i, y in enumerate(YEARS)]
                # Yield in hg/An (older releases' unit, converted to kg/An by the loader): 10 x kg/An.
                rows += [(area, item, 5420, "Yield", "hg/An", y, round(prod[i] * 10_000 / animals[i]), "E", "") for i, y in enumerate(YEARS)]
                rows += [(area, item, 5510, "Production", "t", y, prod[i], flag, "") for i, y in enumerate(YEARS)]
                continue
            if area == "CHN351" and item == 571:
                # FAO's "China" = mainland + Taiwan (+ Hong Kong and Macao, none here): an aggregate, never added to its parts.
                prod = [a + b for a, b in zip(CROPS[571]["CHN41"][0], CROPS[571]["TWN"][0])]
                rows += [(area, item, 5510, "Production", "t", y, prod[i], "A", "") for i, y in enumerate(YEARS)]
                continue
            if area == "WLD" and item in WORLD_CROPS:
                rows += [(area, item, 5510, "Production", "t", y, WORLD_CROPS[item][i], "A", "") for i, y in enumerate(YEARS)]
                continue
            if area not in CROPS.get(item, {}):
                continue
            prod, ha, flag = CROPS[item][area]
            rows += [(area, item, 5312, "Area harvested", "ha", y, ha[i], flag, "") for i, y in enumerate(YEARS)]
            rows += [(area, item, 5412, "Yield", "kg/ha", y, round(prod[i] * 1000 / ha[i]), "E", "") for i, y in enumerate(YEARS)]
            rows += [(area, item, 5510, "Production", "t", y, prod[i], flag, "") for i, y in enumerate(YEARS)]
    return rows


def q(s):
    return '"' + s.replace('"', '""') + '"'


def qa(code):
    """A code as bulk files write it: quoted, with a leading apostrophe that keeps its leading zeros in spreadsheets."""
    return q("'" + code)


def qcl_normalized(rows):
    out = ['"Area Code","Area Code (M49)","Area","Item Code","Item Code (CPC)","Item","Element Code","Element","Year Code","Year","Unit","Value","Flag","Note"']
    for (area, item, el, eln, unit, y, v, flag, note) in rows:
        code, m49, name = AREAS[area]
        cpc, iname = ITEMS[item]
        out.append(f'{code},{qa(m49)},{q(name)},{item},{qa(cpc)},{q(iname)},{el},{q(eln)},{y},{y},{q(unit)},{v},{q(flag)},{q(note)}')
        if (area, item, el, y) == ("URY", 882, 5510, 2001):
            out.append(out[-1])  # an exact duplicate line, as old releases have: dropped and counted by the loader
    return "\r\n".join(out) + "\r\n"


def qcl_wide(rows, flags=True):
    years = list(range(1961, 2004))
    head = ['"Area Code"', '"Area Code (M49)"', '"Area"', '"Item Code"', '"Item"', '"Element Code"', '"Element"', '"Unit"']
    for y in years:
        head.append(q(f"Y{y}"))
        if flags:
            head.append(q(f"Y{y}F"))
    series = {}
    for (area, item, el, eln, unit, y, v, flag, note) in rows:
        series.setdefault((area, item, el, eln, unit), {})[y] = (v, flag)
    out = [",".join(head)]
    for (area, item, el, eln, unit), values in series.items():
        code, m49, name = AREAS[area]
        cells = [str(code), qa(m49), q(name), str(item), q(ITEMS[item][1]), str(el), q(eln), q(unit)]
        for y in years:
            v, flag = values.get(y, (None, None))
            cells.append("" if v is None else str(v))
            if flags:
                cells.append("" if v is None else q(flag))
        out.append(",".join(cells))
    return "\r\n".join(out) + "\r\n"


FLAGS = [("A", "Official figure"), ("E", "Estimated value"), ("I", "Imputed value"), ("M", "Missing value (data cannot exist, not applicable)"),
         ("P", "Provisional value"), ("T", "Unofficial figure"), ("X", "Figure from international organizations")]


def flags_csv():
    return '"Flag","Description"\r\n' + "".join(f"{q(f)},{q(d)}\r\n" for f, d in FLAGS)


def area_codes(keys):
    return '"Area Code","Area Code (M49)","Area"\r\n' + "".join(
        f'{AREAS[k][0]},{qa(AREAS[k][1])},{q(AREAS[k][2])}\r\n' for k in keys)


# ---------------------------------------------------------------- PP: producer prices (USD/t, LCU/t), annual; one monthly series.
LCU_PER_USD = {  # approximate annual average exchange rates
    "URY": [11.34, 12.10, 13.32, 21.26, 28.21], "ARG": [1.0, 1.0, 1.0, 3.06, 2.90], "CHL": [508.8, 535.5, 634.9, 688.9, 691.4],
    "COL": [1756.2, 2087.9, 2299.8, 2504.2, 2877.7], "BRA": [1.81, 1.83, 2.35, 2.92, 3.08], "MEX": [9.56, 9.46, 9.34, 9.66, 10.79],
    "CIV": [615.7, 712.0, 733.0, 697.0, 581.2],
}
PRICES = {  # (area, item): USD/t per year
    ("URY", 882): [170, 160, 165, 110, 105],   # about 0.17 USD/l
    ("ARG", 882): [160, 150, 148, 90, 110],
    ("CHL", 882): [190, 180, 165, 150, 155],   # falling in real terms
    ("COL", 882): [330, 320, 300, 280, 270],   # about 0.33 USD/l
    ("BRA", 571): [260, 240, 230, 210, 220],
    ("MEX", 571): [300, 290, 310, 280, 270],
    ("MEX", 572): [700, 760, 820, 780, 750],
    ("COL", 656): [1770, 1590, 1270, 1200, 1280],
    ("BRA", 656): [1500, 1320, 880, 820, 960],
    ("CIV", 656): [1100, 690, 420, 520, 560],
}
MONTHLY = ("URY", 882, 2001, [150, 152, 158, 162, 168, 172, 175, 176, 174, 170, 162, 161])  # mean 165


def pp_normalized():
    out = ['"Area Code","Area Code (M49)","Area","Item Code","Item Code (CPC)","Item","Element Code","Element","Year Code","Year","Months Code","Months","Unit","Value","Flag","Note"']

    def line(area, item, el, eln, unit, y, mcode, mname, v, flag):
        code, m49, name = AREAS[area]
        cpc, iname = ITEMS[item]
        value = f"{v:.1f}" if isinstance(v, float) else str(v)
        out.append(f'{code},{qa(m49)},{q(name)},{item},{qa(cpc)},{q(iname)},{el},{q(eln)},{y},{y},{mcode},{q(mname)},{q(unit)},{value},{q(flag)},""')

    for (area, item), usd in sorted(PRICES.items(), key=lambda kv: (AREAS[kv[0][0]][2], kv[0][1])):
        for i, y in enumerate(YEARS):
            line(area, item, 5530, "Producer Price (LCU/tonne)", "LCU", y, 7021, "Annual value", round(usd[i] * LCU_PER_USD[area][i], 1), "A")
        for i, y in enumerate(YEARS):
            line(area, item, 5532, "Producer Price (USD/tonne)", "USD", y, 7021, "Annual value", usd[i], "A")
            if (area, item, y) == MONTHLY[:3]:
                months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
                for m, v in enumerate(MONTHLY[3]):
                    line(area, item, 5532, "Producer Price (USD/tonne)", "USD", y, 7001 + m, months[m], v, "A")
    return "\r\n".join(out) + "\r\n"


# ---------------------------------------------------------------- TCL web download: exports and imports, quantity t, value 1000 USD.
TRADE = {  # (area, item): (export t, export 1000 USD, import t, import 1000 USD) per year
    ("BRA", 571): ([53_765, 67_172, 94_291, 103_598, 138_189], [32_000, 36_000, 50_000, 51_000, 75_800], [0, 12, 5, 0, 3], [0, 9, 4, 0, 2]),
    ("DOM", 571): ([310, 0, 420, 640, 900], [150, 0, 210, 320, 460], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    ("MEX", 571): ([208_000, 195_000, 195_000, 213_000, 216_000], [117_000, 121_000, 115_000, 127_000, 130_000], [50, 40, 60, 30, 20], [30, 25, 35, 20, 12]),
    ("MEX", 572): ([72_000, 88_000, 100_000, 123_000, 160_000], [60_000, 75_000, 85_000, 100_000, 138_000], [3_000, 4_500, 5_000, 6_000, 2_000], [2_200, 3_100, 3_600, 4_200, 1_500]),
    ("COL", 656): ([571_000, 506_000, 562_000, 617_000, 581_000], [1_323_000, 1_069_000, 764_000, 772_000, 806_000], [10, 300, 800, 2_000, 3_500], [20, 500, 1_100, 2_600, 4_700]),
    ("URY", 882): ([1_200, 900, 1_100, 2_500, 3_000], [300, 230, 260, 420, 510], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    ("ARG", 882): ([3_500, 4_000, 3_800, 6_000, 7_000], [800, 900, 850, 950, 1_150], [100, 80, 60, 0, 0], [30, 25, 20, 0, 0]),
}
ELEMENTS = [(5910, "Export quantity", "t"), (5922, "Export value", "1000 USD"), (5610, "Import quantity", "t"), (5622, "Import value", "1000 USD")]


def tcl_web():
    out = ["\ufeffDomain Code,Domain,Area Code (M49),Area,Element Code,Element,Item Code (CPC),Item,Year Code,Year,Unit,Value,Flag,Flag Description,Note"]
    for (area, item), series in sorted(TRADE.items(), key=lambda kv: (AREAS[kv[0][0]][2], ITEMS[kv[0][1]][1])):
        code, m49, name = AREAS[area]
        cpc, iname = ITEMS[item]
        for (el, eln, unit), values in zip(ELEMENTS, series):
            for i, y in enumerate(YEARS):
                flag, desc = ("I", "Imputed value") if (area == "DOM" and el in (5910, 5922)) else ("A", "Official figure")
                cells = ["TCL", "Crops and livestock products", m49, name, str(el), eln, cpc, iname, str(y), str(y), unit, str(values[i]), flag, desc, ""]
                out.append(",".join(q(c) for c in cells))
    return "\n".join(out) + "\n"  # LF, as FAOSTAT's web downloads


def write_zip(path, entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 11, 22, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def main():
    rows = qcl_rows()
    stem = "Production_Crops_Livestock_E"
    qcl_areas = ["ARG", "BRA", "CHL", "CHN41", "TWN", "COL", "CIV", "DOM", "MEX", "NZL", "NIC", "URY", "CHN351", "WLD"]
    write_zip(f"{stem}_All_Data_(Normalized).zip", [
        (f"{stem}_All_Data_(Normalized).csv", qcl_normalized(rows).encode("utf-8")),
        (f"{stem}_All_Data.csv", qcl_wide(rows).encode("utf-8")),
        (f"{stem}_All_Data_NOFLAG.csv", qcl_wide(rows, flags=False).encode("utf-8")),
        (f"{stem}_AreaCodes.csv", area_codes(qcl_areas).encode("utf-8")),
        (f"{stem}_Elements.csv", ('"Element Code","Element"\r\n5312,"Area harvested"\r\n5318,"Milk Animals"\r\n5412,"Yield"\r\n'
                                  '5420,"Yield"\r\n5510,"Production"\r\n').encode("utf-8")),
        (f"{stem}_Flags.csv", flags_csv().encode("utf-8")),
        (f"{stem}_ItemCodes.csv", ('"Item Code","Item Code (CPC)","Item"\r\n' + "".join(
            f'{k},{qa(v[0])},{q(v[1])}\r\n' for k, v in sorted(ITEMS.items()))).encode("utf-8")),
    ])
    pp_areas = ["ARG", "BRA", "CHL", "COL", "CIV", "MEX", "URY"]
    write_zip("Prices_E_All_Data_(Normalized).zip", [
        ("Prices_E_All_Data_(Normalized).csv", pp_normalized().encode("latin-1")),
        ("Prices_E_AreaCodes.csv", area_codes(pp_areas).encode("latin-1")),
        ("Prices_E_Flags.csv", flags_csv().encode("latin-1")),
    ])
    with open("FAOSTAT_data_en_11-22-2025.csv", "wb") as f:
        f.write(tcl_web().encode("utf-8"))

    # Summary for the README and the tests.
    print(f"QCL: {len(rows)} observations (+1 duplicate line), PP: {len(pp_normalized().splitlines()) - 1} rows, "
          f"TCL: {len(tcl_web().splitlines()) - 1} rows")
    for area in ("ARG", "URY"):
        prod, yld, _ = MILK[area]
        animals = round(prod[0] * 1000 / yld[0])
        print(f"  milk {area} 1999: {prod[0]:,} t, {animals:,} An, yield {round(prod[0] * 10_000 / animals):,} hg/An")
    print(f"  mango production 2002 without aggregates: {sum(v[0][3] for v in CROPS[571].values()):,} t "
          f"(China 351 = {CROPS[571]['CHN41'][0][3] + CROPS[571]['TWN'][0][3]:,} not added)")


if __name__ == "__main__":
    main()
