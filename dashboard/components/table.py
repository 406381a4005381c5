"""The table of filtered enterprises (AG Grid): sortable, searchable, columns to choose."""

from __future__ import annotations

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

TABLE_LIMIT = 200  # rows sent to the browser; the count says how many match
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
DEFAULT_COLUMNS = ("name", "sector", "municipality", "employees", "founding_year")


def enterprise_table(language: str, rows: list[dict], total: int) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.H2(translate("table.title", language), className="panel-title mb-0"),
                        html.Span(
                            table_count(len(rows), total, language),
                            id=ids.TABLE_COUNT,
                            className="table-count",
                            role="status",
                        ),
                        html.Label(
                            translate("table.search", language),
                            htmlFor=ids.TABLE_SEARCH,
                            className="visually-hidden",
                        ),
                        dbc.Input(
                            id=ids.TABLE_SEARCH,
                            type="search",
                            placeholder=translate("table.search", language),
                            debounce=True,
                            className="table-search",
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
                dcc.Store(id=ids.TABLE_ROWS, data=rows),
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


def enterprise_grid(rows: list[dict], columns, language: str) -> dag.AgGrid:
    return dag.AgGrid(
        id=ids.TABLE,
        columnDefs=column_defs(columns, language),
        rowData=rows,
        defaultColDef={"sortable": True, "resizable": True, "filter": True},
        columnSize="responsiveSizeToFit",
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": 20,
            "animateRows": False,
            "localeText": grid_locale(language),
        },
        style={"height": "430px"},
    )


def table_count(shown: int, total: int, language: str) -> str:
    """ "showing 200 of 3,000": how many rows the table holds of those the filters select."""
    return translate(
        "table.count", language, shown=format_number(shown, language), total=format_number(total, language)
    )


def grid_locale(language: str) -> dict[str, str]:
    """AG Grid's own words (pager, empty table, column filters) in the page's language."""
    prefix = "grid."
    return {key[len(prefix) :]: translate(key, language) for key in MESSAGES if key.startswith(prefix)}


def column_defs(columns, language: str) -> list[dict]:
    numeric = {"employees", "founding_year"}
    return [
        {"field": c, "headerName": translate(f"column.{c}", language)}
        | ({"type": "numericColumn", "filter": "agNumberColumnFilter"} if c in numeric else {})
        for c in COLUMNS
        if c in columns
    ]


def matching_rows(enterprises: pd.DataFrame, rows: np.ndarray, search: str) -> np.ndarray:
    """The rows whose name or settlement contains ``search`` (case-insensitive)."""
    needle = search.strip().lower()
    if not needle:
        return rows
    subset = enterprises.iloc[rows]
    hit = subset["name"].str.lower().str.contains(needle, regex=False) | subset[
        "settlement"
    ].str.lower().str.contains(needle, regex=False)
    return rows[hit.to_numpy(dtype=bool)]


def table_rows(
    enterprises: pd.DataFrame,
    rows: np.ndarray,
    sector_names: dict[str, str],
    municipality_names: pd.Series,
    search: str = "",
) -> tuple[list[dict], int]:
    """The largest ``TABLE_LIMIT`` matching enterprises (by employees) and how many match.

    Only the rows sent are turned into records, so the cost does not grow with the
    number of enterprises behind the filters.
    """
    rows = matching_rows(enterprises, rows, search)
    total = len(rows)
    employees = enterprises["employees"].to_numpy()[rows]
    if total > TABLE_LIMIT:
        keep = np.argpartition(-employees, TABLE_LIMIT)[:TABLE_LIMIT]
        rows, employees = rows[keep], employees[keep]
    top = enterprises.iloc[rows[np.argsort(-employees, kind="stable")]]
    years = top["founding_year"].astype("Int64")
    table = pd.DataFrame(
        {
            "name": top["name"].astype(str),
            "sector": top["sector"].map(sector_names),
            "municipality": top["municipality"].map(municipality_names),
            "settlement": top["settlement"].astype(str),
            "employees": top["employees"].astype(int),
            "founding_year": years.astype(object).where(years.notna(), None),
            "nace": top["nace"].astype(str),
            "legal_form": top["legal_form"].astype(str),
            "location_precision": top["location_precision"].astype(str),
        }
    )
    return table.to_dict("records"), total
