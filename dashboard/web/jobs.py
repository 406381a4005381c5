"""Where heavy callbacks run: Dash background callbacks, off the request path.

A profile export starts Chromium, which renders one of this app's own pages for seconds. Run
inside the request, a few at once would tie up every server thread; as a background callback
the request only starts a job and the browser polls for its result. Without ``REDIS_URL`` the
job runs in a process beside the server (``DiskcacheManager``), its state in ``jobs_dir``
(shared by all workers, so any of them can answer a poll); with ``REDIS_URL`` it goes to
Celery workers through Redis (``CeleryManager``), started with

    celery -A dashboard.web.wsgi:celery_app worker --concurrency 1

The address Chromium opens is this server's own (never one a client sent): a
``custom_data`` hook works it out from the request that starts the job and hands it to the
job in its context.
"""

from __future__ import annotations

import uuid

import dash
import flask
from dash.background_callback.managers import BaseBackgroundCallbackManager

from dashboard.config import Settings
from dashboard.outputs.rendering import app_origin
from dashboard.web.runtime import current

RESULTS_KEPT_S = 600  # a finished job's result waits this long for the browser to collect it
RENDER_ORIGIN = "cim_render_origin"  # ctx.custom_data key: where the server itself listens


def _unique() -> str:
    """Part of every job's key: two visitors exporting the same profile at once must not share
    (and then clear) one result."""
    return uuid.uuid4().hex


def background_manager(settings: Settings) -> BaseBackgroundCallbackManager:
    """Celery + Redis when ``REDIS_URL`` is set, else processes with a diskcache beside them."""
    if settings.redis_url:
        from celery import Celery

        celery_app = Celery("creative-map", broker=settings.redis_url, backend=settings.redis_url)
        celery_app.conf.update(
            broker_connection_retry_on_startup=True,
            result_expires=RESULTS_KEPT_S,
            task_acks_late=True,  # a worker killed mid-render leaves the job for another
            worker_prefetch_multiplier=1,  # one render per worker process at a time
        )
        return dash.CeleryManager(celery_app, cache_by=[_unique], expire=RESULTS_KEPT_S)
    import diskcache

    settings.jobs_dir.mkdir(parents=True, exist_ok=True)
    cache = diskcache.Cache(str(settings.jobs_dir))
    return dash.DiskcacheManager(cache, cache_by=[_unique], expire=RESULTS_KEPT_S)


def celery_app_of(manager: BaseBackgroundCallbackManager):
    """The Celery application behind ``manager`` (for ``celery -A``), or None."""
    return manager.handle if isinstance(manager, dash.CeleryManager) else None


@dash.hooks.custom_data(RENDER_ORIGIN)
def _render_origin(_context: dict) -> str:
    """Computed for each callback while its request is at hand (a background job has none)."""
    if not flask.has_request_context():
        return ""
    return app_origin(flask.request.environ, current().settings.host)
