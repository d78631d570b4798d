"""Writes an LA officer makes in the Wagtail admin: correcting a profile's placing and follow-ups.

Each one is logged in Wagtail's audit log (``wagtail.edit``, ``wagtail.delete``) with the officer
as its user, like every other change to someone's record. The caller has checked, with the
registered permission policies, that the officer manages the record.
"""

import copy
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from programmes.models import CareerStage, School

from ..log_actions import CHANGE_FOLLOW_UP, DELETE_FOLLOW_UP
from ..models import AspirantProfile, FollowUp
from .follow_ups import profile_next_follow_up_refresh

#: What an officer may change on a profile: where the aspirant is and where they are heading.
#: The rest (statement, qualifications, self-assessment, career steps, consent) is the aspirant's own.
PROFILE_FIELDS_MANAGED_BY_OFFICERS = ["school", "current_role", "target_role", "readiness"]


@transaction.atomic
def profile_manage(
    *,
    profile: AspirantProfile,
    expected_version: int,
    editor,
    school: School | None,
    current_role: CareerStage | None,
    target_role: CareerStage | None,
    readiness: str,
) -> AspirantProfile:
    """Save an officer's change to the aspirant's school, roles and readiness.

    A compare-and-set on ``version``, as for the aspirant's own edits, so neither overwrites the
    other unseen: raises ``StaleEditError`` (with the newer profile) if the profile changed since
    ``expected_version``, and ValidationError for bad values; nothing is written then.
    """
    from . import _compare_and_set  # the package's __init__ imports this module

    candidate = copy.copy(profile)
    candidate.school = school
    candidate.current_role = current_role
    candidate.target_role = target_role
    candidate.readiness = readiness
    candidate.full_clean(validate_unique=False)
    _compare_and_set(
        instance=candidate, expected_version=expected_version, fields=PROFILE_FIELDS_MANAGED_BY_OFFICERS
    )
    profile.refresh_from_db()
    log(instance=profile, action="wagtail.edit", user=editor, content_changed=True)
    return profile


def _next_follow_up_errors(
    *, visit_date: datetime.date, next_follow_up_due: datetime.date | None
) -> dict[str, list[str]]:
    if isinstance(next_follow_up_due, datetime.date) and next_follow_up_due <= visit_date:
        return {
            "next_follow_up_due": [
                _("The next follow-up must be after the visit date. Enter a later date, or leave it blank.")
            ]
        }
    return {}


@transaction.atomic
def follow_up_update(
    *,
    follow_up: FollowUp,
    editor,
    notes: str,
    agreed_actions: str,
    next_follow_up_due: datetime.date | None,
) -> FollowUp:
    """Correct a follow-up's notes, agreed actions or next date; the aspirant's next date follows.

    The visit date, author and aspirant stay as recorded. A next date already in the past may be
    kept (an old follow-up is still corrected), but it must come after the visit.
    """
    candidate = copy.copy(follow_up)
    candidate.notes = notes
    candidate.agreed_actions = agreed_actions
    candidate.next_follow_up_due = next_follow_up_due
    errors = _next_follow_up_errors(visit_date=follow_up.visit_date, next_follow_up_due=next_follow_up_due)
    try:
        candidate.full_clean(exclude=["career_steps"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    candidate.save(update_fields=["notes", "agreed_actions", "next_follow_up_due"])
    follow_up.refresh_from_db()
    profile_next_follow_up_refresh(profile=follow_up.profile)
    log(instance=follow_up, action="wagtail.edit", user=editor, content_changed=True)
    # Also on the profile, where the aspirant's "Who has looked at your record" reads.
    log(instance=follow_up.profile, action=CHANGE_FOLLOW_UP, user=editor, data={"follow_up": follow_up.pk})
    return follow_up


@transaction.atomic
def follow_up_delete(*, follow_up: FollowUp, editor) -> None:
    """Delete a follow-up (logged first, while it exists); the aspirant's next date follows."""
    profile = follow_up.profile
    log(instance=follow_up, action="wagtail.delete", user=editor, deleted=True)
    log(instance=profile, action=DELETE_FOLLOW_UP, user=editor, data={"follow_up": follow_up.pk})
    follow_up.delete()
    profile_next_follow_up_refresh(profile=profile)
