"""The server benchmark drives the explore page as the browser does: a filter change runs the
state callback and then every view it feeds. Keep the benchmark in step with the page (a view
that stops following the filters, or a callback the chain cannot reach, fails here)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_explore import FILTER_SEQUENCE, _filter_id, _TestClientConnection
from bench.dashclient import App, open_page, run_chain
from dashboard.analysis.indicators import Filters
from dashboard.app import create_app
from dashboard.components import ids
from dashboard.config import Settings
from dashboard.i18n import format_number
from dashboard.web.runtime import current


def test_a_benchmarked_filter_change_reaches_every_view_with_the_filtered_figures():
    app = create_app(Settings())
    connection = _TestClientConnection(app)
    dash_app = App.fetch(connection)
    _, page = open_page(connection, dash_app, "/", "?lang=en")
    change = FILTER_SEQUENCE[0]
    assert change == {"sectors": ["crafts-design"]}
    page.set(_filter_id("sectors"), "value", change["sectors"])
    chain = run_chain(connection, dash_app, page, {'{"name":"sectors","type":"filter"}.value'})
    assert len(chain) >= 5 and all(r.status == 200 for r in chain)
    # The key figure shown after the chain is the crafts count, not the region's total.
    runtime = current()
    crafts = int(runtime.columns.mask(Filters(sectors=("crafts-design",)), runtime.potential["tier"]).sum())
    assert 0 < crafts < len(runtime.data.enterprises)
    shown = page.value({"name": "enterprises", "type": ids.KPI}, "children")
    assert format_number(crafts, "en") in str(shown)
