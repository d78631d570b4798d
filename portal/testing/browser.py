"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Registered from the root conftest.py (``pytest_plugins = ["portal.testing.browser"]``). Tests that
use it are marked ``@pytest.mark.browser`` and take the ``browser_page`` (1280x800) or
``phone_page`` (320x640) fixture, whose pages have ``base_url`` set to pytest-django's live server,
so ``page.goto("/programmes/")`` works.

Where Chromium, axe-core or the compiled stylesheet is missing the tests skip with the reason and
the fix. With ``PORTAL_REQUIRE_BROWSER=1`` (CI sets it) they fail instead, so CI can't go green by
skipping. ``PORTAL_CHROMIUM`` points at another Chromium binary (default ``/usr/bin/chromium``).
On failure each open page's screenshot and HTML are saved in ``test-artifacts/``.
"""

import functools
import os
import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CHROMIUM = "/usr/bin/chromium"
AXE_JS = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PORTAL_CSS = PROJECT_ROOT / "frontend" / "dist" / "css" / "portal.css"
ARTIFACTS_DIR = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
PHONE_VIEWPORT = {"width": 320, "height": 640}
BLOCKING_IMPACTS = ("serious", "critical")

# What each page saw go wrong (JavaScript errors, failed requests), kept outside the Page object.
_page_problems: "weakref.WeakKeyDictionary[object, dict[str, list[str]]]" = weakref.WeakKeyDictionary()


def browser_required() -> bool:
    return os.environ.get("PORTAL_REQUIRE_BROWSER") == "1"


def chromium_path() -> Path:
    return Path(os.environ.get("PORTAL_CHROMIUM") or DEFAULT_CHROMIUM)


def missing_prerequisites() -> list[str]:
    """Why browser tests can't run here, one sentence (with the fix) per missing piece."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright for Python is not installed: run `pip install -r requirements-dev.txt`.")
    chromium = chromium_path()
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        missing.append(
            f"Chromium was not found at {chromium}: run `apt-get install chromium` or set PORTAL_CHROMIUM "
            "to a Chromium binary (never a browser downloaded by `playwright install`)."
        )
    if not AXE_JS.is_file():
        missing.append(f"axe-core was not found at {AXE_JS}: run `npm ci`.")
    if not PORTAL_CSS.is_file():
        missing.append(
            f"The compiled stylesheet {PORTAL_CSS.relative_to(PROJECT_ROOT)} is missing, so colour-contrast "
            "checks would mean nothing: run `npm ci && npm run build` (`make test` does this)."
        )
    return missing


def _skip_or_fail(reasons: list[str]) -> None:
    message = "Browser tests can't run: " + " ".join(reasons)
    if browser_required():
        pytest.fail(
            f"{message} (PORTAL_REQUIRE_BROWSER=1, so this fails instead of skipping.)", pytrace=False
        )
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole run (starting it takes about a second)."""
    reasons = missing_prerequisites()
    if reasons:
        _skip_or_fail(reasons)
    from django.db import connections
    from playwright.sync_api import Error, sync_playwright

    # Django keeps connections per thread, but "per async context" once an event loop runs in the
    # thread, which Playwright's loop does from here on. Without this, later tests would get new
    # connection objects that lack the test database's serialized contents, so serialized rollback
    # silently restores nothing (Wagtail's root page vanishes), and the live server would read
    # through a different SQLite connection. Reuse this thread's connections in that context.
    thread_connections = {alias: connections[alias] for alias in connections}
    # Playwright's sync API runs an asyncio event loop in the test's thread, so Django sees an "async
    # context" and refuses ORM calls (SynchronousOnlyOperation) from test bodies and fixtures. Nothing
    # runs concurrently with that loop's thread, so it is safe; set only while the browser is up.
    allow_async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
            try:
                browser = playwright.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)
            except Error as error:
                _skip_or_fail([f"Chromium at {chromium_path()} would not start: {error}"])
            yield browser
            browser.close()
    finally:
        if allow_async_unsafe is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allow_async_unsafe


def _new_page(browser, live_server, viewport: dict) -> Iterator:
    from django.core.cache import cache

    # Wagtail caches the site's root paths; a flushed and reloaded database reuses primary keys.
    cache.clear()
    context = browser.new_context(base_url=live_server.url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = {"javascript": [], "requests": []}
    _page_problems[page] = problems
    page.on("pageerror", lambda error: problems["javascript"].append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems["requests"].append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    # A request the browser cancelled because the page moved on (ERR_ABORTED) did not fail.
    page.on(
        "requestfailed",
        lambda request: (
            problems["requests"].append(f"failed ({request.failure}) {request.url}")
            if "ERR_ABORTED" not in (request.failure or "")
            else None
        ),
    )
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def browser_page(chromium_browser, live_server, transactional_db, django_db_serialized_rollback):
    """A fresh 1280x800 page on the live server.

    The live server runs in another thread, so tests need committed data: ``transactional_db``.
    That flushes the database after each test, taking the migrations' data (Wagtail's root page and
    default site, career stages, groups) with it; ``django_db_serialized_rollback`` puts it back.
    """
    yield from _new_page(chromium_browser, live_server, DESKTOP_VIEWPORT)


@pytest.fixture
def phone_page(chromium_browser, live_server, transactional_db, django_db_serialized_rollback):
    """A fresh page 320 CSS pixels wide, the narrowest screen WCAG reflow asks us to support."""
    yield from _new_page(chromium_browser, live_server, PHONE_VIEWPORT)


def visit(page, path: str, *, status: int = 200):
    """Open ``path`` on the live server and check the page arrived whole: status, CSS, no JS errors."""
    response = page.goto(path, wait_until="load")
    if response is None or response.status != status:
        got = response.status if response else "nothing"
        raise AssertionError(f"{path} answered {got}, expected {status}")
    assert_stylesheet_applied(page)
    assert_page_healthy(page)
    return response


def assert_page_healthy(page) -> None:
    """No JavaScript error was thrown and no asset (CSS, JS, image) failed to load."""
    problems = _page_problems.get(page, {"javascript": [], "requests": []})
    if problems["javascript"]:
        raise AssertionError(f"JavaScript errors on {page.url}: {problems['javascript']}")
    if problems["requests"]:
        raise AssertionError(f"Assets that failed to load on {page.url}: {problems['requests']}")


def assert_stylesheet_applied(page) -> None:
    """The portal's compiled CSS loaded, so colour-contrast results describe the real page."""
    rules = page.evaluate(
        """() => [...document.styleSheets]
            .filter(sheet => sheet.href && sheet.href.includes('/css/portal'))
            .reduce((count, sheet) => count + sheet.cssRules.length, 0)"""
    )
    if not rules:
        raise AssertionError(f"portal.css did not load on {page.url}: run `npm run build`.")


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, *, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """axe-core's violations on the current page with one of ``impacts``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated rather than added as a <script>, so saved HTML shows the page as served.
        page.evaluate(_axe_source())
    results = page.evaluate("""async () => await window.axe.run(document, {resultTypes: ['violations']})""")
    return [violation for violation in results["violations"] if violation["impact"] in impacts]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def assert_no_serious_axe_violations(page) -> None:
    """Fail listing rule id, impact, help and failing elements for any serious or critical violation."""
    violations = axe_violations(page)
    if violations:
        raise AssertionError(
            f"axe-core found {len(violations)} serious or critical accessibility violation(s) "
            f"on {page.url}:\n{format_violations(violations)}"
        )


def _artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:150]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """When a browser test fails, keep a screenshot and the HTML of every page it had open."""
    report = yield
    if report.when == "call" and report.failed:
        for name in ("browser_page", "phone_page"):
            page = item.funcargs.get(name) if hasattr(item, "funcargs") else None
            if page is None or page.is_closed():
                continue
            stem = ARTIFACTS_DIR / f"{_artifact_name(item.nodeid)}-{name}"
            try:
                ARTIFACTS_DIR.mkdir(exist_ok=True)
                page.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
                report.sections.append(("browser artifacts", f"{page.url} saved as {stem}.png and .html"))
            except Exception as error:  # a failed screenshot must not hide the failure
                report.sections.append(("browser artifacts", f"could not save {stem}: {error}"))
    return report
