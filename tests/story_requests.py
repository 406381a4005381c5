"""The request "Add this view to a story" sends, as the browser posts it (shared by the tests
of the web surface and of the shared answers: both need a real story-saving request)."""

from __future__ import annotations

from dashboard.components import ids
from dashboard.components import presenting_ids as pid

SAVE_OUTPUTS = [
    (pid.SAVE_STATUS, "children"),
    (pid.SAVE_STORY_LIST, "children"),
    (pid.SAVE_CONFIRM, "children"),
    (pid.SAVE_CONFIRM, "style"),
    (pid.SAVE_PENDING, "data"),
]


def _spec(component: str, prop: str, value=None) -> dict:
    return {"id": component, "property": prop, "value": value}


def save_story_body(story: str, title: str, query: str) -> dict:
    """The callback body that saves the view ``query`` as a step of ``story`` (English page)."""
    return {
        "output": "..{}..".format("...".join(f"{c}.{p}" for c, p in SAVE_OUTPUTS)),
        "outputs": [{"id": c, "property": p} for c, p in SAVE_OUTPUTS],
        "inputs": [_spec(pid.SAVE_BUTTON, "n_clicks", 1), _spec(pid.SAVE_CONFIRM, "n_clicks")],
        "state": [
            _spec(pid.SAVE_STORY, "value", story),
            _spec(pid.SAVE_STORY_TITLE, "value", title),
            _spec(pid.SAVE_TITLE_SR, "value", "Naslov"),
            _spec(pid.SAVE_TITLE_EN, "value", "Title"),
            _spec(pid.SAVE_CAPTION_SR, "value", ""),
            _spec(pid.SAVE_CAPTION_EN, "value", ""),
            _spec(pid.SAVE_TOKEN, "value"),
            _spec(pid.SAVE_PENDING, "data"),
            _spec(ids.QUERY, "data", query),
            _spec(ids.LANGUAGE, "data", "en"),
        ],
        "changedPropIds": [f"{pid.SAVE_BUTTON}.n_clicks"],
    }
