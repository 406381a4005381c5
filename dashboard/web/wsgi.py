"""The WSGI entry for production servers, built from the environment like ``python app.py``:

    gunicorn -w 2 --threads 4 -b 0.0.0.0:8050 dashboard.web.wsgi:server

The app is complete when this module has been imported (data loaded, pages and callbacks
registered, Dash's first-request set-up done), so a worker answers its first requests like
any later ones. Every cached page's layout is built here too, in each language (and every
municipality's profile; about 6 s): with ``gunicorn --preload`` the workers are forked from
this process and start with them (:func:`dashboard.web.answercache.warm`).
``celery_app`` is the Celery application profile exports run on when ``REDIS_URL`` is set
(``celery -A dashboard.web.wsgi:celery_app worker``); else None.
"""

from __future__ import annotations

from dashboard.app import create_app
from dashboard.web import answercache, serving
from dashboard.web.jobs import celery_app_of

app = create_app()
answercache.warm(app, serving.CACHED_PAGES)
server = app.server
celery_app = celery_app_of(app._background_manager)
