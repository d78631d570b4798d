"""The settings modules read the environment as documented, each checked in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT_VARIABLES = ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"]
SHOW_SETTINGS = (
    "import json, {module} as s; "
    "print(json.dumps({{'DEBUG': getattr(s, 'DEBUG', None), 'ALLOWED_HOSTS': s.ALLOWED_HOSTS, "
    "'STATICFILES': s.STORAGES['staticfiles']['BACKEND'], 'DATABASE': s.DATABASES['default'], "
    "'SECRET_KEY': s.SECRET_KEY}}, default=str))"
)


def import_settings(module: str, **environment: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT_VARIABLES}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(environment)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", SHOW_SETTINGS.format(module=module)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def settings_from(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"]),
        ({"DJANGO_ALLOWED_HOSTS": "leaders.example.org"}, ["DJANGO_SECRET_KEY"]),
        ({"DJANGO_SECRET_KEY": "a-long-random-secret"}, ["DJANGO_ALLOWED_HOSTS"]),
        (
            {"DJANGO_SECRET_KEY": "a-long-random-secret", "DJANGO_ALLOWED_HOSTS": " , "},
            ["DJANGO_ALLOWED_HOSTS"],
        ),
    ],
)
def test_production_refuses_to_start_without_its_secrets(environment, missing):
    result = import_settings("portal.settings.production", **environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in missing:
        assert name in result.stderr
    for name in {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} - set(missing):
        assert name not in result.stderr.splitlines()[-1]


def test_production_starts_with_both_set():
    settings = settings_from(
        import_settings(
            "portal.settings.production",
            DJANGO_SECRET_KEY="a-long-random-secret",
            DJANGO_ALLOWED_HOSTS="leaders.example.org, www.leaders.example.org",
        )
    )

    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == "a-long-random-secret"
    assert settings["ALLOWED_HOSTS"] == ["leaders.example.org", "www.leaders.example.org"]
    assert settings["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_database_url_selects_postgresql():
    settings = settings_from(
        import_settings(
            "portal.settings.base",
            DATABASE_URL="postgres://portal:secret@db.internal:5433/leadership",
        )
    )

    database = settings["DATABASE"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "leadership"
    assert database["USER"] == "portal"
    assert database["PASSWORD"] == "secret"
    assert database["HOST"] == "db.internal"
    assert database["PORT"] == 5433


def test_without_database_url_sqlite_is_used():
    database = settings_from(import_settings("portal.settings.base"))["DATABASE"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"


def test_production_uses_postgresql_from_database_url():
    settings = settings_from(
        import_settings(
            "portal.settings.production",
            DJANGO_SECRET_KEY="a-long-random-secret",
            DJANGO_ALLOWED_HOSTS="leaders.example.org",
            DATABASE_URL="postgresql://portal:secret@db.internal/leadership",
        )
    )

    assert settings["DATABASE"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings["DATABASE"]["CONN_MAX_AGE"] == 60
