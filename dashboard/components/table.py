"""The table of filtered enterprises (AG Grid): every match browsable, sortable and filterable.

The grid uses AG Grid's infinite row model: it asks for the block of rows it is about to show
(``getRowsRequest``: start, end, sort and column filters) and the server answers with that
block and how many rows there are (``getRowsResponse``), so at 100,000 enterprises only the
hundred or so rows on screen travel. The pure functions here do the server's part: the
display table (:func:`table_frame`), the rows in the order the grid asks for
(:func:`grid_order`, with its column filters) and one block (:func:`grid_block`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard.components import ids
from dashboard.i18n import format_number, translate
from dashboard.i18n.catalogue import MESSAGES
from dashboard.i18n.widgets import dropdown_labels
from dashboard.outputs.exporting import FORMATS

BLOCK_SIZE = 100  # rows per request of the grid
COLUMNS = (
    "name",
    "sector",
    "municipality",
    "settlement",
    "employees",
    "founding_year",
    "nace",
    "legal_form",
    "location_precision",
)
NUMERIC = ("employees", "founding_year")
DEFAULT_COLUMNS = ("name", "sector", "municipality", "employees", "founding_year")
DEFAULT_SORT = ({"colId": "employees", "sort": "desc"},)  # largest employers first


def enterprise_table(language: str, total: int) -> dbc.Card:
    """The table's card; the grid itself is drawn once it scrolls into view (see below)."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.H2(translate("table.title", language), className="panel-title mb-0"),
                        html.Span(
                            table_count(total, language),
                            id=ids.TABLE_COUNT,
                            className="table-count",
                            role="status",
                        ),
                        html.Div(
                            [
                                html.Span(translate("table.export", language), className="export-label"),
                                *[
                                    dbc.Button(
                                        fmt.upper() if fmt != "geojson" else "GeoJSON",
                                        id={"type": ids.EXPORT, "format": fmt},
                                        size="sm",
                                        color="secondary",
                                        outline=True,
                                        n_clicks=0,
                                        title=translate("table.export_help", language),
                                    )
                                    for fmt in FORMATS
                                ],
                                dcc.Download(id=ids.DOWNLOAD),
                            ],
                            className="export-buttons",
                        ),
                    ],
                    className="table-header",
                ),
                dcc.Dropdown(
                    labels=dropdown_labels(language),
                    id=ids.TABLE_COLUMNS,
                    options=[{"label": translate(f"column.{c}", language), "value": c} for c in COLUMNS],
                    value=list(DEFAULT_COLUMNS),
                    multi=True,
                    clearable=False,
                    className="mb-2",
                ),
                # The grid (a large script) is drawn only when its place scrolls into view
                # (assets/lazy_table.js presses TABLE_REVEAL), so the map draws first.
                html.Button(id=ids.TABLE_REVEAL, n_clicks=0, hidden=True, **{"aria-hidden": "true"}),
                html.Div(
                    html.P(translate("table.loading", language), className="text-muted small"),
                    id=ids.TABLE_SLOT,
                    className="table-slot",
                ),
            ]
        ),
        className="mb-3",
    )


def enterprise_grid(columns: Sequence[str], language: str) -> dag.AgGrid:
    """The grid, its rows asked for block by block as it scrolls (no rows of its own)."""
    return dag.AgGrid(
        id=ids.TABLE,
        columnDefs=column_defs(columns, language),
        rowModelType="infinite",
        # Columns keep a readable width on a phone; the grid then scrolls sideways.
        defaultColDef={"sortable": True, "resizable": True, "filter": True, "minWidth": 110},
        columnSize="responsiveSizeToFit",
        dashGridOptions={
            "cacheBlockSize": BLOCK_SIZE,
            "maxBlocksInCache": 20,
            # dash-ag-grid answers one request at a time (its getRowsResponse fills the latest
            # request), so the grid must ask for one block at a time; a fast scroll to the end
            # asks only for the blocks it stops at.
            "maxConcurrentDatasourceRequests": 1,
            "blockLoadDebounceMillis": 100,
            "infiniteInitialRowCount": 1,
            "animateRows": False,
            "localeText": grid_locale(language),
        },
        style={"height": "430px"},
    )


def table_count(total: int, language: str) -> str:
    """ "1,234 enterprises": how many the filters (and a lasso on the map) select."""
    form = "one" if _singular(total, language) else "other"
    return translate(f"table.count.{form}", language, count=format_number(total, language))


def _singular(count: int, language: str) -> bool:
    if language == "en":
        return count == 1
    return count % 10 == 1 and count % 100 != 11  # 1, 21, 101 preduzeće; 11, 2, 5 preduzeća


def grid_locale(language: str) -> dict[str, str]:
    """AG Grid's own words (empty table, column filters) in the page's language."""
    prefix = "grid."
    return {key[len(prefix) :]: translate(key, language) for key in MESSAGES if key.startswith(prefix)}


def column_defs(columns: Sequence[str], language: str) -> list[dict]:
    sorted_by = {s["colId"]: s["sort"] for s in DEFAULT_SORT}
    return [
        {"field": c, "headerName": translate(f"column.{c}", language)}
        | ({"minWidth": 170} if c == "name" else {})
        | ({"type": "numericColumn", "filter": "agNumberColumnFilter"} if c in NUMERIC else {})
        | ({"sort": sorted_by[c]} if c in sorted_by else {})
        for c in COLUMNS
        if c in columns
    ]


def table_frame(
    enterprises: pd.DataFrame, sector_names: Mapping[str, str], municipality_names: pd.Series
) -> pd.DataFrame:
    """Every enterprise as the table shows it (names in the page's language), same row order
    as ``enterprises``; built once per language and sliced per request."""
    years = pd.to_numeric(enterprises["founding_year"], errors="coerce").astype("Int64")
    return pd.DataFrame(
        {
            "name": enterprises["name"].astype(str).to_numpy(),
            "sector": enterprises["sector"].map(sector_names).astype(object).to_numpy(),
            "municipality": enterprises["municipality"].map(municipality_names).astype(object).to_numpy(),
            "settlement": enterprises["settlement"].fillna("").astype(str).to_numpy(),
            "employees": enterprises["employees"].astype("int64").to_numpy(),
            "founding_year": years.to_numpy(),
            "nace": enterprises["nace"].astype(str).to_numpy(),
            "legal_form": enterprises["legal_form"].fillna("").astype(str).to_numpy(),
            "location_precision": enterprises["location_precision"].astype(str).to_numpy(),
        }
    )


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _condition(values: pd.Series, condition: Mapping) -> np.ndarray:
    """One condition of an AG Grid column filter (text or number); unknown ones keep all rows."""
    kind = condition.get("type")
    if kind in ("blank", "notBlank"):
        blank = values.isna() | (values.astype(str).str.strip() == "")
        return (blank if kind == "blank" else ~blank).to_numpy(dtype=bool)
    if condition.get("filterType") == "number" or values.name in NUMERIC:
        numbers = pd.to_numeric(values, errors="coerce").astype(float)
        low, high = _number(condition.get("filter")), _number(condition.get("filterTo"))
        if low is None:
            return np.ones(len(values), dtype=bool)
        tests = {
            "equals": numbers == low,
            "notEqual": numbers != low,
            "lessThan": numbers < low,
            "lessThanOrEqual": numbers <= low,
            "greaterThan": numbers > low,
            "greaterThanOrEqual": numbers >= low,
            "inRange": (numbers >= low) & (numbers <= (high if high is not None else math.inf)),
        }
        chosen = tests.get(kind)
        return np.ones(len(values), dtype=bool) if chosen is None else chosen.fillna(False).to_numpy(bool)
    needle = str(condition.get("filter") or "").lower()
    if not needle:
        return np.ones(len(values), dtype=bool)
    text = values.astype(str).str.lower()
    tests = {
        "contains": lambda: text.str.contains(needle, regex=False),
        "notContains": lambda: ~text.str.contains(needle, regex=False),
        "equals": lambda: text == needle,
        "notEqual": lambda: text != needle,
        "startsWith": lambda: text.str.startswith(needle),
        "endsWith": lambda: text.str.endswith(needle),
    }
    chosen = tests.get(kind)
    return np.ones(len(values), dtype=bool) if chosen is None else chosen().to_numpy(dtype=bool)


def column_filter_mask(frame: pd.DataFrame, filter_model: Mapping | None) -> np.ndarray:
    """Rows of ``frame`` passing the grid's column filters (AG Grid's filter model: per column
    one condition, or several joined by AND/OR)."""
    keep = np.ones(len(frame), dtype=bool)
    for column, model in (filter_model or {}).items():
        if column not in frame.columns or not isinstance(model, Mapping):
            continue
        conditions = model.get("conditions") or [
            model[k] for k in ("condition1", "condition2") if isinstance(model.get(k), Mapping)
        ]
        if conditions:
            parts = [_condition(frame[column], c) for c in conditions if isinstance(c, Mapping)]
            if parts:
                joined = np.logical_or if model.get("operator") == "OR" else np.logical_and
                keep &= joined.reduce(parts)
        else:
            keep &= _condition(frame[column], model)
    return keep


def grid_order(
    frame: pd.DataFrame,
    rows: np.ndarray,
    sort_model: Sequence[Mapping] | None = None,
    filter_model: Mapping | None = None,
) -> np.ndarray:
    """Positions (into ``frame``) of ``rows`` passing the column filters, in the order asked
    for (text without regard to case, blanks last); by default largest employers first. Ties
    keep the data's order, so a block asked for twice is the same block."""
    rows = np.asarray(rows, dtype=np.int64)
    view = frame.iloc[rows]
    keep = column_filter_mask(view, filter_model)
    rows, view = rows[keep], view[keep]
    sort = [
        s
        for s in (sort_model or DEFAULT_SORT)
        if isinstance(s, Mapping) and s.get("colId") in frame.columns and s.get("sort") in ("asc", "desc")
    ] or list(DEFAULT_SORT)
    ordered = view.reset_index(drop=True).sort_values(
        by=[s["colId"] for s in sort],
        ascending=[s["sort"] == "asc" for s in sort],
        kind="stable",
        na_position="last",
        key=lambda column: column.str.lower() if column.dtype == object else column,
    )
    return rows[ordered.index.to_numpy()]


def grid_block(frame: pd.DataFrame, order: np.ndarray, start: object, end: object) -> list[dict]:
    """The rows ``start`` to ``end`` (exclusive) of ``order`` as the grid's records."""
    first = max(0, int(_number(start) or 0))
    last = min(len(order), max(first, int(_number(end) or first + BLOCK_SIZE)), first + 10 * BLOCK_SIZE)
    block = frame.iloc[order[first:last]]
    years = block["founding_year"]
    block = block.assign(founding_year=years.astype(object).where(years.notna(), None))
    return block.to_dict("records")
