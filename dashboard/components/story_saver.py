"""The "add this view to a story" control: a small form under the explore map that appends
the page's current state (the ``ids.QUERY`` store) as a new step of a presenter story.

The explore page only places this control. Its callback lives in the presenter page's
module (``dashboard/pages/present.py``) and calls :func:`save_view`: Dash runs page modules
for every app it creates, and so registers their callbacks with each. Writing follows
:func:`dashboard.outputs.stories.append_step` (checked, appended as text, replaced atomically); who
may write follows :func:`dashboard.outputs.stories.may_edit`.
"""

from __future__ import annotations

import re
import unicodedata

import dash_bootstrap_components as dbc
import flask
from dash import dcc, html

from dashboard.components import presenting_ids as pid
from dashboard.components.controls import labelled
from dashboard.config import Settings
from dashboard.i18n import translate
from dashboard.i18n.script import to_latin
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

NEW_STORY_FALLBACK = "prica"  # file name of a new story whose title gives no letters
# Said without naming the server's configuration (a visitor cannot set it anyway).
REFUSALS = {"not_allowed": "security.story_not_allowed"}


def _field(label: str, control, help_text: str | None = None) -> html.Div:
    return labelled(label, control, help_text, label_class="filter-label", className="story-field")


def _options(settings: Settings) -> list[html.Option]:
    return [html.Option(value=name) for name in list_stories(settings.stories_folder)]


def story_file_name(title: str, existing: list[str]) -> str:
    """A new story's file name from its title ("Kreativni Pirot" -> ``kreativni-pirot``), never
    one of ``existing``: a casual save must not land in a story someone is presenting."""
    latin = to_latin(title or "").replace("đ", "dj").replace("Đ", "Dj")
    plain = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:48].strip("-") or NEW_STORY_FALLBACK
    name, number = base, 2
    while name in existing:
        name, number = f"{base}-{number}", number + 1
    return name


def save_view_control(language: str, settings: Settings) -> html.Details:
    """Collapsed by default (a native <details>: keyboard-operable, no script needed).

    The story field starts empty, which means a NEW story named after its title; naming an
    existing story asks for a confirmation before anything is written to it."""
    return html.Details(
        [
            html.Summary(translate("story.save.open", language), className="story-saver-summary"),
            html.Div(
                [
                    _field(
                        translate("story.save.new_title", language),
                        dbc.Input(id=pid.SAVE_STORY_TITLE, maxLength=120, size="sm"),
                        translate("story.save.new_title_help", language),
                    ),
                    _field(
                        translate("story.save.story", language),
                        dbc.Input(
                            id=pid.SAVE_STORY,
                            value="",
                            placeholder=translate("story.save.story_placeholder", language),
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
                    dbc.Button(
                        "",
                        id=pid.SAVE_CONFIRM,
                        color="warning",
                        size="sm",
                        n_clicks=0,
                        className="mt-2",
                        style={"display": "none"},
                    ),
                    dcc.Store(id=pid.SAVE_PENDING),
                ],
                className="story-saver-body",
            ),
        ],
        className="story-saver",
    )


def save_view(
    settings: Settings, data, story, texts, token, remote_address, query, language, *, confirmed: bool = False
):
    """Append the explore page's state ``query`` to ``story``: (the status to show, the name of
    an existing story waiting for a confirmation or None).

    ``texts`` are the new story's title and the step's Serbian and English title and caption.
    An empty ``story`` makes a new story named after its title; an existing one is written to
    only once ``confirmed``. Who may write is decided from the request being answered (its
    address and ``Host``/``Origin``/``Referer`` headers), see
    :func:`dashboard.outputs.stories.may_edit`.
    """
    headers = flask.request.headers if flask.has_request_context() else None
    refused = may_edit(settings.editor_token, token, remote_address, headers, settings.host)
    if refused:
        message = translate(REFUSALS.get(refused, f"story.problem.{refused}"), language)
        return _status(message, "danger"), None
    story_title, title_sr, title_en, caption_sr, caption_en = texts
    step = StoryStep(
        title=Text.serbian_and_english(title_sr, title_en),
        view=query or "",
        caption=Text.serbian_and_english(caption_sr, caption_en),
    )
    existing = list_stories(settings.stories_folder)
    name = (story or "").strip()
    proper_title = (story_title or "").strip() or (title_sr or "").strip() or (title_en or "").strip()
    if not name:
        name = story_file_name(proper_title, existing)
    elif name in existing and not confirmed:
        question = translate("story.save.confirm_question", language, story=name)
        return _status(question, "warning"), name
    try:
        saved = append_step(
            settings.stories_folder,
            name,
            step,
            Vocabulary.from_data(data),
            new_title=_new_story_title(proper_title or name, language),
        )
    except StoryError as error:
        return _status(error.problem.message(language), "danger"), None
    count = len(saved.steps)
    message = [
        translate("story.save.saved", language, step=count, story=name),
        " ",
        html.A(translate("story.save.present", language), href=present_url(name, count, language)),
    ]
    return _status(message, "success"), None


def _new_story_title(title: str, language: str) -> Text:
    """A new story's title as typed, in the script it was typed in (English on English pages)."""
    if language == "en":
        return Text({"en": title})
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in title)
    return Text({"sr-Cyrl" if cyrillic else "sr-Latn": title})


def story_options(settings: Settings) -> list[html.Option]:
    return _options(settings)


def _status(children, color: str) -> dbc.Alert:
    return dbc.Alert(children, color=color, className="py-2 mb-0 mt-2")
