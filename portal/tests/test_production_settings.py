"""The settings modules read the environment as documented, each checked in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REQUIRED_IN_PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-secret",
    "DJANGO_ALLOWED_HOSTS": "leaders.example.org",
    "DATABASE_URL": "postgresql://portal:secret@db.internal/leadership",
    "SITE_BASE_URL": "https://leaders.example.org",
}
ENVIRONMENT_VARIABLES = [*REQUIRED_IN_PRODUCTION, "REDIS_URL"]
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


def without(*names: str) -> dict:
    return {name: value for name, value in REQUIRED_IN_PRODUCTION.items() if name not in names}


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, list(REQUIRED_IN_PRODUCTION)),
        (without("DJANGO_SECRET_KEY"), ["DJANGO_SECRET_KEY"]),
        (without("DJANGO_ALLOWED_HOSTS"), ["DJANGO_ALLOWED_HOSTS"]),
        (without("DATABASE_URL"), ["DATABASE_URL"]),
        (without("SITE_BASE_URL"), ["SITE_BASE_URL"]),
        ({**REQUIRED_IN_PRODUCTION, "DJANGO_ALLOWED_HOSTS": " , "}, ["DJANGO_ALLOWED_HOSTS"]),
    ],
)
def test_production_refuses_to_start_without_its_settings(environment, missing):
    result = import_settings("portal.settings.production", **environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    message = result.stderr.splitlines()[-1]
    for name in missing:
        assert name in message
    for name in set(REQUIRED_IN_PRODUCTION) - set(missing):
        assert name not in message


def test_production_starts_with_all_set():
    settings = settings_from(
        import_settings(
            "portal.settings.production",
            **{
                **REQUIRED_IN_PRODUCTION,
                "DJANGO_ALLOWED_HOSTS": "leaders.example.org, www.leaders.example.org",
            },
        )
    )

    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == "a-long-random-secret"
    assert settings["ALLOWED_HOSTS"] == ["leaders.example.org", "www.leaders.example.org"]
    assert settings["STATICFILES"] == "portal.storage.PortalStaticFilesStorage"


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
    settings = settings_from(import_settings("portal.settings.production", **REQUIRED_IN_PRODUCTION))

    assert settings["DATABASE"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings["DATABASE"]["CONN_MAX_AGE"] == 60


def test_production_static_files_are_hashed_compressed_and_module_imports_rewritten(tmp_path):
    """collectstatic with the production storage: hashed names, gzip copies, and init.js
    importing the hashed GOV.UK Frontend module rather than the unhashed one."""
    if not (PROJECT_ROOT / "frontend" / "dist" / "js" / "init.js").exists():
        pytest.fail("Build the front end first: npm ci && npm run build")
    env = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT_VARIABLES}
    env.update(REQUIRED_IN_PRODUCTION, DJANGO_SETTINGS_MODULE="portal.settings.production")
    env["STATIC_ROOT"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_init = tmp_path / manifest["js/init.js"]
    assert manifest["css/portal.css"] != "css/portal.css"
    assert (tmp_path / (manifest["css/portal.css"] + ".gz")).exists()
    assert Path(manifest["js/govuk-frontend.min.js"]).name in hashed_init.read_text()
