"""Settlements gazetteer: real places enterprises can be located at when they have
no coordinates (schema: name, name_cyr, municipality, lon, lat, population, source)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.sources.problems import Problem
from dashboard.sources.tables import numeric_column, read_csv_table

COLUMNS = ("name", "municipality", "lon", "lat")


def load_settlements(path: Path | None, municipalities: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    frame = read_csv_table(path, COLUMNS, "settlements")
    file = path.name if path else ""
    problems: list[Problem] = []
    frame["lon"] = numeric_column(frame, "lon", file, problems)
    frame["lat"] = numeric_column(frame, "lat", file, problems)
    population = frame["population"] if "population" in frame else pd.Series("0", index=frame.index)
    frame["population"] = pd.to_numeric(population, errors="coerce").fillna(0).astype("int64")
    unknown = ~frame["municipality"].isin(municipalities.index)
    for index in frame.index[unknown]:
        problems.append(
            Problem(
                file=file,
                code="unknown_municipality",
                row=index + 2,
                column="municipality",
                value=frame.at[index, "municipality"],
            )
        )
    bad = {p.row - 2 for p in problems if p.row is not None}
    return frame.drop(index=list(bad)).reset_index(drop=True), problems
