"""Presenter mode: a story (a sequence of saved views, ``data/stories/<name>.toml``) full screen,
in large type, stepped with the keyboard or a clicker.

``/present?story=forum&step=2&lang=en``. No filters, no navigation, no map toolbar: a title,
a caption, the view and a thin bar with the step, the keys and the way out. The keys
(→ ↓ PageDown Space / ← ↑ PageUp, Home / End, F for full screen) are handled in
``assets/presenting.js``, which presses the visible previous/next buttons, so the mouse,
the keyboard and a clicker share one path. The map is built once and patched per step.
"""

from __future__ import annotations

import dash
import flask
from dash import ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from dashboard.components import ids
from dashboard.components import presenting_ids as pid
from dashboard.components.header import language_href, maplibre_texts
from dashboard.components.page_title import page_title
from dashboard.components.story_saver import save_view, story_options
from dashboard.figures.config import graph_config
from dashboard.i18n import LANGUAGE_LABELS, LANGUAGES, normalise_language, translate
from dashboard.outputs.presenting import (
    REFERENCE_HEIGHT,
    map_font_sizes,
    present_map,
    present_map_patch,
    ranking_figure,
    ranking_font_sizes,
    step_view,
)
from dashboard.outputs.stories import Story, Vocabulary, list_stories, load_story
from dashboard.web.runtime import current

dash.register_page(
    __name__,
    path="/present",
    title=page_title("nav.present"),
    nav_key="nav.present",
    order=80,
    top_bar=False,  # full screen, no top bar: its first HTML shows none either (dashboard/web/shell.py)
)

DEFAULT_STORY = "forum"
# No toolbar, no zooming by wheel or double click: a clicker or a stray touch must not move the view.
STAGE_CONFIG = {"scrollZoom": False, "responsive": True, "doubleClick": False}


def _story(name: str | None) -> Story:
    runtime = current()
    folder = runtime.settings.stories_folder
    if not name:
        available = list_stories(folder)
        name = DEFAULT_STORY if DEFAULT_STORY in available or not available else available[0]
    return load_story(folder, name, Vocabulary.from_data(runtime.data))


def _position(step: object, count: int) -> int:
    try:
        number = int(str(step))
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), max(count, 1)) - 1


def _problems(story: Story, language: str) -> html.Div | None:
    if not story.problems:
        return None
    return html.Div(
        [
            html.Strong(translate("present.problems", language, story=story.name)),
            html.Ul([html.Li(problem.message(language)) for problem in story.problems]),
        ],
        className="present-problems",
        role="alert",
    )


def _nothing_to_show(story: Story, language: str) -> html.Div:
    folder = current().settings.stories_folder
    others = [name for name in list_stories(folder) if name != story.name]
    return html.Div(
        [
            html.H1(translate("present.empty", language), className="present-title"),
            _problems(story, language),
            html.P(translate("present.empty_help", language), className="present-caption"),
            html.Ul(
                [html.Li(html.A(name, href=f"/present?story={name}&lang={language}")) for name in others],
                className="present-story-list",
            )
            if others
            else None,
            html.A(translate("present.exit", language), href=f"/?lang={language}", className="present-exit"),
        ],
        className="present-root present-empty",
        id=pid.PRESENT_ROOT,
        lang=language,
    )


def _bar(story: Story, position: int, language: str) -> html.Footer:
    count = len(story.steps)
    query = f"story={story.name}&step={position + 1}"
    return html.Footer(
        [
            html.Div(
                [
                    html.Button(
                        ["← ", translate("present.previous", language)],
                        id=pid.PRESENT_PREVIOUS,
                        className="present-button",
                        n_clicks=0,
                        disabled=position == 0,
                    ),
                    html.Span(
                        translate("present.counter", language, step=position + 1, count=count),
                        id=pid.PRESENT_COUNTER,
                        className="present-counter",
                        role="status",
                    ),
                    html.Button(
                        [translate("present.next", language), " →"],
                        id=pid.PRESENT_NEXT,
                        className="present-button",
                        n_clicks=0,
                        disabled=position >= count - 1,
                    ),
                    # Home / End: pressed by assets/presenting.js only (the keys are the control).
                    html.Button(id=pid.PRESENT_FIRST, n_clicks=0, hidden=True),
                    html.Button(id=pid.PRESENT_LAST, n_clicks=0, hidden=True),
                ],
                className="present-steps",
            ),
            html.P(translate("present.keys", language), className="present-keys", id="present-keys"),
            html.Div(
                [
                    html.Button(
                        translate("present.fullscreen", language),
                        id=pid.PRESENT_FULLSCREEN,
                        className="present-button present-button-quiet",
                        n_clicks=0,
                    ),
                    html.Nav(
                        [
                            html.A(
                                LANGUAGE_LABELS[code],
                                href=language_href(code, query),
                                lang=code,
                                className="present-lang" + (" active" if code == language else ""),
                                **({"aria-current": "true"} if code == language else {}),
                            )
                            for code in LANGUAGES
                        ],
                        className="present-langs",
                        **{"aria-label": translate("app.language", language)},
                    ),
                    html.A(
                        translate("present.exit", language),
                        href=f"/{_explore_query(story, position, language)}",
                        className="present-exit",
                    ),
                ],
                className="present-tools",
            ),
        ],
        className="present-bar",
    )


def _explore_query(story: Story, position: int, language: str) -> str:
    """The explore page at the current step's view (the way out leads to where the talk is)."""
    view = story.steps[position].view.lstrip("?") if story.steps else ""
    return f"?lang={language}" + (f"&{view}" if view else "")


def _fonts(ranking) -> dict:
    """Type sizes at 1080p for assets/presenting.js, which scales them to the screen."""
    return {
        "reference": REFERENCE_HEIGHT,
        "map": map_font_sizes(),
        "ranking": ranking_font_sizes(ranking) if ranking else [],
    }


def _stage_box(
    graph_id: str, box_id: str, figure, shown: bool, language: str, extra_class: str = ""
) -> html.Div:
    """One of the stage's two views (map or ranking); both stay in the page and a step shows one,
    so stepping never rebuilds a graph."""
    graph = dcc.Graph(
        id=graph_id,
        figure=figure,
        config=graph_config(language, "static") | STAGE_CONFIG,
        className="present-graph",
        responsive=True,
    )
    return html.Div(graph, id=box_id, className=f"present-box {extra_class}".strip(), hidden=not shown)


def layout(lang: str | None = None, story: str | None = None, step: str | None = None, **_query: str):
    runtime = current()
    language = normalise_language(lang, runtime.settings.default_language)
    shown = _story(story)
    if not shown.steps:
        return _nothing_to_show(shown, language)
    position = _position(step, len(shown.steps))
    current_step = shown.steps[position]
    view = step_view(runtime, current_step, language)
    # The map is built once (geometry and all) and patched per step; the ranking when a step needs it.
    map_step = next((s for s in shown.steps if s.show == "map"), None)
    map_view = view.explore or (step_view(runtime, map_step, language).explore if map_step else None)
    figure = present_map(runtime, map_view, language) if map_view is not None else {}
    ranking = ranking_figure(runtime, current_step, language) if view.show == "ranking" else {}
    return html.Div(
        [
            dcc.Store(
                id=pid.PRESENT_STATE,
                data={
                    "story": shown.name,
                    "step": position,
                    "count": len(shown.steps),
                    "language": language,
                    "fit": view.fit,
                    "show": view.show,
                    "view": current_step.view,
                    "fonts": _fonts(ranking),
                },
            ),
            html.Div(id=pid.PRESENT_URL_SYNC, hidden=True),
            maplibre_texts(language),
            _problems(shown, language),
            html.Header(
                [
                    html.P(shown.title.get(language), className="present-kicker"),
                    html.H1(
                        current_step.title.get(language), id=pid.PRESENT_TITLE, className="present-title"
                    ),
                    html.P(
                        current_step.caption.get(language),
                        id=pid.PRESENT_CAPTION,
                        className="present-caption",
                    ),
                ],
                className="present-head",
            ),
            html.Main(
                [
                    _stage_box(pid.PRESENT_MAP, pid.PRESENT_MAP_BOX, figure, view.show == "map", language),
                    _stage_box(
                        pid.PRESENT_RANKING,
                        pid.PRESENT_RANKING_BOX,
                        ranking,
                        view.show == "ranking",
                        language,
                        "present-box-chart",
                    ),
                    html.P(view.summary, id=pid.PRESENT_SUMMARY, className="present-summary", role="status"),
                ],
                className="present-stage",
            ),
            _bar(shown, position, language),
        ],
        className="present-root",
        id=pid.PRESENT_ROOT,
        lang=language,
    )


@dash.callback(
    Output(pid.PRESENT_STATE, "data"),
    Output(pid.PRESENT_TITLE, "children"),
    Output(pid.PRESENT_CAPTION, "children"),
    Output(pid.PRESENT_COUNTER, "children"),
    Output(pid.PRESENT_MAP, "figure"),
    Output(pid.PRESENT_RANKING, "figure"),
    Output(pid.PRESENT_MAP_BOX, "hidden"),
    Output(pid.PRESENT_RANKING_BOX, "hidden"),
    Output(pid.PRESENT_SUMMARY, "children"),
    Output(pid.PRESENT_PREVIOUS, "disabled"),
    Output(pid.PRESENT_NEXT, "disabled"),
    Input(pid.PRESENT_PREVIOUS, "n_clicks"),
    Input(pid.PRESENT_NEXT, "n_clicks"),
    Input(pid.PRESENT_FIRST, "n_clicks"),
    Input(pid.PRESENT_LAST, "n_clicks"),
    State(pid.PRESENT_STATE, "data"),
    prevent_initial_call=True,
)
def go_to_step(_previous, _next, _first, _last, state):
    """One step back or forward (or to the first or last): title, caption, view, counter."""
    runtime = current()
    story = _story(state["story"])
    count = len(story.steps)
    if not count:
        return (no_update,) * 11
    moves = {
        pid.PRESENT_PREVIOUS: state["step"] - 1,
        pid.PRESENT_NEXT: state["step"] + 1,
        pid.PRESENT_FIRST: 0,
        pid.PRESENT_LAST: count - 1,
    }
    position = min(max(moves.get(ctx.triggered_id, state["step"]), 0), count - 1)
    language = state["language"]
    step = story.steps[position]
    view = step_view(runtime, step, language)
    is_map = view.show == "map"
    ranking = ranking_figure(runtime, step, language) if not is_map else None
    return (
        state
        | {
            "step": position,
            "count": count,
            "fit": view.fit,
            "show": view.show,
            "view": step.view,
            "fonts": _fonts(ranking),
        },
        step.title.get(language),
        step.caption.get(language),
        translate("present.counter", language, step=position + 1, count=count),
        present_map_patch(runtime, view.explore, language) if is_map else no_update,
        ranking if ranking is not None else no_update,
        not is_map,
        is_map,
        view.summary,
        position == 0,
        position >= count - 1,
    )


@dash.callback(
    Output(pid.SAVE_STATUS, "children"),
    Output(pid.SAVE_STORY_LIST, "children"),
    Output(pid.SAVE_CONFIRM, "children"),
    Output(pid.SAVE_CONFIRM, "style"),
    Output(pid.SAVE_PENDING, "data"),
    Input(pid.SAVE_BUTTON, "n_clicks"),
    Input(pid.SAVE_CONFIRM, "n_clicks"),
    State(pid.SAVE_STORY, "value"),
    State(pid.SAVE_STORY_TITLE, "value"),
    State(pid.SAVE_TITLE_SR, "value"),
    State(pid.SAVE_TITLE_EN, "value"),
    State(pid.SAVE_CAPTION_SR, "value"),
    State(pid.SAVE_CAPTION_EN, "value"),
    State(pid.SAVE_TOKEN, "value"),
    State(pid.SAVE_PENDING, "data"),
    State(ids.QUERY, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def save_explore_view(
    _save,
    _confirm,
    story,
    story_title,
    title_sr,
    title_en,
    caption_sr,
    caption_en,
    token,
    pending,
    query,
    language,
):
    """ "Add this view to a story" on the map page (the control is
    ``dashboard.components.story_saver``): the map page's state becomes a new story's first
    step, or, after a confirmation, the last step of an existing story."""
    runtime = current()
    confirmed = ctx.triggered_id == pid.SAVE_CONFIRM and bool(pending) and pending == (story or "").strip()
    status, waiting = save_view(
        runtime.settings,
        runtime.data,
        story,
        (story_title, title_sr, title_en, caption_sr, caption_en),
        token,
        flask.request.remote_addr,
        query,
        language,
        confirmed=confirmed,
    )
    confirm_text = translate("story.save.confirm", language, story=waiting) if waiting else ""
    return (
        status,
        story_options(runtime.settings),
        confirm_text,
        {} if waiting else {"display": "none"},
        waiting,
    )


dash.clientside_callback(
    ClientsideFunction(namespace="presenting", function_name="syncUrl"),
    Output(pid.PRESENT_URL_SYNC, "children"),
    Input(pid.PRESENT_STATE, "data"),
)

dash.clientside_callback(
    ClientsideFunction(namespace="presenting", function_name="scaleRanking"),
    Output(pid.PRESENT_RANKING, "figure", allow_duplicate=True),
    Input(pid.PRESENT_STATE, "data"),
    prevent_initial_call="initial_duplicate",
)

dash.clientside_callback(
    ClientsideFunction(namespace="presenting", function_name="fitMap"),
    Output(pid.PRESENT_MAP, "figure", allow_duplicate=True),
    Input(pid.PRESENT_STATE, "data"),
    prevent_initial_call="initial_duplicate",
)

dash.clientside_callback(
    ClientsideFunction(namespace="presenting", function_name="fullscreen"),
    Output(pid.PRESENT_FULLSCREEN, "title"),
    Input(pid.PRESENT_FULLSCREEN, "n_clicks"),
    prevent_initial_call=True,
)
