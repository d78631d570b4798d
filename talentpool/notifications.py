"""Emails the talent pool sends, run as django-tasks tasks (immediate backend unless configured).

Emails say that something happened and where to read it; they never carry notes or other
personal details beyond the recipient's own name.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import FollowUp


def absolute_url(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


@task()
def follow_up_added_email_send(*, follow_up_id: int) -> None:
    """Tell the aspirant a follow-up note was added to their pathway (not what it says)."""
    follow_up = FollowUp.objects.select_related("profile__user").filter(pk=follow_up_id).first()
    if follow_up is None or not follow_up.profile.user.email:
        return
    aspirant = follow_up.profile.user
    context = {
        "first_name": aspirant.first_name,
        "pathway_url": absolute_url(reverse("talentpool:dashboard")),
    }
    send_mail(
        subject=render_to_string("talentpool/email/follow_up_added_subject.txt", context).strip(),
        message=render_to_string("talentpool/email/follow_up_added_message.txt", context),
        from_email=None,
        recipient_list=[aspirant.email],
    )
