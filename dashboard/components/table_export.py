"""Buttons that download a table a page shows as CSV or XLSX (the page's callback builds the
file with :mod:`dashboard.outputs.tables` and :func:`dashboard.outputs.exporting.export_frame`)."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import translate
from dashboard.outputs.exporting import TABLE_FORMATS, export_filename


def export_bar(button_type: str, download_id: str, tables: list[str], language: str) -> html.Div:
    """One CSV and one XLSX button per table (``export.<table>`` names it) and the download.
    Buttons are ``{"type": button_type, "table": <table>, "format": <csv|xlsx>}``."""
    buttons = [
        dbc.Button(
            translate(
                "export.button", language, what=translate(f"export.{table}", language), format=fmt.upper()
            ),
            id={"type": button_type, "table": table, "format": fmt},
            color="secondary",
            outline=True,
            size="sm",
            n_clicks=0,
        )
        for table in tables
        for fmt in TABLE_FORMATS
    ]
    return html.Div(
        [
            html.Span(translate("export.download", language), className="export-label"),
            *buttons,
            dcc.Download(id=download_id),
        ],
        className="export-buttons table-export",
    )


def table_filename(table: str, fmt: str, language: str, today: dt.date | None = None) -> str:
    """'rang-lista-potencijala-2026-11-30.xlsx': named in the reader's language."""
    return export_filename(fmt, translate(f"export.file.{table}", language), today)
