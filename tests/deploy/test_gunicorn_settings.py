"""The shipped gunicorn settings, as gunicorn itself reads them."""

from __future__ import annotations

from gunicorn.config import Config

from localoffer.config import PROJECT_ROOT

SETTINGS = PROJECT_ROOT / "gunicorn.conf.py"


def shipped_settings() -> dict[str, object]:
    namespace: dict[str, object] = {"__file__": str(SETTINGS)}
    exec(compile(SETTINGS.read_text(encoding="utf-8"), str(SETTINGS), "exec"), namespace)
    return namespace


def test_gunicorn_creates_no_control_socket() -> None:
    """No socket in $HOME through which the service's workers could be changed or stopped."""
    settings = shipped_settings()
    config = Config()
    for name, value in settings.items():
        if name in config.settings:
            config.set(name, value)
    assert config.control_socket_disable is True


def test_gunicorn_settings_have_no_keepalive_the_sync_worker_ignores() -> None:
    """Sync workers close each connection; keeping connections open is nginx's job."""
    settings = shipped_settings()
    assert settings["worker_class"] == "sync" and "keepalive" not in settings
