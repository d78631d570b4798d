"""Benchmark: a SIP with twenty schools reviewing a talent pool as it grows.

Run by hand (not by the tests), from the project root:

    .venv/bin/python bench/review_list.py              # SQLite in a temporary file
    .venv/bin/python bench/review_list.py 200 2000     # other sizes
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/review_list.py

Every aspirant is at one of the SIP's twenty schools and has two career steps, a follow-up and
(for half) a programme interest, so every list filter has work to do. The benchmark empties the
database it runs on, so it never reads DATABASE_URL: it uses BENCH_DATABASE_URL, whose database
name must end in "_bench". Results go in docs/benchmarks.md.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
if BENCH_DATABASE_URL and not BENCH_DATABASE_URL.rstrip("/").endswith("_bench"):
    sys.exit("BENCH_DATABASE_URL must name a database ending in _bench: the benchmark empties it.")
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

DEFAULT_SIZES = [200, 2000, 10000]
REPEATS = 5
SCHOOLS = 20
DAY = datetime.timedelta(days=1)
FIRST_NAMES = ["Amal", "Beth", "Cai", "Dev", "Ena", "Finn", "Gita", "Hal", "Ines", "Jay", "Kit", "Lola"]
LAST_NAMES = ["Adams", "Brook", "Chen", "Dunn", "Evans", "Ford", "Gill", "Hart", "Iqbal", "Jones", "Khan"]


def build(count: int, *, schools, stages, programmes) -> None:
    """Top the pool up to ``count`` aspirants, with bulk inserts."""
    from talentpool.models import AspirantProfile, CareerStep, FollowUp, ProgrammeInterest, Readiness
    from talentpool.roles import ASPIRANT_LEADERS

    existing = AspirantProfile.objects.count()
    if existing >= count:
        return
    user_model = get_user_model()
    password = make_password(None)
    users = user_model.objects.bulk_create(
        [
            user_model(
                username=f"aspirant{n}",
                email=f"aspirant{n}@example.org",
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=f"{LAST_NAMES[n % len(LAST_NAMES)]}{n}",
                password=password,
            )
            for n in range(existing, count)
        ]
    )
    users = list(user_model.objects.filter(username__in=[user.username for user in users]).order_by("pk"))
    Group.objects.get(name=ASPIRANT_LEADERS).user_set.add(*users)
    today = timezone.localdate()
    readiness = [choice for choice, _label in Readiness.choices]
    profiles = AspirantProfile.objects.bulk_create(
        [
            AspirantProfile(
                user=user,
                school=schools[n % len(schools)],
                current_role=stages[n % 4],
                target_role=stages[1 + n % 4],
                years_in_role=n % 9,
                readiness=readiness[n % 3],
                next_follow_up_due=today + (n % 60 - 20) * DAY,
            )
            for n, user in enumerate(users, start=existing)
        ]
    )
    profiles = list(AspirantProfile.objects.filter(user__in=users).order_by("pk"))
    CareerStep.objects.bulk_create(
        [
            CareerStep(profile=profile, title=f"Step {k}", target_date=today + (n % 90 - 10 + k * 30) * DAY)
            for n, profile in enumerate(profiles)
            for k in range(2)
        ]
    )
    FollowUp.objects.bulk_create(
        [
            FollowUp(profile=profile, visit_date=today - (n % 40 + 1) * DAY, notes="Visit notes.")
            for n, profile in enumerate(profiles)
        ]
    )
    ProgrammeInterest.objects.bulk_create(
        [
            ProgrammeInterest(profile=profile, programme=programmes[n % len(programmes)])
            for n, profile in enumerate(profiles)
            if n % 2 == 0
        ]
    )


def measure(client: Client, url: str) -> tuple[int, float, float]:
    """Queries, median milliseconds and peak memory (MB, Python allocations) for one request."""

    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            size = sum(len(chunk) for chunk in response.streaming_content)
        else:
            size = len(response.content)
        return size

    fetch()
    timings = []
    for _ in range(REPEATS):
        connection.queries_log.clear()  # it keeps 9,000 entries; the bulk inserts above fill it
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            fetch()
            timings.append((time.perf_counter() - start) * 1000)
        count = len(queries)  # now: the next request empties Django's query log
    tracemalloc.start()
    fetch()
    peak = tracemalloc.get_traced_memory()[1] / 1_000_000
    tracemalloc.stop()
    return count, statistics.median(timings), peak


def main() -> None:
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from programmes.factories import (
        LocalAuthorityFactory,
        ProgrammePageFactory,
        SchoolFactory,
        page_tree_factory,
    )
    from programmes.models import CareerStage
    from talentpool.factories import SIPAssignmentFactory, staff_user
    from talentpool.roles import SCHOOL_IMPROVEMENT_PARTNERS

    tree = page_tree_factory()
    authority = LocalAuthorityFactory(name="Bedford")
    schools = [SchoolFactory(local_authority=authority) for _ in range(SCHOOLS)]
    stages = list(CareerStage.objects.order_by("sort_order"))
    programmes = [ProgrammePageFactory(parent=tree["programme_index"]) for _ in range(5)]
    sip = staff_user(group=SCHOOL_IMPROVEMENT_PARTNERS, local_authority=authority, username="bench-sip")
    for school in schools:
        SIPAssignmentFactory(sip=sip, school=school)
    client = Client()
    client.force_login(sip)
    review = reverse("talentpool:review_list")
    print(f"database: {connection.vendor}")
    print("| aspirants | page | queries | median ms | peak MB |")
    print("|---:|---|---:|---:|---:|")
    sizes = [int(arg) for arg in sys.argv[1:]] or DEFAULT_SIZES
    for size in sizes:
        build(size, schools=schools, stages=stages, programmes=programmes)
        from talentpool.models import AspirantProfile

        someone = AspirantProfile.objects.order_by("pk").last()
        filtered = f"?school={schools[3].pk}&readiness=ready-now&follow_up_due=1&step_status=planned"
        for name, url in [
            ("review list", review),
            ("list, page 10", review + "?page=10"),
            ("list, filtered", review + filtered),
            ("list, name search", review + f"?search={someone.user.last_name}"),
            ("list, by follow-up due", review + "?sort=follow-up"),
            ("aspirant record", reverse("talentpool:review_detail", args=[someone.pk])),
            ("due follow-ups", reverse("talentpool:due_follow_ups")),
            ("export CSV, all", reverse("talentpool:review_export", args=["csv"])),
            ("export XLSX, all", reverse("talentpool:review_export", args=["xlsx"])),
        ]:
            count, ms, peak = measure(client, url)
            print(f"| {size} | {name} | {count} | {ms:.1f} | {peak:.1f} |")


if __name__ == "__main__":
    main()
