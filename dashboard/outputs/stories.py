"""Presenter stories: a sequence of saved views, kept in a human-editable TOML file.

A story is ``<stories folder>/<name>.toml`` (see ``data/stories/README.md``)::

    title.sr-Latn = "Kreativna ekonomija Južne Srbije"
    title.en = "The creative economy of South Serbia"

    [[steps]]
    view = "?district=RS-22&municipality=pirot"   # the explore page's query string
    title.sr-Latn = "Pirot"
    title.en = "Pirot"
    caption.en = "One short sentence for the audience."

Each step shows the explore page's state ``view`` (an :class:`~dashboard.web.state.ExploreState`
query string) on the map, or, with ``show = "ranking"``, the development-potential ranking.
Texts are given per language; a missing one is derived (Cyrillic from Latin and back, the
other language as a last resort), so a step typed in one language still shows in three.

:func:`load_story` never raises on a bad file: it returns the steps it could read and a
:class:`StoryProblem` for everything else (a step with a problem is left out of the show, so
a typo does not put an empty map on the projector). :func:`append_step` adds a step to the
end of a file *as text* -- comments and layout of a hand-edited file stay as they are -- and
replaces the file atomically, only after the new text has been read back and checked.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import re
import tempfile
import threading
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from dashboard.analysis.indicators import LEVELS, METRICS
from dashboard.i18n import LANGUAGES, to_cyrillic, translate
from dashboard.i18n.script import to_latin
from dashboard.web.state import ExploreState

SHOWS = ("map", "ranking")
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_TITLE = 120
MAX_CAPTION = 400
VIEW_PARAMETERS = (
    "district",
    "municipality",
    "sector",
    "size",
    "tier",
    "years",
    "level",
    "metric",
    "lq",
    "at",
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LOCK = threading.Lock()  # one writer at a time within this process


# ----------------------------------------------------------------------------- texts


@dataclass(frozen=True)
class Text:
    """A short text in one or more of the app's languages."""

    values: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(v.strip() for v in self.values.values())

    def get(self, language: str) -> str:
        """The text in ``language``, else derived: Cyrillic <-> Latin by transliteration,
        then the other language."""
        values = {k: v for k, v in self.values.items() if v.strip()}
        if language in values:
            return values[language]
        if language == "sr-Cyrl" and "sr-Latn" in values:
            return to_cyrillic(values["sr-Latn"])
        if language == "sr-Latn" and "sr-Cyrl" in values:
            return to_latin(values["sr-Cyrl"])
        if language.startswith("sr") and "en" in values:
            return values["en"]
        if "sr-Latn" in values:
            return values["sr-Latn"]
        if "sr-Cyrl" in values:
            return to_latin(values["sr-Cyrl"])
        return ""

    @classmethod
    def serbian_and_english(cls, serbian: str | None, english: str | None) -> Text:
        """From a form: Serbian typed in either script (stored under the script it is in)."""
        values: dict[str, str] = {}
        serbian, english = (serbian or "").strip(), (english or "").strip()
        if serbian:
            values["sr-Cyrl" if CYRILLIC.search(serbian) else "sr-Latn"] = serbian
        if english:
            values["en"] = english
        return cls(values)


# ----------------------------------------------------------------------------- model


@dataclass(frozen=True)
class StoryProblem:
    """Something wrong in a story file. ``step`` counts from 1 (``None``: the whole file);
    the wording is the catalogue's ``story.problem.<code>``."""

    code: str
    step: int | None = None
    details: Mapping[str, object] = field(default_factory=dict)

    def message(self, language: str) -> str:
        text = translate(f"story.problem.{self.code}", language, **self.details)
        if self.step is None:
            return text
        return translate("story.problem.in_step", language, step=self.step, problem=text)


@dataclass(frozen=True)
class Step:
    title: Text
    view: str = ""
    caption: Text = field(default_factory=Text)
    show: str = "map"

    @property
    def state(self) -> ExploreState:
        return ExploreState.from_query(dict(parse_qsl(self.view.lstrip("?"))))


@dataclass(frozen=True)
class Story:
    name: str
    title: Text
    steps: tuple[Step, ...] = ()
    problems: tuple[StoryProblem, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The codes a view may name: the region's units and the taxonomy's sectors."""

    districts: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    size_classes: frozenset[str] = frozenset()
    tiers: frozenset[str] = frozenset()
    definitions: frozenset[str] = frozenset()  # the taxonomy's definitions of "creative"

    @classmethod
    def from_data(cls, data) -> Vocabulary:
        from dashboard.analysis.indicators import TIERS
        from dashboard.sources.schema import SIZE_CLASSES

        return cls(
            districts=frozenset(data.districts.index),
            municipalities=frozenset(data.municipalities.index),
            sectors=frozenset(data.taxonomy.sector_codes),
            size_classes=frozenset(name for name, _, _ in SIZE_CLASSES),
            tiers=frozenset(TIERS),
            definitions=frozenset(data.taxonomy.definition_ids),
        )


class StoryError(Exception):
    """A story could not be saved; nothing was written. ``code`` names a ``story.problem.*``."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.problem = StoryProblem(code, details=details)


# ----------------------------------------------------------------------------- checking


def _understood(key: str, value: str) -> bool:
    """Whether the explore page reads ``key`` at all: some value of it changes its state. (So a
    parameter the page learns later is accepted without a change here.)"""
    empty = ExploreState()
    return any(ExploreState.from_query({key: probe}) != empty for probe in (value, "0", "1", "", "x"))


def check_view(view: object, vocabulary: Vocabulary | None) -> list[tuple[str, dict]]:
    """Problems of one ``view`` query string: unknown parameters, codes the region does not
    have, values the explore page would silently ignore. Empty list when it is fine."""
    if not isinstance(view, str):
        return [("view_not_text", {})]
    problems: list[tuple[str, dict]] = []
    params = parse_qsl(view.strip().lstrip("?"), keep_blank_values=True)
    lists = {
        "district": vocabulary.districts if vocabulary else None,
        "municipality": vocabulary.municipalities if vocabulary else None,
        "sector": vocabulary.sectors if vocabulary else None,
        "size": vocabulary.size_classes if vocabulary else None,
        "tier": vocabulary.tiers if vocabulary else None,
        "definition": (vocabulary.definitions or None) if vocabulary else None,
    }
    for key, value in params:
        if key == "lang":
            continue
        if key not in VIEW_PARAMETERS and not _understood(key, value):
            problems.append(("unknown_parameter", {"name": key}))
        elif key in lists:
            known = lists[key]
            for code in filter(None, value.split(",")):
                if known is not None and code not in known:
                    problems.append(("unknown_code", {"name": key, "value": code}))
        elif (key == "level" and value not in LEVELS) or (key == "metric" and value not in METRICS):
            problems.append(("bad_value", {"name": key, "value": value}))
        elif key == "lq" and vocabulary and value not in vocabulary.sectors:
            problems.append(("unknown_code", {"name": key, "value": value}))
    state = ExploreState.from_query(dict(params))
    if any(k == "years" for k, _ in params) and not state.filters.years:
        problems.append(("bad_value", {"name": "years", "value": dict(params)["years"]}))
    if any(k == "at" for k, _ in params) and not state.view:
        problems.append(("bad_value", {"name": "at", "value": dict(params)["at"]}))
    return problems


def _text(raw: object, what: str, limit: int, step: int | None, problems: list[StoryProblem]) -> Text:
    if raw is None:
        return Text()
    if isinstance(raw, str):  # a bare string: taken as Serbian Latin, the catalogue's source language
        raw = {"sr-Latn": raw}
    if not isinstance(raw, Mapping):
        problems.append(StoryProblem("bad_text", step, {"field": what}))
        return Text()
    values: dict[str, str] = {}
    for language, value in raw.items():
        if language not in LANGUAGES:
            problems.append(StoryProblem("unknown_language", step, {"field": what, "value": language}))
        elif not isinstance(value, str):
            problems.append(StoryProblem("bad_text", step, {"field": what}))
        elif len(value) > limit:
            problems.append(StoryProblem("too_long", step, {"field": what, "limit": limit}))
        else:
            values[language] = value.strip()
    return Text(values)


def parse_story(name: str, text: str, vocabulary: Vocabulary | None = None) -> Story:
    """A story from the text of its file; never raises (see :class:`StoryProblem`)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Story(name, Text({"en": name}), (), (StoryProblem("unreadable", None, {"error": str(error)}),))
    problems: list[StoryProblem] = []
    title = _text(raw.get("title"), "title", MAX_TITLE, None, problems) or Text({"sr-Latn": name})
    raw_steps = raw.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(StoryProblem("no_steps"))
        return Story(name, title, (), tuple(problems))
    steps: list[Step] = []
    for number, entry in enumerate(raw_steps, start=1):
        found: list[StoryProblem] = []
        if not isinstance(entry, Mapping):
            problems.append(StoryProblem("bad_step", number))
            continue
        for key in entry:
            if key not in {"view", "title", "caption", "show"}:
                found.append(StoryProblem("unknown_field", number, {"name": key}))
        step_title = _text(entry.get("title"), "title", MAX_TITLE, number, found)
        if not step_title:
            found.append(StoryProblem("no_title", number))
        caption = _text(entry.get("caption"), "caption", MAX_CAPTION, number, found)
        view = entry.get("view", "")
        found += [StoryProblem(code, number, details) for code, details in check_view(view, vocabulary)]
        show = entry.get("show", "map")
        if show not in SHOWS:
            found.append(StoryProblem("bad_value", number, {"name": "show", "value": show}))
        problems += found
        if not found:
            steps.append(Step(step_title, view.strip(), caption, show))
    if raw_steps and not steps:
        problems.append(StoryProblem("no_valid_steps"))
    return Story(name, title, tuple(steps), tuple(problems))


def story_path(folder: Path, name: str) -> Path:
    if not NAME.match(name or ""):
        raise StoryError("bad_name", name=str(name)[:70])
    return folder / f"{name}.toml"


def load_story(folder: Path, name: str, vocabulary: Vocabulary | None = None) -> Story:
    """The story ``name`` from ``folder``; a missing or unreadable file is a problem, not an error."""
    try:
        path = story_path(folder, name)
    except StoryError as error:
        return Story(str(name), Text({"sr-Latn": str(name)}), (), (error.problem,))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Story(name, Text({"sr-Latn": name}), (), (StoryProblem("missing", None, {"name": name}),))
    except (OSError, UnicodeDecodeError) as error:
        return Story(
            name, Text({"sr-Latn": name}), (), (StoryProblem("unreadable", None, {"error": str(error)}),)
        )
    return parse_story(name, text, vocabulary)


def list_stories(folder: Path) -> list[str]:
    """Names of the stories in ``folder`` (file names without ``.toml``), sorted."""
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.toml") if NAME.match(p.stem))


# ----------------------------------------------------------------------------- writing


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in {'"', "\\"}:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif CONTROL.match(char) or char == "\r":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _text_lines(name: str, text: Text) -> list[str]:
    order = [language for language in LANGUAGES if text.values.get(language, "").strip()]
    return [f"{name}.{language} = {toml_string(text.values[language].strip())}" for language in order]


def step_toml(step: Step) -> str:
    """The ``[[steps]]`` block of one step, as a person would write it."""
    lines = ["[[steps]]", f"view = {toml_string(step.view)}"]
    if step.show != "map":
        lines.append(f"show = {toml_string(step.show)}")
    lines += _text_lines("title", step.title) + _text_lines("caption", step.caption)
    return "\n".join(lines) + "\n"


def check_new_step(step: Step, vocabulary: Vocabulary | None) -> list[StoryProblem]:
    """What is wrong with a step someone is about to save (empty when nothing)."""
    problems: list[StoryProblem] = []
    if not step.title:
        problems.append(StoryProblem("no_title"))
    for what, text, limit in (("title", step.title, MAX_TITLE), ("caption", step.caption, MAX_CAPTION)):
        for value in text.values.values():
            if len(value) > limit:
                problems.append(StoryProblem("too_long", None, {"field": what, "limit": limit}))
            if CONTROL.search(value) or (what == "title" and ("\n" in value or "\r" in value)):
                problems.append(StoryProblem("bad_text", None, {"field": what}))
    if step.show not in SHOWS:
        problems.append(StoryProblem("bad_value", None, {"name": "show", "value": step.show}))
    problems += [StoryProblem(code, None, details) for code, details in check_view(step.view, vocabulary)]
    return problems


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it over ``path``: a reader
    (or a crash) sees the old file or the new one, never half of one."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".toml.tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable where the platform allows it
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)


def new_story_text(title: Text) -> str:
    return "\n".join(
        [
            "# A presenter story: open it at /present?story=<file name without .toml>.",
            "# The format is described in data/stories/README.md.",
            "",
            *_text_lines("title", title),
            "",
        ]
    )


def append_step(
    folder: Path,
    name: str,
    step: Step,
    vocabulary: Vocabulary | None = None,
    *,
    new_title: Text | None = None,
) -> Story:
    """Add ``step`` at the end of story ``name`` (creating the file when there is none yet)
    and return the story as now saved.

    Raises :class:`StoryError` -- with the file untouched -- when the step is invalid, the
    existing file cannot be read or parsed (it is never overwritten then: a person may be
    halfway through editing it), or the appended text would not read back as intended.
    """
    path = story_path(folder, name)
    problems = check_new_step(step, vocabulary)
    if problems:
        raise StoryError(problems[0].code, **problems[0].details)
    block = step_toml(step)
    with _LOCK:
        if path.exists():
            try:
                text = path.read_text(encoding="utf-8")
                before = tomllib.loads(text)
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                raise StoryError("unreadable", error=str(error)) from error
            steps_before = before.get("steps", [])
            if not isinstance(steps_before, list):
                raise StoryError("cannot_append")
            new_text = text.rstrip("\n") + "\n\n" + block
        else:
            folder.mkdir(parents=True, exist_ok=True)
            steps_before = []
            new_text = new_story_text(new_title or Text({"sr-Latn": name})) + "\n" + block
        try:
            after = tomllib.loads(new_text)
        except tomllib.TOMLDecodeError as error:
            raise StoryError("cannot_append") from error
        steps_after = after.get("steps")
        if not isinstance(steps_after, list) or len(steps_after) != len(steps_before) + 1:
            raise StoryError("cannot_append")
        if tomllib.loads(block)["steps"][0] != steps_after[-1]:
            raise StoryError("cannot_append")
        try:
            _write_atomically(path, new_text)
        except OSError as error:
            raise StoryError("not_written", error=str(error)) from error
    return parse_story(name, new_text, vocabulary)


LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
UNSPECIFIED_HOSTS = frozenset({"", "0.0.0.0", "::"})  # HOST values that listen everywhere


def _hostname(text: str | None, with_scheme: bool) -> str | None:
    """The host name in a ``Host`` header (``name:port``, ``[::1]:port``) or in an ``Origin`` /
    ``Referer`` URL, lower-case; None when there is none."""
    if not text:
        return None
    try:
        name = urlsplit(text if with_scheme else f"//{text}").hostname
    except ValueError:
        return None
    return name.rstrip(".") if name else None


def names_this_computer(name: str | None, configured_host: str = "127.0.0.1") -> bool:
    """Whether a host name (from a request) is one of this computer's own loopback names or
    addresses, or the address the app was configured to listen on."""
    if not name:
        return False
    if name in LOOPBACK_NAMES:
        return True
    configured = configured_host.strip().strip("[]").lower()
    if configured not in UNSPECIFIED_HOSTS and name == configured:
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def local_request(
    remote_address: str | None,
    headers: Mapping[str, str] | None = None,
    configured_host: str = "127.0.0.1",
) -> bool:
    """A request from the computer the app runs on, made by a page of this app.

    The connection must come from a loopback address, and the browser must have addressed the
    app by one of its own names: a page from elsewhere can make a browser connect to the
    loopback address under the other site's name (DNS rebinding) or post to it from the other
    site (then ``Origin``/``Referer`` name that site). ``headers`` None means no HTTP request
    (a caller that only knows the address).
    """
    try:
        if not ipaddress.ip_address((remote_address or "").split("%")[0]).is_loopback:
            return False
    except ValueError:
        return False
    if headers is None:
        return True
    if not names_this_computer(_hostname(headers.get("Host"), with_scheme=False), configured_host):
        return False
    for header in ("Origin", "Referer"):
        value = headers.get(header)
        if value is not None and not names_this_computer(_hostname(value, with_scheme=True), configured_host):
            return False
    return True


def may_edit(
    editor_token: str,
    given_token: str | None,
    remote_address: str | None,
    headers: Mapping[str, str] | None = None,
    configured_host: str = "127.0.0.1",
) -> str | None:
    """``None`` when a story may be saved, else the ``story.problem.*`` code saying why not.

    With an editor credential configured it must be given; without one, only a request from
    the computer the app runs on may write (:func:`local_request`: a loopback address, and
    ``Host``, ``Origin`` and ``Referer`` naming this computer).
    """
    if editor_token:
        given = (given_token or "").encode()
        return None if hmac.compare_digest(given, editor_token.encode()) else "wrong_token"
    return None if local_request(remote_address, headers, configured_host) else "not_allowed"


def present_url(name: str, step: int = 1, language: str | None = None) -> str:
    parts = [f"story={name}", f"step={step}"]
    if language:
        parts.insert(0, f"lang={language}")
    return "/present?" + "&".join(parts)


def step_titles(story: Story, language: str) -> list[str]:
    return [step.title.get(language) for step in story.steps]


def problem_messages(problems: Iterable[StoryProblem], language: str) -> list[str]:
    return [problem.message(language) for problem in problems]
