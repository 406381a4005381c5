"""Run the dashboard: ``python app.py`` (HOST and PORT from the environment)."""

from dashboard.app import create_app
from dashboard.config import Settings

if __name__ == "__main__":
    settings = Settings.from_env()
    create_app(settings).run(host=settings.host, port=settings.port, debug=settings.debug)
