using ClusterEtl.Transforms.Definitions;
namespace ClusterEtl.Transforms.Site;

/// <summary>
/// The labels of the site in one language: English (<c>en</c>) or Spanish (<c>es</c>). Country names come from
/// <c>ref.countries</c> (<c>name_en</c>, <c>name_es</c>); these are the words of the pages themselves.
/// </summary>
public sealed class SiteText
{
    /// <summary>The languages a site can be written in.</summary>
    public static IReadOnlyList<string> Languages => WarehouseSettings.SiteLanguages;

    static readonly Dictionary<string, (string En, string Es)> Labels = new()
    {
        ["site.title"] = ("Agro-industrial clusters", "Clústeres agroindustriales"),
        ["nav.index"] = ("Clusters", "Clústeres"),
        ["nav.catalogue"] = ("Data catalogue", "Catálogo de datos"),
        ["index.intro"] = ("Headline figures of every cluster for its latest year with exports, and the trend of its export value.",
            "Cifras principales de cada clúster en su último año con exportaciones, y la tendencia de su valor exportado."),
        ["index.cluster"] = ("Cluster", "Clúster"),
        ["index.latest"] = ("Latest year", "Último año"),
        ["index.no_exports"] = ("No exports of its products in the trade data.", "Sin exportaciones de sus productos en los datos de comercio."),
        ["built"] = ("Built by run {0} at {1} UTC.", "Construido por la ejecución {0} el {1} UTC."),
        ["about"] = ("What the cluster is", "Qué es el clúster"),
        ["country"] = ("Country", "País"),
        ["region"] = ("Region", "Región"),
        ["hs_codes"] = ("HS codes", "Códigos SA"),
        ["fao_items"] = ("FAO items", "Productos FAO"),
        ["scian"] = ("SCIAN codes", "Códigos SCIAN"),
        ["inegi_regions"] = ("INEGI regions", "Regiones INEGI"),
        ["peers"] = ("Peers", "Competidores de referencia"),
        ["literature"] = ("Literature", "Literatura"),
        ["none"] = ("none", "ninguno"),
        ["contents"] = ("Contents", "Contenido"),
        ["sec.exports"] = ("Exports", "Exportaciones"),
        ["sec.destinations"] = ("Destinations", "Destinos"),
        ["sec.prices"] = ("Unit values and prices", "Valores unitarios y precios"),
        ["sec.upgrading"] = ("Upgrading and export growth", "Escalamiento y crecimiento exportador"),
        ["sec.concentration"] = ("Firm and regional concentration", "Concentración de empresas y regional"),
        ["sec.quality"] = ("Data quality", "Calidad de los datos"),
        ["sec.sources"] = ("Sources", "Fuentes"),
        ["chart.exports"] = ("Export value and world market share", "Valor exportado y participación en el mercado mundial"),
        ["chart.rca"] = ("Revealed comparative advantage (Balassa RCA)", "Ventaja comparativa revelada (VCR de Balassa)"),
        ["chart.top_destinations"] = ("Top destinations, {0}", "Principales destinos, {0}"),
        ["chart.destination_hhi"] = ("Concentration of destinations (HHI)", "Concentración de destinos (IHH)"),
        ["chart.unit_value"] = ("Export unit value against peers", "Valor unitario de exportación frente a competidores"),
        ["chart.quadrant"] = ("Kaplinsky-Readman quadrant: market share against relative unit value, per period",
            "Cuadrante de Kaplinsky-Readman: participación de mercado frente a valor unitario relativo, por periodo"),
        ["comparison.consecutive"] = ("consecutive years", "años consecutivos"),
        ["comparison.window"] = ("window of {0} years", "ventana de {0} años"),
        ["col.comparison"] = ("Comparison", "Comparación"),
        ["chart.decomposition"] = ("Export growth decomposition (Amighini), consecutive years", "Descomposición del crecimiento exportador (Amighini), años consecutivos"),
        ["chart.prices"] = ("Producer prices and farm-gate share", "Precios al productor y participación del productor"),
        ["chart.firms"] = ("Firm concentration (DENUE)", "Concentración de empresas (DENUE)"),
        ["chart.lq"] = ("Location quotients of the cluster's municipalities, {0}", "Cocientes de localización de los municipios del clúster, {0}"),
        ["chart.regional"] = ("Regional share (Economic Census)", "Participación regional (Censos Económicos)"),
        ["col.year"] = ("Year", "Año"),
        ["col.period"] = ("Period", "Periodo"),
        ["col.export_value"] = ("Exports (M USD)", "Exportaciones (M USD)"),
        ["col.world_share"] = ("World share", "Participación mundial"),
        ["col.growth"] = ("Growth", "Crecimiento"),
        ["col.basis"] = ("Value basis", "Base del valor"),
        ["col.rca"] = ("RCA", "VCR"),
        ["col.destination"] = ("Destination", "Destino"),
        ["col.value_musd"] = ("Value (M USD)", "Valor (M USD)"),
        ["col.share"] = ("Share", "Participación"),
        ["col.unit_value_kg"] = ("Unit value (USD/kg)", "Valor unitario (USD/kg)"),
        ["col.n_destinations"] = ("Destinations", "Destinos"),
        ["col.hhi"] = ("HHI", "IHH"),
        ["col.hhi_norm"] = ("HHI normalised", "IHH normalizado"),
        ["col.cluster_uv"] = ("Cluster (USD/t)", "Clúster (USD/t)"),
        ["col.peers_uv"] = ("Peers (USD/t)", "Competidores (USD/t)"),
        ["col.premium"] = ("Premium", "Prima"),
        ["col.relative_uv"] = ("Relative unit value", "Valor unitario relativo"),
        ["col.market_share_change"] = ("Market share change", "Cambio de la participación de mercado"),
        ["col.ruv_change"] = ("Relative unit value change", "Cambio del valor unitario relativo"),
        ["col.quadrant"] = ("Quadrant", "Cuadrante"),
        ["col.delta"] = ("Change (M USD)", "Cambio (M USD)"),
        ["col.world_demand"] = ("World demand", "Demanda mundial"),
        ["col.market_share"] = ("Market share", "Participación de mercado"),
        ["col.interaction"] = ("Interaction", "Interacción"),
        ["col.unit_value_effect"] = ("Unit value", "Valor unitario"),
        ["col.nominal"] = ("Nominal (USD/t)", "Nominal (USD/t)"),
        ["col.real"] = ("Real (USD/t of {0})", "Real (USD/t de {0})"),
        ["col.farm_gate"] = ("Farm-gate share", "Participación del productor"),
        ["col.firms"] = ("Establishments", "Establecimientos"),
        ["col.employment"] = ("Employment (mid)", "Empleo (medio)"),
        ["col.cr4"] = ("CR4 (low-high)", "CR4 (mín.-máx.)"),
        ["col.cr4_low"] = ("CR4 low", "CR4 mín."),
        ["col.cr4_high"] = ("CR4 high", "CR4 máx."),
        ["col.firm_hhi"] = ("HHI (mid)", "IHH (medio)"),
        ["col.lq"] = ("Location quotient", "Cociente de localización"),
        ["col.municipality"] = ("Municipality", "Municipio"),
        ["col.regional_share"] = ("Share of national employment", "Participación en el empleo nacional"),
        ["col.regional_output_share"] = ("Share of national output", "Participación en la producción nacional"),
        ["col.notes"] = ("Notes", "Notas"),
        ["quadrant.upgrading"] = ("upgrading", "escalamiento"),
        ["quadrant.immiserising growth"] = ("immiserising growth", "crecimiento empobrecedor"),
        ["quadrant.niche"] = ("niche", "nicho"),
        ["quadrant.downgrading"] = ("downgrading", "retroceso"),
        ["quadrant.within tolerance"] = ("within tolerance", "dentro de la tolerancia"),
        ["no_rows"] = ("No rows for this cluster.", "Sin filas para este clúster."),
        ["chart.units"] = ("Units: {0}.", "Unidades: {0}."),
        ["chart.from"] = ("From {0}; data: {1}.", "De {0}; datos: {1}."),
        ["extract"] = ("{0} (extract {1}, fetched {2})", "{0} (extracto {1}, obtenido el {2})"),
        ["quality.coverage"] = ("Coverage (marts.cluster_coverage)", "Cobertura (marts.cluster_coverage)"),
        ["quality.quarantine"] = ("Rows of its sources that could not be read (staging.stg_quarantine)",
            "Filas de sus fuentes que no se pudieron leer (staging.stg_quarantine)"),
        ["quality.no_quarantine"] = ("None: every row of its sources was read.", "Ninguna: se leyeron todas las filas de sus fuentes."),
        ["quality.notes"] = ("Why some figures are empty (notes)", "Por qué faltan algunas cifras (notas)"),
        ["quality.no_notes"] = ("No notes.", "Sin notas."),
        ["quality.more"] = ("{0} more rows: query staging.stg_quarantine.", "{0} filas más: consulte staging.stg_quarantine."),
        ["col.source"] = ("Source", "Fuente"),
        ["col.file"] = ("File", "Archivo"),
        ["col.line"] = ("Line", "Línea"),
        ["col.column"] = ("Column", "Columna"),
        ["col.reason"] = ("Reason", "Motivo"),
        ["col.field"] = ("Field", "Campo"),
        ["col.value"] = ("Value", "Valor"),
        ["col.description"] = ("Description", "Descripción"),
        ["sec.complexity"] = ("Product space and diversification options", "Espacio de productos y opciones de diversificación"),
        ["chart.complexity"] = ("The country's economic complexity and the complexity of the cluster's products",
            "Complejidad económica del país y complejidad de los productos del clúster"),
        ["chart.options"] = ("Diversification options in {0}: the nearest products the country does not yet export with RCA >= 1",
            "Opciones de diversificación en {0}: los productos más cercanos que el país aún no exporta con VCR >= 1"),
        ["col.eci"] = ("Country ECI", "ECI del país"),
        ["col.eci_rank"] = ("ECI rank", "Posición por ECI"),
        ["col.products_rca"] = ("Cluster products with RCA >= 1", "Productos del clúster con VCR >= 1"),
        ["col.mean_pci"] = ("Mean PCI of the cluster's products", "PCI medio de los productos del clúster"),
        ["col.product"] = ("Product (HS6)", "Producto (SA6)"),
        ["col.nearest"] = ("Nearest cluster product", "Producto del clúster más cercano"),
        ["col.proximity"] = ("Proximity", "Proximidad"),
        ["col.density"] = ("Density", "Densidad"),
        ["col.rank"] = ("Rank", "Posición"),
        ["sec.revisions"] = ("Revisions by the latest releases", "Revisiones de las últimas publicaciones"),
        ["revisions.intro"] = ("Figures that moved when a source's new extract replaced the previous one (largest moves first).",
            "Cifras que cambiaron cuando un nuevo extracto de una fuente reemplazó al anterior (los mayores cambios primero)."),
        ["revisions.as_of"] = ("Built as of an older extract (run --as-of): these are the moves back to it.",
            "Construido con un extracto anterior (run --as-of): estos son los cambios de vuelta a él."),
        ["col.indicator"] = ("Indicator", "Indicador"),
        ["col.previous"] = ("Previous", "Anterior"),
        ["col.current"] = ("Current", "Actual"),
        ["col.relative_change"] = ("Change", "Cambio"),
        ["col.revision"] = ("Revision", "Revisión"),
        ["col.sources_changed"] = ("Sources changed", "Fuentes que cambiaron"),
        ["col.extracts"] = ("Extracts", "Extractos"),
        ["cat.intro"] = ("Every model of the warehouse: what it holds, its columns, what it reads and what reads it, and every source.",
            "Cada modelo del almacén: qué contiene, sus columnas, qué lee y quién lo lee, y cada fuente."),
        ["cat.models"] = ("Models", "Modelos"),
        ["cat.sources"] = ("Sources", "Fuentes"),
        ["cat.reads"] = ("Reads", "Lee"),
        ["cat.read_by"] = ("Read by", "Leído por"),
        ["cat.rows"] = ("Rows", "Filas"),
        ["cat.materialized"] = ("Stored as", "Guardado como"),
        ["cat.last_build"] = ("Last build: run {0} at {1} UTC ({2}); this model: recomputed {3}, changed {4}.",
            "Última construcción: ejecución {0} el {1} UTC ({2}); este modelo: recalculado {3}, cambiado {4}."),
        ["cat.column"] = ("Column", "Columna"),
        ["cat.type"] = ("Type", "Tipo"),
        ["cat.comment"] = ("Comment", "Comentario"),
        ["cat.unit"] = ("Unit", "Unidad"),
        ["cat.kind"] = ("Kind", "Tipo"),
        ["cat.location"] = ("Location", "Ubicación"),
        ["cat.last_fetch"] = ("Last fetch (UTC)", "Última obtención (UTC)"),
        ["cat.extract_id"] = ("Extract id", "Id del extracto"),
        ["cat.lineage"] = ("Lineage", "Linaje"),
        ["print"] = ("Offline page: opens from disk, prints on paper.", "Página sin conexión: se abre desde el disco y se imprime."),
    };

    SiteText(string code) => Code = code;

    /// <summary>Language code: en or es.</summary>
    public string Code { get; }

    /// <summary>The site in the language <paramref name="code"/>; other codes fail naming the ones there are.</summary>
    public static SiteText For(string code) => Languages.Contains(code)
        ? new SiteText(code)
        : throw new ArgumentException($"unknown site language '{code}' (languages: {string.Join(", ", Languages)})");

    /// <summary>The label <paramref name="key"/> in this language, with <paramref name="args"/> in its {0} {1} places.</summary>
    public string this[string key, params object?[] args]
    {
        get
        {
            var (en, es) = Labels.TryGetValue(key, out var l) ? l : throw new KeyNotFoundException($"no site label '{key}'");
            var text = Code == "es" ? es : en;
            return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
        }
    }

    /// <summary>A Kaplinsky-Readman quadrant of the mart (English there) in this language; NULL as "-".</summary>
    public string Quadrant(string? quadrant) =>
        quadrant is null ? "-" : Labels.ContainsKey("quadrant." + quadrant) ? this["quadrant." + quadrant] : quadrant;
}
