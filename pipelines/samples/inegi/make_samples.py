#!/usr/bin/env python3
"""Writes the ClusterEtl SAMPLES of INEGI's DENUE, Censos Economicos (SAIC) and indicators API next to this script.

Written by the ClusterEtl team, NOT INEGI data: invented establishments and census cells in INEGI's exact
layouts (DENUE: zip with conjunto_de_datos/, diccionario_de_datos/, metadatos/, CSV in Windows-1252, CRLF;
SAIC: title rows, labels with codes, a confidential cell; BIE: the API's JSON, newest first). See README.md.
Deterministic: running it twice gives byte-identical files. Standard library only.
"""
import json, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ENC = "cp1252"
ZIP_DATE = (2025, 1, 15, 0, 0, 0)

DENUE_COLUMNS = ("id,clee,nom_estab,raz_social,codigo_act,nombre_act,per_ocu,tipo_vial,nom_vial,tipo_v_e_1,nom_v_e_1,"
                 "tipo_v_e_2,nom_v_e_2,tipo_v_e_3,nom_v_e_3,numero_ext,letra_ext,edificio,edificio_e,numero_int,letra_int,"
                 "tipo_asent,nomb_asent,tipoCenCom,nom_CenCom,num_local,cod_postal,cve_ent,entidad,cve_mun,municipio,cve_loc,"
                 "localidad,ageb,manzana,telefono,correoelec,www,tipoUniEco,latitud,longitud,fecha_alta").split(",")
assert len(DENUE_COLUMNS) == 42

ACT = {
    "115113": "Beneficio de productos agrícolas",
    "115119": "Otros servicios relacionados con la agricultura",
    "337110": "Fabricación de cocinas integrales y muebles modulares de baño",
    "337120": "Fabricación de muebles, excepto cocinas integrales, muebles modulares de baño y muebles de oficina y estantería",
}
STATES = {"16": "Michoacán de Ocampo", "21": "Puebla"}
MUNS = {  # key: (name, locality key, locality name, latitude, longitude, postcode)
    ("16", "102"): ("Uruapan", "0001", "Uruapan", 19.41167, -102.05667, "60000"),
    ("16", "083"): ("Tancítaro", "0001", "Tancítaro", 19.33778, -102.36250, "60460"),
    ("21", "114"): ("Puebla", "0001", "Heroica Puebla de Zaragoza", 19.04333, -98.19806, "72000"),
    ("21", "140"): ("San Pedro Cholula", "0001", "Cholula de Rivadavia", 19.06333, -98.30639, "72760"),
}
# (state, municipality, SCIAN, name, legal name, band, registration month)
ESTABLISHMENTS = [
    ("16", "102", "115113", "EMPACADORA DE AGUACATE LA PEÑA", "AGUACATES LA PEÑA SA DE CV", "11 a 30 personas", "2010-07"),
    ("16", "102", "115113", "EMPAQUE SAN JOSÉ", "FRUTAS SELECTAS DE URUAPAN SPR DE RL", "31 a 50 personas", "2014-12"),
    ("16", "102", "115113", "EMPACADORA MICHOACANA DE AGUACATE", "EMPACADORA MICHOACANA SA DE CV", "51 a 100 personas", "2010-07"),
    ("16", "102", "115113", "AGUACATES DEL CUPATITZIO", "AGUACATES DEL CUPATITZIO SA DE CV", "101 a 250 personas", "2019-11"),
    ("16", "102", "115113", "EXPORTADORA ÁGUILA DE URUAPAN", "EXPORTADORA ÁGUILA SA DE CV", "251 y más personas", "2010-07"),
    ("16", "102", "115113", "SELECCIÓN Y EMPAQUE EL ÁNGEL", "", "6 a 10 personas", "2024-11"),
    ("16", "083", "115113", "EMPACADORA TANCÍTARO", "EMPACADORA TANCÍTARO SPR DE RL", "11 a 30 personas", "2014-12"),
    ("16", "083", "115113", "AGUACATERA EL PICO", "AGUACATERA EL PICO SA DE CV", "31 a 50 personas", "2019-11"),
    ("16", "083", "115113", "EMPAQUE DOÑA MARÍA", "", "0 a 5 personas", "2024-11"),
    ("16", "102", "115119", "FUMIGACIÓN Y PODA LOS ÁLAMOS", "", "0 a 5 personas", "2019-11"),
    ("16", "102", "115119", "SERVICIOS AGRÍCOLAS PURÉPECHA", "SERVICIOS AGRÍCOLAS PURÉPECHA SC", "6 a 10 personas", "2014-12"),
    ("21", "114", "337120", "MUEBLERÍA “EL ROBLE”", "", "0 a 5 personas", "2010-07"),
    ("21", "114", "337120", "CARPINTERÍA SAN ÁNGEL", "", "0 a 5 personas", "2019-11"),
    ("21", "114", "337120", "MUEBLES FINOS DE PUEBLA", "MUEBLES FINOS DE PUEBLA SA DE CV", "6 a 10 personas", "2014-12"),
    ("21", "114", "337120", "FÁBRICA DE MUEBLES LA POBLANA", "LA POBLANA MUEBLES SA DE CV", "11 a 30 personas", "2010-07"),
    ("21", "114", "337120", "MUEBLES DE MADERA ZARAGOZA", "MADERAS Y MUEBLES ZARAGOZA SA DE CV", "51 a 100 personas", "2010-07"),
    ("21", "140", "337120", "TALLER DE MUEBLES RÚSTICOS CHOLULA", "", "0 a 5 personas", "2024-11"),
    ("21", "140", "337120", "MUEBLES COLONIALES TONANTZINTLA", "", "6 a 10 personas", "2014-12"),
    ("21", "140", "337120", "MUEBLERA CHOLULTECA", "MUEBLERA CHOLULTECA SA DE CV", "31 a 50 personas", "2019-11"),
    ("21", "114", "337110", "COCINAS INTEGRALES ÁNGELÓPOLIS", "", "0 a 5 personas", "2019-11"),
    ("21", "114", "337110", "COCINAS Y BAÑOS DE PUEBLA", "COCINAS Y BAÑOS DE PUEBLA SA DE CV", "11 a 30 personas", "2014-12"),
]


def q(s):
    return '"' + s.replace('"', '""') + '"'


def denue_csv(state):
    lines = [",".join(q(c) for c in DENUE_COLUMNS)]
    n = 0
    for i, (ent, mun, scian, name, legal, band, month) in enumerate(ESTABLISHMENTS):
        if ent != state:
            continue
        n += 1
        munname, loc, locname, lat, lon, cp = MUNS[(ent, mun)]
        ident = 6_700_000 + int(ent) * 10_000 + i + 1
        clee = f"{ent}{mun}{scian}{n:06d}000000000U{(i * 7) % 10}"
        offset = ((i * 37) % 100) / 100000.0
        fields = [
            str(ident), q(clee), q(name), q(legal), q(scian), q(ACT[scian]), q(band),
            q("CALLE"), q("INDEPENDENCIA" if i % 2 else "MORELOS"), q("CALLE"), q("HIDALGO"), q("CALLE"), q("JUÁREZ"),
            q(""), q(""), q(str(100 + i)), q(""), q(""), q(""), q(""), q(""),
            q("COLONIA"), q("CENTRO"), q(""), q(""), q(""), q(cp),
            q(ent), q(STATES[ent]), q(mun), q(munname), q(loc), q(locname), q("0010"), q(f"{(i % 9) + 1:03d}"),
            q(""), q(""), q(""), q("Fijo"),
            f"{lat + offset:.8f}", f"{lon - offset:.8f}", q(month),
        ]
        assert len(fields) == 42
        lines.append(",".join(fields))
    return ("\r\n".join(lines) + "\r\n").encode(ENC)


DICTIONARY = [(c, d) for c, d in [
    ("id", "Identificador único del establecimiento"), ("clee", "Clave estadística empresarial"),
    ("nom_estab", "Nombre de la unidad económica"), ("raz_social", "Razón social"),
    ("codigo_act", "Código de la clase de actividad SCIAN"), ("nombre_act", "Nombre de la clase de actividad"),
    ("per_ocu", "Descripción estrato personal ocupado"), ("cve_ent", "Clave entidad"), ("entidad", "Nombre de la entidad"),
    ("cve_mun", "Clave municipio"), ("municipio", "Nombre del municipio"), ("latitud", "Latitud"), ("longitud", "Longitud"),
    ("fecha_alta", "Fecha de incorporación al DENUE"),
]]


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def denue():
    dictionary = "\r\n".join(["Atributo,Descripción"] + [f"{c},{q(d)}" for c, d in DICTIONARY]) + "\r\n"
    metadata = ("SAMPLE written by the ClusterEtl team in the layout of INEGI's DENUE download; not INEGI data.\r\n"
                "Directorio Estadístico Nacional de Unidades Económicas (DENUE), layout 11/2024.\r\n")
    write_zip(os.path.join(HERE, "denue_inegi_16_21_SAMPLE_csv.zip"), [
        ("conjunto_de_datos/denue_inegi_16_.csv", denue_csv("16")),
        ("conjunto_de_datos/denue_inegi_21_.csv", denue_csv("21")),
        ("diccionario_de_datos/diccionario_datos_denue_2024.csv", dictionary.encode(ENC)),
        ("metadatos/metadatos_denue_2024.txt", metadata.encode(ENC)),
    ])


S337 = "Subsector 337 Fabricación de muebles, colchones y persianas"
R3371 = "Rama 3371 Fabricación de muebles, excepto de oficina y estantería"
SR11511 = "Subrama 11511 Servicios relacionados con la agricultura"
# Año, Entidad, Municipio, Actividad, UE, H001A, A111A, A131A ('' = withheld for confidentiality, 'C' = marked so)
CENSUS = [
    (1999, "Total nacional", "", S337, "19870", "131200", "15230.456", "6920.118"),
    (1999, "21 Puebla", "", S337, "1413", "7383", "812.345", "371.210"),
    (1999, "21 Puebla", "", R3371, "1321", "6702", "701.050", "322.480"),
    (1999, "21 Puebla", "114 Puebla", S337, "612", "3604", "421.900", "190.375"),
    (1999, "21 Puebla", "140 San Pedro Cholula", S337, "188", "911", "60.120", "27.004"),
    (1999, "21 Puebla", "119 San Andrés Cholula", S337, "2", "", "", ""),
    (2019, "Total nacional", "", S337, "24650", "178320", "98765.432", "41234.567"),
    (2019, "21 Puebla", "", S337, "2011", "9874", "4321.876", "1890.543"),
    (2019, "21 Puebla", "114 Puebla", S337, "845", "4730", "2450.100", "1010.050"),
    (2019, "16 Michoacán de Ocampo", "", SR11511, "95", "2340", "3120.700", "1402.300"),
    (2019, "16 Michoacán de Ocampo", "102 Uruapan", SR11511, "48", "1610", "2210.400", "1003.900"),
    (2019, "16 Michoacán de Ocampo", "083 Tancítaro", SR11511, "2", "C", "C", "C"),
]


def census():
    lines = [
        q("Censos Económicos 1999, 2004, 2009, 2014 y 2019. SAMPLE written by the ClusterEtl team, not INEGI data"),
        q("Sistema Automatizado de Información Censal (SAIC)"),
        q("Consulta: Fabricación de muebles (Puebla) y servicios a la agricultura (Michoacán)"),
        q("Valores monetarios en millones de pesos"),
        ",".join(q(h) for h in ["Año Censal", "Entidad", "Municipio", "Actividad económica", "UE Unidades económicas",
                                 "H001A Personal ocupado total", "A111A Producción bruta total (millones de pesos)",
                                 "A131A Valor agregado censal bruto (millones de pesos)"]),
    ]
    for row in CENSUS:
        lines.append(",".join([str(row[0])] + [q(v) for v in row[1:4]] + [v if v.replace(".", "").isdigit() else q(v) for v in row[4:]]))
    lines.append(q("Fuente: INEGI. Censos Económicos. Sistema Automatizado de Información Censal (SAIC)."))
    with open(os.path.join(HERE, "SAIC_Exporta_SAMPLE.csv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode(ENC))


INPC = {
    2023: [127.336, 128.046, 128.389, 128.363, 128.084, 128.214, 128.832, 129.545, 130.120, 130.609, 131.445, 132.373],
    2024: [133.555, 133.681, 134.065, 134.336, 134.087, 134.594, 136.003, 136.013, 136.080, 136.828, 137.424, 137.949],
}
FX = {
    2023: [19.0700, 18.6200, 18.4100, 18.1000, 17.7400, 17.2000, 16.8700, 16.9900, 17.2900, 18.1000, 17.4400, 17.2000],
    2024: [17.0800, 17.0900, 16.8200, 16.7800, 16.8400, 18.2300, 18.0500, 19.1400, 19.6100, 19.7300, 20.3300, None],
}


def series(indicator, topic, unit, values, decimals):
    obs = []
    for year in sorted(values, reverse=True):
        for month in range(12, 0, -1):
            v = values[year][month - 1]
            obs.append({"TIME_PERIOD": f"{year}/{month:02d}", "OBS_VALUE": "" if v is None else f"{v:.{decimals}f}",
                        "OBS_EXCEPTION": None, "OBS_STATUS": "3", "OBS_SOURCE": "", "OBS_NOTE": "", "COBER_GEO": "00"})
    return {"INDICADOR": indicator, "FREQ": "8", "TOPIC": topic, "UNIT": unit, "UNIT_MULT": "", "NOTE": "SAMPLE, not INEGI data",
            "SOURCE": "", "LASTUPDATE": "09/01/2025 06:00:00 a. m.", "STATUS": None, "OBSERVATIONS": obs}


def bie():
    body = {"Header": {"Name": "", "Email": ""}, "Series": [
        series("628194", "Índice Nacional de Precios al Consumidor, índice general (base 2a. quincena de julio 2018 = 100)", "95", INPC, 6),
        series("628208", "Tipo de cambio, pesos por dólar de los EUA, promedio del mes (id to verify)", "48", FX, 4),
    ]}
    with open(os.path.join(HERE, "bie_inpc_tipo_de_cambio_SAMPLE.json"), "wb") as f:
        f.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


if __name__ == "__main__":
    denue()
    census()
    bie()
    for y in (2023, 2024):
        known = [v for v in INPC[y] if v is not None]
        fx = [v for v in FX[y] if v is not None]
        print(f"{y}: INPC mean {sum(known) / len(known):.6f} ({len(known)} months); FX mean {sum(fx) / len(fx):.6f} ({len(fx)} months)")
    print(f"DENUE rows: {len(ESTABLISHMENTS)}; SAIC rows: {len(CENSUS)}")
