"""Reads for the review list's spreadsheet export: every row of the filtered list, a chunk at a time.

The profiles come from one query read through a cursor (``QuerySet.iterator``), so a list of
10,000 aspirants is never held in memory at once; each chunk's programme interests come in one
more query. The caller passes the reviewer's filtered queryset (``aspirants_for_reviewer``), so
the export holds exactly what the list shows, in the list's order.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import QuerySet

from ..models import AspirantProfile, ProgrammeInterest

EXPORT_CHUNK_SIZE = 2000


def profile_ids_in(*, profiles: QuerySet[AspirantProfile]) -> list[int]:
    """The ids of ``profiles``, in one query, for the audit log of an export."""
    return list(profiles.order_by().values_list("pk", flat=True))


def follow_up_profile_ids_in(*, follow_ups: QuerySet) -> list[int]:
    """The aspirants the follow-ups in ``follow_ups`` are about, each once, for an export's audit log."""
    return list(follow_ups.order_by().values_list("profile_id", flat=True).distinct())


def programme_titles_by_profile(*, profile_ids: Iterable[int]) -> dict[int, list[str]]:
    """The titles of the programmes each profile is interested in, enrolled on or has completed.

    Withdrawn interest is left out. Titles in alphabetical order. One query.
    """
    titles: dict[int, list[str]] = {}
    interests = (
        ProgrammeInterest.objects.filter(profile_id__in=list(profile_ids))
        .exclude(status=ProgrammeInterest.Status.WITHDRAWN)
        .order_by("programme__title", "programme_id")
        .values_list("profile_id", "programme__title")
    )
    for profile_id, title in interests:
        titles.setdefault(profile_id, []).append(title)
    return titles


def profiles_with_programmes(
    *, profiles: QuerySet[AspirantProfile], chunk_size: int = EXPORT_CHUNK_SIZE
) -> Iterator[tuple[AspirantProfile, list[str]]]:
    """Each profile of ``profiles``, in its order, with ``programme_titles_by_profile``'s titles.

    A generator: one query for the profiles, and one for each ``chunk_size`` profiles' programmes.
    """
    rows = profiles.iterator(chunk_size=chunk_size)
    while chunk := list(islice(rows, chunk_size)):
        titles = programme_titles_by_profile(profile_ids=[profile.pk for profile in chunk])
        for profile in chunk:
            yield profile, titles.get(profile.pk, [])
        del chunk, titles  # before the next chunk is read, so only one is in memory at a time
