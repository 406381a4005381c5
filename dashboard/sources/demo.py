"""Synthetic demonstration enterprises, generated reproducibly from a region's data.

Real register extracts cannot be shipped, so the default map shows generated
records. They are honest about it: every row has ``synthetic = true``, a
registration number starting with ``DEMO-`` that no register uses, and the source
``synthetic`` (a token the interface translates, not a text in one language); the UI
shows a badge whenever such rows are displayed. The settings (seed, count, sector and
class weights, local emphasis) live in the region manifest's ``[demo]`` table, so a
region needs no code for its demo. Activity classes are drawn from every definition of
"creative" the region's taxonomy has, so switching definitions changes what is counted.

The result is plausible, not real: firms go to municipalities in proportion to
their population (cities a little more, as creative firms cluster in cities),
mostly at real settlements, with a mostly-micro size distribution.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.sources.taxonomy import Taxonomy

URBAN_EXPONENT = 1.15  # >1: larger places get proportionally more creative firms
JITTER_KM = (0.4, 2.5)  # spread around small and large settlements
KM_PER_DEGREE_LAT = 111.0
DEMO_SOURCE = "synthetic"  # the ``source`` of every generated row; the UI says it in its language
SECTOR_SIZE_FACTOR = {"it-software": 1.6, "film-media": 1.2, "heritage": 1.8, "advertising": 1.1}

_NAME_PARTS = {
    "it-software": (
        ("Kod", "Bajt", "Piksel", "Logika", "Oblak", "Algoritam"),
        ("Lab", "Soft", "Tim", "Studio"),
    ),
    "advertising": (("Ideja", "Signal", "Kompas", "Fokus", "Poruka"), ("Agencija", "Media", "Kreativ")),
    "crafts-design": (
        ("Ćilim", "Vez", "Grnčar", "Drvo", "Forma", "Kilim"),
        ("Atelje", "Radionica", "Dizajn"),
    ),
    "film-media": (("Kadar", "Objektiv", "Talas", "Rez", "Svetlo"), ("Produkcija", "Film", "Foto")),
    "publishing": (("Slovo", "Strana", "Pero", "Korice", "Reč"), ("Izdavač", "Knjige", "Štampa")),
    "architecture": (("Linija", "Osnova", "Prostor", "Luk", "Plan"), ("Arhitekti", "Biro", "Projekt")),
    "heritage": (("Zavičaj", "Baština", "Trag", "Riznica"), ("Kuća", "Zbirka", "Centar")),
    "arts": (("Ritam", "Scena", "Akord", "Boja", "Glas"), ("Ansambl", "Studio", "Atelje")),
}
# Name stems for craft classes, so a kilim workshop reads as one (still invented names).
_CLASS_STEMS = {
    "13.93": ("Ćilim", "Kilim", "Razboj", "Šara"),
    "13.92": ("Tkanje", "Razboj", "Platno"),
    "13.99": ("Vez", "Čipka", "Šara"),
    "23.41": ("Grnčar", "Glina", "Ćup", "Keramika"),
    "16.29": ("Drvo", "Rezbar", "Pruće", "Duborez"),
    "23.13": ("Staklo", "Kristal"),
    "23.19": ("Staklo", "Vitraž"),
}
_DEFAULT_PARTS = (("Kreativ", "Ideja", "Forma"), ("Studio", "Tim"))


def _pick(rng: np.random.Generator, weights: pd.Series, size: int) -> np.ndarray:
    p = weights.to_numpy(dtype=float)
    return rng.choice(weights.index.to_numpy(), size=size, p=p / p.sum())


def _random_point_in(
    rng: np.random.Generator, polygon: shapely.Geometry, tries: int = 200
) -> tuple[float, float]:
    minx, miny, maxx, maxy = polygon.bounds
    for _ in range(tries):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if polygon.contains(shapely.Point(x, y)):
            return x, y
    point = polygon.representative_point()
    return point.x, point.y


def _near(
    rng: np.random.Generator, lon: float, lat: float, km: float, polygon: shapely.Geometry | None
) -> tuple[float, float]:
    """A point around a settlement, kept inside its municipality when polygons exist."""
    for _ in range(50):
        dlat = rng.normal(0, km) / KM_PER_DEGREE_LAT
        dlon = rng.normal(0, km) / (KM_PER_DEGREE_LAT * np.cos(np.radians(lat)))
        x, y = lon + dlon, lat + dlat
        if polygon is None or polygon.contains(shapely.Point(x, y)):
            return x, y
    return lon, lat


def generate_demo_enterprises(
    settings: dict[str, Any],
    municipalities: pd.DataFrame,
    taxonomy: Taxonomy,
    polygons: gpd.GeoDataFrame | None,
    settlements: pd.DataFrame | None,
) -> pd.DataFrame:
    """A table in the enterprise schema, every row synthetic. Same settings, same table."""
    seed = int(settings.get("seed", 1))
    count = int(settings.get("enterprises", 1000))
    first_year = int(settings.get("first_year", 1995))
    last_year = int(settings.get("last_year", 2025))
    settlement_share = float(settings.get("settlement_share", 0.85))
    sector_weights = pd.Series(
        settings.get("sector_weights") or {s: 1.0 for s in taxonomy.sector_codes}, dtype=float
    ).reindex(taxonomy.sector_codes, fill_value=0.0)
    emphasis: dict[str, dict[str, float]] = settings.get("local_emphasis", {})
    rng = np.random.default_rng(seed)

    population = municipalities["population"].astype(float)
    chosen = _pick(rng, population**URBAN_EXPONENT, count)
    class_weights = pd.Series(
        {str(code): float(weight) for code, weight in (settings.get("class_weights") or {}).items()},
        dtype=float,
    )
    creative = taxonomy.classes[[bool(taxonomy.class_bits(c)) for c in taxonomy.classes.index]]
    classes_by_sector = {
        s: class_weights.reindex(creative.index[creative["sector_code"] == s], fill_value=1.0)
        for s in taxonomy.sector_codes
    }
    rows: list[dict[str, Any]] = []
    for i, code in enumerate(chosen, start=1):
        reference = municipalities.loc[code]
        weights = sector_weights * pd.Series(emphasis.get(code, {}), dtype=float).reindex(
            sector_weights.index, fill_value=1.0
        )
        sector = str(_pick(rng, weights[weights > 0], 1)[0])
        nace = str(_pick(rng, classes_by_sector[sector], 1)[0])
        polygon = polygons.geometry.get(code) if polygons is not None else None
        settlement, lon, lat = _locate(rng, code, reference, polygon, settlements, settlement_share)
        employees = int(min(np.floor(rng.lognormal(0.55, 1.05) * SECTOR_SIZE_FACTOR.get(sector, 1.0)), 400))
        founded = int(max(first_year, last_year - np.floor(rng.exponential(9.0))))
        stems, kinds = _NAME_PARTS.get(sector, _DEFAULT_PARTS)
        stems = _CLASS_STEMS.get(nace, stems)
        rows.append(
            {
                "registration_number": f"DEMO-{i:06d}",
                "name": f"{rng.choice(kinds)} {rng.choice(stems)} {i:04d}",
                "nace": nace,
                "sector": sector,
                "district": reference["district_code"],
                "municipality": code,
                "settlement": settlement,
                "lon": round(lon, 5),
                "lat": round(lat, 5),
                "employees": employees,
                "founding_year": founded,
                "legal_form": _legal_form(rng, employees, sector),
                "source": DEMO_SOURCE,
                "synthetic": "true",
            }
        )
    return pd.DataFrame(rows)


def _locate(
    rng: np.random.Generator,
    code: str,
    reference: pd.Series,
    polygon: shapely.Geometry | None,
    settlements: pd.DataFrame | None,
    settlement_share: float,
) -> tuple[str, float, float]:
    local = settlements[settlements["municipality"] == code] if settlements is not None else None
    if local is None or local.empty or (polygon is not None and rng.random() > settlement_share):
        if polygon is None:
            lon, lat = _near(rng, reference["seat_lon"], reference["seat_lat"], JITTER_KM[1], None)
            return "", lon, lat
        lon, lat = _random_point_in(rng, polygon)
        return "", lon, lat
    is_seat = local["source"].str.contains("seat") | (local["lon"].sub(reference["seat_lon"]).abs() < 0.02)
    weights = local["population"].astype(float).where(local["population"] > 0, 300.0)
    weights = weights.where(~is_seat, np.maximum(weights, reference["population"] * 0.5))
    row = local.loc[_pick(rng, weights, 1)[0]]
    km = JITTER_KM[0] + (JITTER_KM[1] - JITTER_KM[0]) * min(float(weights[row.name]) / 250_000, 1.0) ** 0.5
    lon, lat = _near(rng, float(row["lon"]), float(row["lat"]), km, polygon)
    return str(row["name"]), lon, lat


def _legal_form(rng: np.random.Generator, employees: int, sector: str) -> str:
    if sector == "heritage" and rng.random() < 0.5:
        return "ustanova"
    if sector == "arts" and rng.random() < 0.25:
        return "udruženje"
    if employees <= 1 and rng.random() < 0.6:
        return "PR"
    return "AD" if employees >= 100 and rng.random() < 0.3 else "DOO"
