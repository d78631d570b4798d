"""Recording a follow-up of an aspirant's career steps after a school visit."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import RECORD_FOLLOW_UP
from ..models import AspirantProfile, CareerStep, FollowUp
from ..notifications import follow_up_added_email_send

#: How far back a visit may be recorded, and how far ahead the next follow-up may be set: a
#: mistyped year would otherwise drop the aspirant from every due list and reminder.
VISIT_DATE_EARLIEST = datetime.timedelta(days=365)
NEXT_FOLLOW_UP_LATEST = datetime.timedelta(days=2 * 365)


def follow_up_date_errors(
    *, visit_date: datetime.date | None, next_follow_up_due: datetime.date | None
) -> dict[str, list[str]]:
    """What is wrong with a follow-up's dates, by field; the form shows these before saving too."""
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if isinstance(visit_date, datetime.date):
        if visit_date > today:
            errors["visit_date"] = [
                _("The visit date must be today or in the past. Enter the day of the visit.")
            ]
        elif visit_date < today - VISIT_DATE_EARLIEST:
            errors["visit_date"] = [
                _("The visit date must be within the last year. Check the year you entered.")
            ]
    if isinstance(next_follow_up_due, datetime.date):
        if next_follow_up_due < today:
            errors["next_follow_up_due"] = [
                _("The next follow-up must be today or later. Enter a date in the future, or leave it blank.")
            ]
        elif isinstance(visit_date, datetime.date) and next_follow_up_due <= visit_date:
            errors["next_follow_up_due"] = [
                _("The next follow-up must be after the visit date. Enter a later date, or leave it blank.")
            ]
        elif next_follow_up_due > today + NEXT_FOLLOW_UP_LATEST:
            errors["next_follow_up_due"] = [
                _("The next follow-up must be within the next two years. Check the year you entered.")
            ]
    return errors


def profile_next_follow_up_refresh(*, profile: AspirantProfile) -> None:
    """Copy the latest follow-up's next date onto the profile, where the review list filters on it."""
    latest = FollowUp.objects.filter(profile=profile).order_by("-visit_date", "-pk").first()
    due = latest.next_follow_up_due if latest else None
    AspirantProfile.objects.filter(pk=profile.pk).update(next_follow_up_due=due)
    profile.next_follow_up_due = due


@transaction.atomic
def follow_up_record(
    *,
    author,
    profile: AspirantProfile,
    visit_date: datetime.date,
    notes: str,
    agreed_actions: str = "",
    next_follow_up_due: datetime.date | None = None,
    career_steps: Sequence[CareerStep] = (),
) -> FollowUp:
    """Save a SIP's (or officer's) note of a school visit, log it and email the aspirant that it exists.

    The caller has checked ``permissions.user_can_record_follow_up``. Steps discussed must be the
    aspirant's own. Raises ValidationError with every field's problems; nothing is saved then.
    """
    # Two follow-ups recorded at once: the second waits, so the profile keeps the latest next date.
    AspirantProfile.objects.select_for_update().filter(pk=profile.pk).first()
    follow_up = FollowUp(
        profile=profile,
        author=author,
        visit_date=visit_date,
        notes=notes,
        agreed_actions=agreed_actions,
        next_follow_up_due=next_follow_up_due,
    )
    errors = follow_up_date_errors(visit_date=visit_date, next_follow_up_due=next_follow_up_due)
    if any(step.profile_id != profile.pk for step in career_steps):
        errors["career_steps"] = [_("Choose only this aspirant's own career steps.")]
    try:
        follow_up.full_clean(exclude=["career_steps"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    follow_up.save()
    follow_up.career_steps.set(career_steps)
    profile_next_follow_up_refresh(profile=profile)
    log(instance=profile, action=RECORD_FOLLOW_UP, user=author, data={"follow_up": follow_up.pk})
    transaction.on_commit(lambda: follow_up_added_email_send.enqueue(follow_up_id=follow_up.pk))
    return follow_up
