"""The benchmark drives the explore page through Dash's real endpoint; keep its request in step
with the page's callback (a new input on the page must reach the benchmark too)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_explore import FILTER_SEQUENCE, _outputs, _update_payload
from dashboard.app import create_app
from dashboard.config import Settings


def test_benchmark_request_matches_the_explore_callback():
    app = create_app(Settings())
    client = app.server.test_client()
    client.get("/")
    dependency = next(
        d
        for d in client.get("/_dash-dependencies").get_json()
        if d["output"].startswith("..region-map.figure")
    )
    payload = _update_payload(dependency["output"], FILTER_SEQUENCE[0])
    payload["outputs"] = _outputs(dependency["output"])
    assert [i["id"] if isinstance(i, dict) else i[0]["id"] for i in payload["inputs"]] == [
        d["id"] if "ALL" not in d["id"] else {"name": "districts", "type": "filter"}
        for d in dependency["inputs"]
    ]
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    assert '"crafts-design"' in response.get_data(as_text=True)
