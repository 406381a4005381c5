"""Reference tables: the region's municipalities and districts with official figures.

Schema of the municipality table (index ``code``): name_lat, name_cyr, name_en,
district_code, status ('city' | 'municipality'), seat_lon, seat_lat (WGS84),
area_km2, population (latest census), plus the source/confidence columns kept
for the methodology and profile pages.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.sources.problems import Problem
from dashboard.sources.tables import numeric_column, read_csv_table

MUNICIPALITY_COLUMNS = (
    "code",
    "name_lat",
    "name_cyr",
    "name_en",
    "district_code",
    "status",
    "seat_lon",
    "seat_lat",
    "area_km2",
    "population_2022",
)
DISTRICT_COLUMNS = ("code", "name_lat", "name_cyr", "name_en")


def load_municipality_reference(path: Path | None) -> tuple[pd.DataFrame, list[Problem]]:
    frame = read_csv_table(path, MUNICIPALITY_COLUMNS, "municipality reference")
    file = path.name if path else ""
    problems: list[Problem] = []
    frame["seat_lon"] = numeric_column(frame, "seat_lon", file, problems)
    frame["seat_lat"] = numeric_column(frame, "seat_lat", file, problems)
    frame["area_km2"] = numeric_column(frame, "area_km2", file, problems, minimum=0.01)
    frame["population"] = numeric_column(frame, "population_2022", file, problems, minimum=1)
    duplicated = frame["code"].duplicated()
    for index in frame.index[duplicated]:
        problems.append(
            Problem(
                file=file, code="duplicate_code", row=index + 2, column="code", value=frame.at[index, "code"]
            )
        )
    bad_rows = {p.row - 2 for p in problems if p.row is not None}
    frame = frame.drop(index=list(bad_rows)).set_index("code")
    frame["population"] = frame["population"].astype("int64")
    return frame, problems


def load_district_reference(path: Path | None) -> tuple[pd.DataFrame, list[Problem]]:
    frame = read_csv_table(path, DISTRICT_COLUMNS, "district reference")
    problems: list[Problem] = []
    duplicated = frame["code"].duplicated()
    for index in frame.index[duplicated]:
        problems.append(
            Problem(
                file=path.name if path else "",
                code="duplicate_code",
                row=index + 2,
                column="code",
                value=frame.at[index, "code"],
            )
        )
    return frame[~duplicated].set_index("code"), problems
