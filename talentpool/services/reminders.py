"""The daily email to each School Improvement Partner of the follow-ups due in the next two weeks.

``manage.py send_follow_up_reminders`` runs ``follow_up_reminders_send`` from cron once a day.
Each SIP gets one email listing, by school, the aspirants whose next follow-up is due within
FOLLOW_UP_DUE_WITHIN_DAYS or overdue, and who they have not been reminded about for that due date.
A FollowUpReminder row (sip, profile, due_date) records each reminder, so nothing is sent twice for
the same due date; a newer follow-up with a new date is reminded about again.

Per SIP, the rows are inserted and the email sent inside one transaction, which commits only if
the email went: a failed send leaves no rows and is tried again on the next run. The rows'
unique constraint makes a second run at the same moment (two cron jobs) wait for the first and
then skip that SIP, rather than send the same email again.

Which aspirants a SIP hears about is ``permissions.profiles_reviewable_by(sip)``, narrowed to the
schools the SIP is assigned to (a SIP who is also an officer is not sent the whole LA).
"""

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from programmes.models import School

from ..models import AspirantProfile, FollowUpReminder
from ..permissions import current_sip_assignments, profiles_reviewable_by
from ..roles import SCHOOL_IMPROVEMENT_PARTNERS
from ..selectors.common import display_name
from ..selectors.review import FOLLOW_UP_DUE_WITHIN_DAYS, follow_up_due_q

logger = logging.getLogger(__name__)


@dataclass
class SipReminder:
    """The follow-ups one SIP is to be reminded of, by school (school name order)."""

    sip: object
    profiles: list[AspirantProfile]

    @property
    def by_school(self) -> list[tuple[School, list[AspirantProfile]]]:
        return [
            (school, list(profiles)) for school, profiles in groupby(self.profiles, key=lambda p: p.school)
        ]


@dataclass
class ReminderRun:
    """What a run did: emails sent, reminder rows written, emails that failed (tried again next run),
    and SIPs skipped because another run was reminding them at the same moment."""

    sips_emailed: int = 0
    reminders_recorded: int = 0
    failures: int = 0
    skipped: int = 0
    failed_sip_ids: list[int] = field(default_factory=list)


def _absolute_url(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def reminder_sips(*, today: datetime.date) -> QuerySet:
    """Active SIPs with an email address, an LA and an assignment running on ``today``."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=SCHOOL_IMPROVEMENT_PARTNERS,
            local_authority_membership__isnull=False,
            pk__in=current_sip_assignments(on=today).values("sip_id"),
        )
        .exclude(email="")
        .order_by("pk")
    )


def profiles_to_remind(*, sip, today: datetime.date) -> QuerySet[AspirantProfile]:
    """Aspirants at ``sip``'s schools with a follow-up due by ``today`` + 14 days (or overdue) that
    ``sip`` has not been reminded about for that due date; by school name, then due date. One query."""
    assigned_schools = current_sip_assignments(on=today).filter(sip=sip).values("school_id")
    reminded = FollowUpReminder.objects.filter(
        sip=sip, profile=OuterRef("pk"), due_date=OuterRef("next_follow_up_due")
    )
    return (
        profiles_reviewable_by(sip)
        .filter(follow_up_due_q(on=today), school_id__in=assigned_schools)
        .exclude(Exists(reminded))
        .select_related("user", "school")
        .order_by(
            Lower("school__name"),
            "school_id",
            "next_follow_up_due",
            Lower("user__last_name"),
            Lower("user__first_name"),
            "pk",
        )
    )


def follow_up_reminders_due(*, today: datetime.date | None = None) -> Iterator[SipReminder]:
    """Each SIP who has something to be reminded of, with what; two queries, then one per SIP."""
    today = today or timezone.localdate()
    for sip in reminder_sips(today=today):
        profiles = list(profiles_to_remind(sip=sip, today=today))
        if profiles:
            yield SipReminder(sip=sip, profiles=profiles)


def reminder_email(*, reminder: SipReminder, today: datetime.date) -> EmailMessage:
    """The email to one SIP: names, due dates and links only; never what a follow-up note says."""
    context = {
        "first_name": reminder.sip.first_name or display_name(reminder.sip),
        "days": FOLLOW_UP_DUE_WITHIN_DAYS,
        "count": len(reminder.profiles),
        "schools": [
            {
                "name": school.name,
                "aspirants": [
                    {
                        "name": display_name(profile.user),
                        "due_date": profile.next_follow_up_due,
                        "overdue": profile.next_follow_up_due < today,
                        "url": _absolute_url(reverse("talentpool:review_detail", args=[profile.pk])),
                    }
                    for profile in profiles
                ],
            }
            for school, profiles in reminder.by_school
        ],
        "due_list_url": _absolute_url(reverse("talentpool:due_follow_ups")),
    }
    return EmailMessage(
        subject=render_to_string("talentpool/email/follow_up_reminder_subject.txt", context).strip(),
        body=render_to_string("talentpool/email/follow_up_reminder_message.txt", context),
        to=[reminder.sip.email],
    )


def _send_and_record(*, reminder: SipReminder, today: datetime.date) -> int:
    """Record the reminders and send the email in one transaction; returns how many were recorded.

    Raises IntegrityError if another run recorded any of them first (nothing is sent then), or
    whatever sending raised (nothing is recorded then).
    """
    message = reminder_email(reminder=reminder, today=today)
    now = timezone.now()
    with transaction.atomic():
        FollowUpReminder.objects.bulk_create(
            [
                FollowUpReminder(
                    sip=reminder.sip, profile=profile, due_date=profile.next_follow_up_due, sent_at=now
                )
                for profile in reminder.profiles
            ]
        )
        message.send(fail_silently=False)
    return len(reminder.profiles)


def follow_up_reminders_send(*, today: datetime.date | None = None) -> ReminderRun:
    """Email every SIP their due follow-ups not yet reminded about; one SIP failing stops no other."""
    today = today or timezone.localdate()
    run = ReminderRun()
    for reminder in follow_up_reminders_due(today=today):
        try:
            recorded = _send_and_record(reminder=reminder, today=today)
        except IntegrityError:
            logger.info("Follow-up reminders for SIP %s were sent by another run.", reminder.sip.pk)
            run.skipped += 1
        except Exception:
            logger.exception("The follow-up reminder email to SIP %s could not be sent.", reminder.sip.pk)
            run.failures += 1
            run.failed_sip_ids.append(reminder.sip.pk)
        else:
            run.sips_emailed += 1
            run.reminders_recorded += recorded
    return run
