"""The browser plugin skips where it can't run, and fails instead when PORTAL_REQUIRE_BROWSER=1."""

import pytest

from portal.testing import browser


@pytest.fixture
def nothing_missing(monkeypatch, tmp_path):
    for name in ("AXE_JS", "PORTAL_CSS"):
        present = tmp_path / name
        present.write_text("")
        monkeypatch.setattr(browser, name, present)
    monkeypatch.setenv("PORTAL_CHROMIUM", "/bin/sh")
    monkeypatch.delenv("PORTAL_REQUIRE_BROWSER", raising=False)


def test_nothing_missing(nothing_missing):
    assert browser.missing_prerequisites() == []


def test_missing_chromium_is_named(nothing_missing, monkeypatch):
    monkeypatch.setenv("PORTAL_CHROMIUM", "/nowhere/chromium")

    assert ["/nowhere/chromium" in reason for reason in browser.missing_prerequisites()] == [True]


def test_missing_stylesheet_says_how_to_build_it(nothing_missing, monkeypatch):
    monkeypatch.setattr(browser, "PORTAL_CSS", browser.PROJECT_ROOT / "frontend" / "dist" / "missing.css")

    (reason,) = browser.missing_prerequisites()
    assert "npm ci && npm run build" in reason


def test_missing_axe_says_how_to_install_it(nothing_missing, monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "AXE_JS", tmp_path / "absent.js")

    (reason,) = browser.missing_prerequisites()
    assert "npm ci" in reason


def test_skips_by_default(nothing_missing):
    with pytest.raises(pytest.skip.Exception, match="Chromium was not found"):
        browser._skip_or_fail(["Chromium was not found."])


def test_fails_when_the_browser_is_required(nothing_missing, monkeypatch):
    monkeypatch.setenv("PORTAL_REQUIRE_BROWSER", "1")

    with pytest.raises(pytest.fail.Exception, match="PORTAL_REQUIRE_BROWSER=1"):
        browser._skip_or_fail(["Chromium was not found."])
