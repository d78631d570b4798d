"""Writing the talent pool's audit log: every read, export and follow-up of someone else's record.

Entries go in Wagtail's ModelLogEntry (so LA officers see them in the admin and aspirants on their
dashboard) with the actions from ``talentpool.log_actions``. No field values are logged.
"""

import uuid
from collections.abc import Iterable
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..log_actions import EXPORT_PROFILE, VIEW_PROFILE
from ..models import AspirantProfile

EXPORT_LOG_BATCH_SIZE = 1000


def _batches(items: Iterable[int], size: int):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def profile_view_log(*, viewer, profile: AspirantProfile) -> None:
    """Log that ``viewer`` opened ``profile``'s record. Aspirants reading their own are not logged."""
    if profile.user_id == viewer.pk:
        return
    log(instance=profile, action=VIEW_PROFILE, user=viewer)


def profile_export_log(*, viewer, profile_ids: Iterable[int], file_format: str) -> int:
    """Log one entry per exported record, sharing one uuid for the download; returns how many.

    Written in batches with ``bulk_create`` so a 10,000-row export costs ten inserts.
    """
    content_type = ContentType.objects.get_for_model(AspirantProfile)
    download = uuid.uuid4()
    now = timezone.now()
    count = 0
    for batch in _batches(profile_ids, EXPORT_LOG_BATCH_SIZE):
        ModelLogEntry.objects.bulk_create(
            [
                ModelLogEntry(
                    content_type=content_type,
                    object_id=str(profile_id),
                    label=f"Aspirant profile {profile_id}",
                    action=EXPORT_PROFILE,
                    data={"format": file_format},
                    timestamp=now,
                    uuid=download,
                    user=viewer,
                )
                for profile_id in batch
                if profile_id is not None
            ]
        )
        count += len(batch)
    return count
