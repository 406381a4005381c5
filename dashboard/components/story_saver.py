"""The "add this view to a story" control: a small form under the explore map that appends
the page's current state (the ``ids.QUERY`` store) as a new step of a presenter story.

The explore page only places this control. Its callback lives in the presenter page's
module (``dashboard/pages/present.py``) and calls :func:`save_view`: Dash runs page modules
for every app it creates, and so registers their callbacks with each. Writing follows
:func:`dashboard.outputs.stories.append_step` (checked, appended as text, replaced atomically); who
may write follows :func:`dashboard.outputs.stories.may_edit`.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import flask
from dash import html

from dashboard.components import presenting_ids as pid
from dashboard.components.controls import labelled
from dashboard.config import Settings
from dashboard.i18n import translate
from dashboard.outputs.stories import Step as StoryStep
from dashboard.outputs.stories import (
    StoryError,
    Text,
    Vocabulary,
    append_step,
    list_stories,
    may_edit,
    present_url,
)

DEFAULT_STORY = "forum"
# Said without naming the server's configuration (a visitor cannot set it anyway).
REFUSALS = {"not_allowed": "security.story_not_allowed"}


def _field(label: str, control, help_text: str | None = None) -> html.Div:
    return labelled(label, control, help_text, label_class="filter-label", className="story-field")


def _options(settings: Settings) -> list[html.Option]:
    return [html.Option(value=name) for name in list_stories(settings.stories_folder)]


def save_view_control(language: str, settings: Settings) -> html.Details:
    """Collapsed by default (a native <details>: keyboard-operable, no script needed)."""
    return html.Details(
        [
            html.Summary(translate("story.save.open", language), className="story-saver-summary"),
            html.Div(
                [
                    _field(
                        translate("story.save.story", language),
                        dbc.Input(
                            id=pid.SAVE_STORY,
                            value=DEFAULT_STORY,
                            list=pid.SAVE_STORY_LIST,
                            maxLength=64,
                            size="sm",
                            autoComplete="off",
                        ),
                        translate("story.save.story_help", language),
                    ),
                    html.Datalist(_options(settings), id=pid.SAVE_STORY_LIST),
                    html.Div(
                        [
                            _field(
                                translate("story.save.title_sr", language),
                                dbc.Input(id=pid.SAVE_TITLE_SR, maxLength=120, size="sm"),
                            ),
                            _field(
                                translate("story.save.title_en", language),
                                dbc.Input(id=pid.SAVE_TITLE_EN, maxLength=120, size="sm"),
                            ),
                            _field(
                                translate("story.save.caption_sr", language),
                                dbc.Textarea(id=pid.SAVE_CAPTION_SR, maxLength=400, rows=2, size="sm"),
                            ),
                            _field(
                                translate("story.save.caption_en", language),
                                dbc.Textarea(id=pid.SAVE_CAPTION_EN, maxLength=400, rows=2, size="sm"),
                            ),
                        ],
                        className="story-fields",
                    ),
                    html.Small(translate("story.save.languages_help", language), className="filter-help"),
                    html.Div(
                        _field(
                            translate("story.save.token", language),
                            dbc.Input(id=pid.SAVE_TOKEN, type="password", size="sm", autoComplete="off"),
                        ),
                        hidden=not settings.editor_token,
                    ),
                    dbc.Button(
                        translate("story.save.button", language),
                        id=pid.SAVE_BUTTON,
                        color="primary",
                        size="sm",
                        n_clicks=0,
                        className="mt-2",
                    ),
                    html.Div(id=pid.SAVE_STATUS, role="status", className="story-status"),
                ],
                className="story-saver-body",
            ),
        ],
        className="story-saver",
    )


def save_view(settings: Settings, data, story, texts, token, remote_address, query, language):
    """Append the explore page's state ``query`` to ``story``; the status to show (an alert).

    ``texts`` are the form's Serbian and English title and caption. Who may write is
    decided from the request being answered (its address and ``Host``/``Origin``/``Referer``
    headers), see :func:`dashboard.outputs.stories.may_edit`.
    """
    headers = flask.request.headers if flask.has_request_context() else None
    refused = may_edit(settings.editor_token, token, remote_address, headers, settings.host)
    if refused:
        return _status(translate(REFUSALS.get(refused, f"story.problem.{refused}"), language), "danger")
    title_sr, title_en, caption_sr, caption_en = texts
    step = StoryStep(
        title=Text.serbian_and_english(title_sr, title_en),
        view=query or "",
        caption=Text.serbian_and_english(caption_sr, caption_en),
    )
    name = (story or "").strip()
    try:
        saved = append_step(
            settings.stories_folder,
            name,
            step,
            Vocabulary.from_data(data),
            new_title=Text({"sr-Latn": name}),
        )
    except StoryError as error:
        return _status(error.problem.message(language), "danger")
    count = len(saved.steps)
    message = [
        translate("story.save.saved", language, step=count, story=name),
        " ",
        html.A(translate("story.save.present", language), href=present_url(name, count, language)),
    ]
    return _status(message, "success")


def story_options(settings: Settings) -> list[html.Option]:
    return _options(settings)


def _status(children, color: str) -> dbc.Alert:
    return dbc.Alert(children, color=color, className="py-2 mb-0 mt-2")
