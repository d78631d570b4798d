"""Benchmark: queries and time to render the public pages as the number of programmes grows.

Run by hand (not by the tests), from the project root:

    .venv/bin/python bench/public_pages.py            # SQLite in a temporary file
    .venv/bin/python bench/public_pages.py 10 100     # other sizes
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/public_pages.py

The benchmark empties the database it runs on, so it never reads DATABASE_URL: it uses
BENCH_DATABASE_URL, whose database name must end in "_bench". Results go in docs/benchmarks.md.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
if BENCH_DATABASE_URL and not BENCH_DATABASE_URL.rstrip("/").endswith("_bench"):
    sys.exit("BENCH_DATABASE_URL must name a database ending in _bench: the benchmark empties it.")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

DEFAULT_SIZES = [10, 100, 1000]
REPEATS = 5


def build(count: int, tree: dict, las: list, schools: list, stages: list) -> None:
    from programmes.factories import ProgrammePageFactory

    existing = tree["programme_index"].get_children().count()
    for n in range(existing, count):
        ProgrammePageFactory(
            parent=tree["programme_index"],
            title=f"Programme {n:04d}",
            local_authorities=[las[n % len(las)]],
            audiences=[stages[n % len(stages)]],
            tags=[f"theme-{n % 12}"],
            impact_score=1 + n % 10,
        ).schools_involved.create(school=schools[n % len(schools)])


def measure(client: Client, url: str) -> tuple[int, float]:
    client.get(url)  # warm caches
    timings = []
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries), statistics.median(timings)


def main() -> None:
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from programmes.factories import LocalAuthorityFactory, SchoolFactory, page_tree_factory
    from programmes.models import CareerStage

    tree = page_tree_factory()
    las = [LocalAuthorityFactory(name=f"Authority {i}") for i in range(7)]
    schools = [SchoolFactory(local_authority=las[i % 7]) for i in range(87)]
    stages = list(CareerStage.objects.all())
    client = Client()
    print(f"database: {connection.vendor}")
    print("| programmes | page | queries | median ms |")
    print("|---:|---|---:|---:|")
    sizes = [int(arg) for arg in sys.argv[1:]] or DEFAULT_SIZES
    for size in sizes:
        build(size, tree, las, schools, stages)
        first = tree["programme_index"].get_children().first()
        for name, url in [
            ("home", "/"),
            ("index", "/programmes/"),
            ("index, filtered", f"/programmes/?local_authority={las[0].slug}&status=open"),
            ("programme", first.url),
            ("search", "/search/?q=programme"),
        ]:
            count, ms = measure(client, url)
            print(f"| {size} | {name} | {count} | {ms:.1f} |")


if __name__ == "__main__":
    main()
